/**
 * Runs jobs one at a time, in order. Every mutation of one bot (candles, fills, order updates,
 * user commands) goes through its queue, so no two code paths touch a position at once.
 *
 * A queued job starts in a microtask (never inside the caller's own synchronous code), or
 * earlier when `flush` is called. Jobs that return a plain value run back to back without
 * promise hops; the queue awaits a job only when it returns a promise. A backtest flushes after
 * each candle and so runs synchronously as long as nothing has to wait.
 */
import { isPromise, type MaybePromise } from './maybePromise';

export interface SerialQueue {
  /** Queues `job`; the returned promise settles with the job's own result. */
  run<T>(job: () => MaybePromise<T>): Promise<T>;
  /** Resolves once every job queued so far has finished. */
  idle(): Promise<void>;
  /**
   * Runs the queued jobs now, as far as they complete synchronously. Returns undefined when
   * the queue is empty afterwards, else a promise that resolves once it is (a job is waiting).
   */
  flush(): Promise<void> | undefined;
}

interface Entry {
  job: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export function createSerialQueue(): SerialQueue {
  const entries: (Entry | undefined)[] = [];
  let head = 0;
  /** While jobs are being run (synchronously, or an awaited job is pending). */
  let isDraining = false;
  /** Resolves when the queue is empty again, while an awaited job is pending. */
  let waiting: Promise<void> | undefined;
  let isScheduled = false;

  const drain = (): Promise<void> | undefined => {
    if (isDraining) return waiting;
    isDraining = true;
    while (head < entries.length) {
      const entry = entries[head] as Entry;
      entries[head++] = undefined;
      let result: unknown;
      try {
        result = entry.job();
      } catch (error) {
        entry.reject(error);
        continue;
      }
      if (isPromise(result)) {
        waiting = Promise.resolve(result)
          .then(entry.resolve, entry.reject)
          .then(() => {
            isDraining = false;
            waiting = undefined;
            return drain();
          });
        return waiting;
      }
      entry.resolve(result);
    }
    entries.length = 0;
    head = 0;
    isDraining = false;
    return undefined;
  };

  const schedule = (): void => {
    if (isScheduled || isDraining) return;
    isScheduled = true;
    queueMicrotask(() => {
      isScheduled = false;
      void drain();
    });
  };

  const run = <T>(job: () => MaybePromise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      entries.push({ job, resolve: resolve as (value: unknown) => void, reject });
      schedule();
    });

  return {
    run,
    idle: () =>
      isDraining || head < entries.length ? run(() => undefined) : Promise.resolve(undefined),
    flush: drain,
  };
}
