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

export function createSerialQueue(): SerialQueue {
  // The queued jobs and their promises' settle functions, side by side; `head` is the next.
  const jobs: ((() => unknown) | undefined)[] = [];
  const resolvers: (((value: unknown) => void) | undefined)[] = [];
  const rejecters: (((error: unknown) => void) | undefined)[] = [];
  let head = 0;
  /** While jobs are being run (synchronously, or an awaited job is pending). */
  let isDraining = false;
  /** Resolves when the queue is empty again, while an awaited job is pending. */
  let waiting: Promise<void> | undefined;
  let isScheduled = false;

  const drain = (): Promise<void> | undefined => {
    if (isDraining) return waiting;
    isDraining = true;
    while (head < jobs.length) {
      const job = jobs[head] as () => unknown;
      const resolve = resolvers[head] as (value: unknown) => void;
      const reject = rejecters[head] as (error: unknown) => void;
      jobs[head] = resolvers[head] = rejecters[head] = undefined;
      head += 1;
      let result: unknown;
      try {
        result = job();
      } catch (error) {
        reject(error);
        continue;
      }
      if (isPromise(result)) {
        waiting = Promise.resolve(result)
          .then(resolve, reject)
          .then(() => {
            isDraining = false;
            waiting = undefined;
            return drain();
          });
        return waiting;
      }
      resolve(result);
    }
    jobs.length = resolvers.length = rejecters.length = 0;
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
      jobs.push(job);
      resolvers.push(resolve as (value: unknown) => void);
      rejecters.push(reject);
      schedule();
    });

  return {
    run,
    idle: () =>
      isDraining || head < jobs.length ? run(() => undefined) : Promise.resolve(undefined),
    flush: drain,
  };
}
