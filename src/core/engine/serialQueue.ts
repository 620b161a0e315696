/**
 * Runs async jobs one at a time, in order. Every mutation of one bot (candles, fills, order
 * updates, user commands) goes through its queue, so no two code paths touch a position at once.
 */
export interface SerialQueue {
  /** Queues `job`; the returned promise settles with the job's own result. */
  run<T>(job: () => Promise<T> | T): Promise<T>;
  /** Resolves once every job queued so far has finished. */
  idle(): Promise<void>;
}

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(job) {
      const result = tail.then(job);
      // A failed job must not block the ones behind it; its caller sees the rejection.
      tail = result.catch(() => undefined);
      return result;
    },
    idle() {
      return tail.then(() => undefined);
    },
  };
}
