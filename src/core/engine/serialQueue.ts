/**
 * Runs jobs one at a time, in order. Every mutation of one bot (candles, fills, order updates,
 * user commands) goes through its queue, so no two code paths touch a position at once.
 *
 * A queued job starts in a microtask (never inside the caller's own synchronous code), or
 * earlier when `flush` is called. Jobs that return a plain value run back to back without
 * promise hops; the queue awaits a job only when it returns a promise. A backtest flushes after
 * each candle and so runs synchronously as long as nothing has to wait.
 */
import { ignore, isPromise, type MaybePromise } from './maybePromise';

export interface SerialQueue {
  /** Queues `job`; the returned promise settles with the job's own result. */
  run<T>(job: () => MaybePromise<T>): Promise<T>;
  /**
   * Queues `job(argument)` with nothing to wait on (no promise is made: a backtest posts a
   * candle a step). A job that fails is reported as an unhandled rejection, as a `run` whose
   * promise nobody holds would be.
   */
  post<A>(job: (argument: A) => unknown, argument: A): void;
  /** Resolves once every job queued so far has finished. */
  idle(): Promise<void>;
  /**
   * Runs the queued jobs now, as far as they complete synchronously. Returns undefined when
   * the queue is empty afterwards, else a promise that resolves once it is (a job is waiting).
   */
  flush(): Promise<void> | undefined;
}

const settled = Promise.resolve();
const rejectUnhandled = (error: unknown): void => void Promise.reject(error);

export function createSerialQueue(): SerialQueue {
  // The queued jobs and their promises' settle functions, side by side, from `head` (the next)
  // to `tail`; the slots are reused once the queue is empty (no array resizing per job).
  const jobs: (((argument: unknown) => unknown) | undefined)[] = [];
  const args: unknown[] = [];
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
    args.splice(0, head);
    resolvers.splice(0, head);
    rejecters.splice(0, head);
    tail -= head;
    head = 0;
  };

  const drain = (): Promise<void> | undefined => {
    if (isDraining) return waiting;
    isDraining = true;
    while (head < tail) {
      const job = jobs[head] as (argument: unknown) => unknown;
      const argument = args[head];
      // Undefined for a posted job: its failure becomes an unhandled rejection.
      const resolve = resolvers[head] ?? ignore;
      const reject = rejecters[head] ?? rejectUnhandled;
      jobs[head] = resolvers[head] = rejecters[head] = args[head] = undefined;
      head += 1;
      // A queue that never empties (jobs keep arriving while one waits) drops its used slots.
      if (head >= 1_024) dropUsedSlots();
      let result: unknown;
      try {
        result = job(argument);
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

  const runScheduled = (): void => {
    isScheduled = false;
    void drain();
  };

  // A microtask through a settled promise rather than queueMicrotask, which in Node wraps every
  // callback in an AsyncResource (a backtest schedules one per fill and order update).
  const schedule = (): void => {
    if (isScheduled || isDraining) return;
    isScheduled = true;
    void settled.then(runScheduled);
  };

  const run = <T>(job: () => MaybePromise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      jobs[tail] = job;
      resolvers[tail] = resolve as (value: unknown) => void;
      rejecters[tail] = reject;
      tail += 1;
      schedule();
    });

  const post = <A>(job: (argument: A) => unknown, argument: A): void => {
    jobs[tail] = job as (argument: unknown) => unknown;
    args[tail] = argument;
    tail += 1;
    schedule();
  };

  return {
    run,
    post,
    idle: () => (isDraining || head < tail ? run(() => undefined) : Promise.resolve(undefined)),
    flush: drain,
  };
}
