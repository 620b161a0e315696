/**
 * The live (never persisted) market state streamed by the engine: last price per symbol from
 * 'tick' events and each bot's last reported equity/price from 'bot' events. Events are
 * coalesced and applied in an animation frame at most every MIN_FLUSH_INTERVAL_MS, so a 600×
 * replay cannot flood the UI: every applied batch re-renders (and repaints) each visible bot's
 * figures, which on a 100-bot dashboard costs far more than the events themselves.
 */
import { batch } from 'solid-js';
import { createStore, type SetStoreFunction } from 'solid-js/store';
import type { BotStatus } from '../../core/bot/types';
import type { LiveEvent } from '../../host/engineApi';
import type { EngineConnection } from '../connectionTypes';

export interface LivePrice {
  price: number;
  time: number;
}

export interface LiveBotState {
  status: BotStatus;
  equity: number;
  price: number;
  time: number;
}

export interface LiveStore {
  /** Last traded price of `symbol` (reactive), if one has streamed in. */
  priceOf(symbol: string): LivePrice | undefined;
  /** The engine's last report for a bot (reactive). */
  botOf(botId: string): LiveBotState | undefined;
  /** Market time of the simulated account, from 'host' events. */
  marketTime(): number | undefined;
}

interface LiveState {
  prices: Record<string, LivePrice>;
  bots: Record<string, LiveBotState>;
  marketTime?: number;
}

interface Pending {
  prices: Map<string, LivePrice>;
  bots: Map<string, LiveBotState>;
  marketTime?: number;
}

function emptyPending(): Pending {
  return { prices: new Map(), bots: new Map() };
}

function flush(pending: Pending, setState: SetStoreFunction<LiveState>): void {
  batch(() => {
    for (const [symbol, price] of pending.prices) setState('prices', symbol, price);
    for (const [botId, bot] of pending.bots) setState('bots', botId, bot);
    if (pending.marketTime !== undefined) setState('marketTime', pending.marketTime);
  });
}

const scheduleFrame: (callback: () => void) => void =
  typeof requestAnimationFrame === 'function'
    ? (callback) => requestAnimationFrame(callback)
    : (callback) => setTimeout(callback, 16);

/**
 * Live figures change on screen at most 4 times a second: still smooth to read, and a fifth
 * of the rendering a 60 Hz update would cost with 100 bots streaming (npm run bench).
 */
export const MIN_FLUSH_INTERVAL_MS = 250;

/** Subscribes to the connection's live stream; returns the unsubscribe with the store. */
export function createLiveStore(connection: EngineConnection): {
  store: LiveStore;
  dispose: () => void;
} {
  const [state, setState] = createStore<LiveState>({ prices: {}, bots: {} });
  let pending = emptyPending();
  let isScheduled = false;
  let lastFlush = -Infinity;

  const applyPending = (): void => {
    const batchToApply = pending;
    pending = emptyPending();
    isScheduled = false;
    lastFlush = performance.now();
    flush(batchToApply, setState);
  };

  const onEvent = (event: LiveEvent): void => {
    if (event.type === 'tick') {
      pending.prices.set(event.symbol, { price: event.price, time: event.time });
    } else if (event.type === 'bot') {
      const { status, equity, price, time } = event;
      pending.bots.set(event.botId, { status, equity, price, time });
    } else if (event.type === 'host' && event.marketTime !== undefined) {
      pending.marketTime = event.marketTime;
    } else {
      return;
    }
    if (isScheduled) return;
    isScheduled = true;
    const wait = lastFlush + MIN_FLUSH_INTERVAL_MS - performance.now();
    if (wait <= 0) scheduleFrame(applyPending);
    else setTimeout(() => scheduleFrame(applyPending), wait);
  };

  const dispose = connection.onLive(onEvent);
  return {
    store: {
      priceOf: (symbol) => state.prices[symbol],
      botOf: (botId) => state.bots[botId],
      marketTime: () => state.marketTime,
    },
    dispose,
  };
}
