/**
 * Test support (imported only by *.test.ts): a bot host that can be killed the way a worker is
 * killed. A thin fault-injecting wrapper around the exchange port and the store calls `kill`
 * at a chosen step; from then on every call of the dead host never returns and its timers never
 * fire, so none of its code runs again, no cleanup included. Only what it had already committed
 * to IndexedDB (journal, fills, ledgers, the simulator's saved state) survives for the next host.
 */
import type { BotStore } from '../core/engine/store';
import type { ExchangePort } from '../core/exchangePort';
import type { OrderRecord } from '../core/orders/journal';
import type { OrderRequest } from '../core/orders/types';
import type { RunnableStrategy } from '../core/strategy/types';
import { createSeededRandom, type ManualClock, type Timers } from '../core/time';
import type { FlotillaDb } from '../db';
import { committedSamples } from '../exchange/simulated/testSupport';
import { STRATEGIES } from '../../strategies';
import { createBotHost, type BotHost } from './botHost';

/** Where a host is killed. Each returns true when the kill happens at this call. */
export interface CrashPlan {
  /** After this order was journaled (state `new`), before it is marked `sent`. */
  afterJournal?: (order: OrderRecord) => boolean;
  /** After this order was marked `sent` in the journal, before the request reaches the exchange. */
  beforeSend?: (request: OrderRequest) => boolean;
  /** After the exchange accepted this order and saved it, before the engine hears back. */
  afterAccept?: (request: OrderRequest) => boolean;
  /** After this fill was committed with its order and ledger (`isPartial`: order not done). */
  afterFill?: (fill: { clientOrderId: string; isPartial: boolean }) => boolean;
  /** When this fill is about to be committed: the exchange has it, the database does not. */
  beforeFill?: (fill: { clientOrderId: string; isPartial: boolean }) => boolean;
}

export interface KillableHost {
  host: BotHost;
  /** Whether the plan killed it. */
  isDead(): boolean;
  /** Advances market minutes at 600× until done, or until the host is killed. */
  play(minutes: number): Promise<void>;
}

const MINUTE_AT_600X_MS = 100;
const never = <T>() => new Promise<T>(() => undefined);

/** Methods of `target` that return promises, made to hang once `isDead()`. */
function hangWhenDead<T extends object>(target: T, isDead: () => boolean): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      const value: unknown = Reflect.get(object, key, receiver);
      if (typeof value !== 'function' || String(key).startsWith('watch')) return value;
      return (...args: unknown[]) =>
        isDead() ? never() : (value as (...a: unknown[]) => unknown).apply(object, args);
    },
  });
}

export async function startKillableHost(options: {
  db: FlotillaDb;
  clock: ManualClock;
  plan?: CrashPlan;
  strategies?: readonly RunnableStrategy[];
  liquidityShare?: number;
  /** Equity points and runtime states written behind, as the worker does (see BotHostDeps). */
  writeBehindMs?: number;
}): Promise<KillableHost> {
  const { db, clock, plan = {} } = options;
  let dead = false;
  const kill = () => {
    dead = true;
  };
  const timers: Timers = {
    setTimeout: (callback, delayMs) => clock.setTimeout(() => dead || callback(), delayMs),
    clearTimeout: (handle) => clock.clearTimeout(handle),
  };
  /** Waits until the simulator's saved state in IndexedDB knows this client order id. */
  const savedOnExchange = async (clientOrderId: string) => {
    for (let attempt = 0; attempt < 1_000; attempt++) {
      const saved = (await db.simState.get('sim-default'))?.state as
        { seenClientOrderIds: string[] } | undefined;
      if (saved?.seenClientOrderIds.includes(clientOrderId)) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
    throw new Error(`The simulator never saved order ${clientOrderId}`);
  };

  const wrapExchange = (exchange: ExchangePort): ExchangePort => {
    const createOrder: ExchangePort['createOrder'] = async (request) => {
      if (plan.beforeSend?.(request)) kill();
      if (dead) return never();
      const placed = await exchange.createOrder(request);
      if (plan.afterAccept?.(request)) {
        await savedOnExchange(request.clientOrderId);
        kill();
      }
      return dead ? never() : placed;
    };
    return hangWhenDead(
      new Proxy(exchange, {
        get: (object, key, receiver) =>
          key === 'createOrder' ? createOrder : Reflect.get(object, key, receiver),
      }),
      () => dead,
    );
  };

  const wrapStore = (store: BotStore): BotStore => {
    const recordFill: BotStore['recordFill'] = async (accountId, botId, fill, order, ledger) => {
      const step = { clientOrderId: fill.clientOrderId, isPartial: order.state !== 'filled' };
      if (plan.beforeFill?.(step)) kill();
      if (dead) return never();
      const isNew = await store.recordFill(accountId, botId, fill, order, ledger);
      if (plan.afterFill?.(step)) kill();
      return dead ? never() : isNew;
    };
    const putOrder: BotStore['putOrder'] = async (order) => {
      if (dead) return never();
      await store.putOrder(order);
      if (order.state === 'new' && plan.afterJournal?.(order)) kill();
      return dead ? never() : undefined;
    };
    return hangWhenDead({ ...store, recordFill, putOrder }, () => dead);
  };

  const host = createBotHost({
    db,
    clock,
    timers,
    random: createSeededRandom(7),
    strategies: options.strategies ?? STRATEGIES,
    loadSamples: async () => committedSamples(),
    publish: () => undefined,
    wrapExchange,
    wrapStore,
    liquidityShare: options.liquidityShare,
    storeWriteBehindMs: options.writeBehindMs,
  });
  await host.boot();
  const account = await host.getSimulatedAccount('sim-default');
  if (!account.ok) throw new Error(account.error);
  if (account.value.speed !== 600) {
    const updated = await host.updateSimulatedAccount({ ...account.value, speed: 600 });
    if (!updated.ok) throw new Error(updated.error);
  }
  /** Lets the dead host's pending work run into its hanging calls. */
  const settle = async () => {
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
  };
  return {
    host,
    isDead: () => dead,
    async play(minutes) {
      for (let minute = 0; minute < minutes && !dead; minute++) {
        clock.advance(MINUTE_AT_600X_MS);
        // A killed host never becomes idle: race its idleness against the kill.
        let isIdle = false;
        await Promise.race([
          host.idle().then(() => {
            isIdle = true;
          }),
          waitUntil(() => dead || isIdle),
        ]);
      }
      if (dead) await settle();
    },
  };
}

async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}
