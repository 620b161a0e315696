/**
 * Live events cross a thread boundary in batches: with 100 bots at 600× the engine emits some
 * two thousand events a second (a 'bot' snapshot and a 'candle' per bot per candle, ticks),
 * and each message costs the receiving main thread a structured-clone and a task. Events are
 * held for at most `intervalMs` and delivered as one array; within a batch only the newest
 * 'tick' per account and symbol and the newest 'bot' snapshot per bot are kept (each replaces
 * the one before — readers keep only the latest), every other event is kept, in order.
 */
import type { TimerHandle, Timers } from '../core/time';
import type { LiveEvent } from './engineApi';

/** How long an event may wait for its batch: well under a frame's worth of lag to a human. */
export const LIVE_BATCH_MS = 50;

export interface LiveBatcher {
  push(event: LiveEvent): void;
  /** Delivers what is pending now (e.g. before shutting down). */
  flush(): void;
}

/** The key under which a newer event replaces an older one, or undefined (always kept). */
function supersedeKey(event: LiveEvent): string | undefined {
  if (event.type === 'tick') return `tick|${event.accountId}|${event.symbol}`;
  if (event.type === 'bot') return `bot|${event.botId}`;
  return undefined;
}

export function createLiveBatcher(options: {
  deliver: (events: LiveEvent[]) => void;
  timers: Timers;
  intervalMs?: number;
}): LiveBatcher {
  let pending: LiveEvent[] = [];
  let slots = new Map<string, number>();
  let timer: TimerHandle | undefined;

  const flush = (): void => {
    if (timer !== undefined) options.timers.clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    slots = new Map();
    options.deliver(batch);
  };

  return {
    push(event) {
      const key = supersedeKey(event);
      const slot = key === undefined ? undefined : slots.get(key);
      if (slot !== undefined) {
        pending[slot] = event;
      } else {
        if (key !== undefined) slots.set(key, pending.length);
        pending.push(event);
      }
      timer ??= options.timers.setTimeout(flush, options.intervalMs ?? LIVE_BATCH_MS);
    },
    flush,
  };
}
