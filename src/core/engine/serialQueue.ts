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
  // The queued jobs and their promises' settle functions, side by side, from `head` (the next)
  // to `tail`; the slots are reused once the queue is empty (no array resizing per job).
  const jobs: ((() => unknown) | undefined)[] = [];
  const resolvers: (((value: unknown) => void) | undefined)[] = [];
  const rejecters: (((error: unknown) => void) | undefined)[] = [];
  let head = 0;
  let tail = 0;
  /** While jobs are being run (synchronously, or an awaited job is pending). */
  let isDraining = false;
  /** Resolves when the queue is empty again, while an awaited job is pending. */
  let waiting: Promise<void> | undefined;
  let isScheduled = false;

  const dropUsedSlots = (): void => {
    jobs.splice(0, head);
    resolvers.splice(0, head);
    rejecters.splice(0, head);
    tail -= head;
    head = 0;
  };

  const drain = (): Promise<void> | undefined => {
    if (isDraining) return waiting;
    isDraining = true;
    while (head < tail) {
      const job = jobs[head] as () => unknown;
      const resolve = resolvers[head] as (value: unknown) => void;
      const reject = rejecters[head] as (error: unknown) => void;
      jobs[head] = resolvers[head] = rejecters[head] = undefined;
      head += 1;
      // A queue that never empties (jobs keep arriving while one waits) drops its used slots.
      if (head >= 1_024) dropUsedSlots();
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
    head = tail = 0;
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
      jobs[tail] = job;
      resolvers[tail] = resolve as (value: unknown) => void;
      rejecters[tail] = reject;
      tail += 1;
      schedule();
    });

  return {
    run,
    idle: () => (isDraining || head < tail ? run(() => undefined) : Promise.resolve(undefined)),
    flush: drain,
  };
}
