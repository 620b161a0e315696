/**
 * Connects this tab to the bot engine. Exactly one tab (elected with the Web Locks API) starts
 * the bot-host worker and talks to it over Comlink; every other tab relays its commands to that
 * worker over a BroadcastChannel RPC and queues for the lock, so it takes over within moments
 * when the leading tab closes. Live events reach every tab on one BroadcastChannel, in batches
 * (src/host/liveBatcher.ts), and are dispatched here one by one.
 */
import * as Comlink from 'comlink';
import { createSignal } from 'solid-js';
import {
  LEADER_LOCK,
  LIVE_CHANNEL,
  RPC_CHANNEL,
  type EngineApi,
  type LiveEvent,
} from '../host/engineApi';
import { createRpcClient } from '../host/rpc';
import type { EngineConnection, TabRole } from './connectionTypes';

function randomId(): string {
  return crypto.randomUUID();
}

export function connectEngine(): EngineConnection {
  const [role, setRole] = createSignal<TabRole>('connecting');
  const listeners = new Set<(event: LiveEvent) => void>();
  const dispatch = (event: LiveEvent) => {
    for (const listener of listeners) listener(event);
  };
  const rpc = createRpcClient(new BroadcastChannel(RPC_CHANNEL), randomId);
  let remote: Comlink.Remote<EngineApi> | undefined;
  let decide: () => void = () => undefined;
  const decided = new Promise<void>((resolve) => (decide = resolve));

  const lead = () => {
    const worker = new Worker(new URL('../../workers/botHost.worker.ts', import.meta.url), {
      type: 'module',
      name: 'flotilla-bot-host',
    });
    remote = Comlink.wrap<EngineApi>(worker);
    void remote.subscribe(
      Comlink.proxy((events: readonly LiveEvent[]) => {
        for (const event of events) dispatch(event);
      }),
    );
    setRole('leader');
    decide();
    // Held until this tab closes; the worker dies with it and the next tab takes over.
    return new Promise<never>(() => undefined);
  };

  void navigator.locks.request(LEADER_LOCK, { ifAvailable: true }, (lock) => {
    if (lock) return lead();
    setRole('follower');
    decide();
    void navigator.locks.request(LEADER_LOCK, lead);
    return undefined;
  });

  const api = new Proxy({} as EngineApi, {
    get(_target, method: keyof EngineApi) {
      return async (...args: unknown[]) => {
        await decided;
        const target = (remote ?? rpc) as unknown as Record<string, (...a: unknown[]) => unknown>;
        return target[method]?.(...args);
      };
    },
  });

  const liveChannel = new BroadcastChannel(LIVE_CHANNEL);
  liveChannel.addEventListener('message', (message: MessageEvent<readonly LiveEvent[]>) => {
    // The leading tab gets its events from its own worker over Comlink.
    if (role() !== 'follower' || !Array.isArray(message.data)) return;
    for (const event of message.data) dispatch(event);
  });

  return {
    api,
    role,
    onLive(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
