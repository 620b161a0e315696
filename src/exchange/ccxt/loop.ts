/**
 * Long-running stream loops on injected timers: shared feeds (one upstream loop per key, many
 * listeners), a stopper whose sleeps end at once when the loop is stopped, and a loop runner
 * that backs off exponentially after failures (reconnects) until stopped.
 */
import type { Unsubscribe } from '../../core/exchangePort';
import type { TimerHandle, Timers } from '../../core/time';

/** First reconnect delay after a stream failure; doubles per failure up to the maximum. */
export const FIRST_RECONNECT_MS = 1_000;
export const MAX_RECONNECT_MS = 60_000;

export interface Stopper {
  readonly stopped: boolean;
  stop(): void;
  /** Resolves after `ms`, or at once when stopped. */
  sleep(ms: number): Promise<void>;
}

export function createStopper(timers: Timers): Stopper {
  let stopped = false;
  const sleeping = new Map<TimerHandle, () => void>();
  return {
    get stopped() {
      return stopped;
    },
    stop() {
      stopped = true;
      for (const [handle, wake] of sleeping) {
        timers.clearTimeout(handle);
        wake();
      }
      sleeping.clear();
    },
    sleep(ms) {
      if (stopped) return Promise.resolve();
      return new Promise((resolve) => {
        const handle = timers.setTimeout(() => {
          sleeping.delete(handle);
          resolve();
        }, ms);
        sleeping.set(handle, resolve);
      });
    },
  };
}

export interface LoopOptions {
  stopper: Stopper;
  /** One round: a WebSocket update or a poll (which sleeps its interval itself). */
  step: () => Promise<void>;
  /** Told about each failure and the delay before the next attempt. */
  onFailure: (error: unknown, delayMs: number, failures: number) => void;
}

/** Runs `step` until stopped; after a failure waits 1 s, 2 s, 4 s… (≤ 60 s) and goes on. */
export function runLoop(options: LoopOptions): void {
  const { stopper } = options;
  void (async () => {
    let failures = 0;
    while (!stopper.stopped) {
      try {
        await options.step();
        failures = 0;
      } catch (error) {
        if (stopper.stopped) break;
        failures += 1;
        const delay = Math.min(MAX_RECONNECT_MS, FIRST_RECONNECT_MS * 2 ** (failures - 1));
        options.onFailure(error, delay, failures);
        await stopper.sleep(delay);
      }
    }
  })();
}

/** Feeds keyed by e.g. symbol: the first listener starts the upstream, the last one stops it. */
export function createFeeds<T>() {
  const feeds = new Map<string, { listeners: Set<(value: T) => void>; stop: () => void }>();
  return {
    subscribe(
      key: string,
      listener: (value: T) => void,
      start: (emit: (value: T) => void) => () => void,
    ): Unsubscribe {
      let feed = feeds.get(key);
      if (!feed) {
        const listeners = new Set<(value: T) => void>();
        const emit = (value: T) => {
          for (const each of [...listeners]) {
            // A failing listener is its owner's problem; it must not break the stream.
            try {
              each(value);
            } catch (error) {
              console.error(`Listener of ${key} failed`, error);
            }
          }
        };
        feed = { listeners, stop: () => undefined };
        feeds.set(key, feed);
        feed.stop = start(emit);
      }
      const owner = feed;
      owner.listeners.add(listener);
      return () => {
        owner.listeners.delete(listener);
        if (owner.listeners.size === 0 && feeds.get(key) === owner) {
          feeds.delete(key);
          owner.stop();
        }
      };
    },
    stopAll(): void {
      for (const feed of feeds.values()) feed.stop();
      feeds.clear();
    },
  };
}
