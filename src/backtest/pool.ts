/**
 * A small worker-pool scheduler: jobs queue in submission order and start on the first idle
 * worker; each job reports progress, resolves or rejects on its own (a failing job never takes
 * the pool down), and can be cancelled — a queued job is dropped, a running one has its worker
 * terminated and replaced, so nothing it was doing survives. Workers are injected, so tests
 * drive the scheduler with in-process fakes and the browser with real Web Workers.
 */

/** One worker as the pool sees it. */
export interface PoolWorker<Job, Result> {
  run(job: Job, onProgress: (done: number, total: number) => void): Promise<Result>;
  /** Stops the worker at once; it is not used again. */
  terminate(): void;
}

/** Raised (as the rejection) for a job cancelled before it finished. */
export class CancelledError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'CancelledError';
  }
}

export interface PoolTask<Result> {
  promise: Promise<Result>;
  cancel(): void;
}

export interface WorkerPool<Job, Result> {
  /** Queues `job`; `onProgress` gets (done, total) now and then while it runs. */
  submit(job: Job, onProgress?: (done: number, total: number) => void): PoolTask<Result>;
  /** Jobs waiting plus jobs running. */
  pending(): number;
  /** Terminates every worker and rejects every job not yet finished. */
  dispose(): void;
}

interface Entry<Job, Result> {
  job: Job;
  onProgress?: (done: number, total: number) => void;
  resolve(result: Result): void;
  reject(error: unknown): void;
  isSettled: boolean;
  slot?: number;
}

/** A pool of `size` workers built by `createWorker` (lazily, and again after a cancel). */
export function createWorkerPool<Job, Result>(options: {
  size: number;
  createWorker: () => PoolWorker<Job, Result>;
}): WorkerPool<Job, Result> {
  const size = Math.max(1, Math.floor(options.size));
  const workers: (PoolWorker<Job, Result> | undefined)[] = new Array(size).fill(undefined);
  const busy: (Entry<Job, Result> | undefined)[] = new Array(size).fill(undefined);
  const queue: Entry<Job, Result>[] = [];
  let isDisposed = false;

  const settle = (entry: Entry<Job, Result>, outcome: () => void) => {
    if (entry.isSettled) return;
    entry.isSettled = true;
    outcome();
  };

  const pump = () => {
    for (let slot = 0; slot < size && queue.length > 0; slot++) {
      if (busy[slot]) continue;
      const entry = queue.shift() as Entry<Job, Result>;
      start(slot, entry);
    }
  };

  function start(slot: number, entry: Entry<Job, Result>): void {
    const worker = (workers[slot] ??= options.createWorker());
    busy[slot] = entry;
    entry.slot = slot;
    const finish = (outcome: () => void) => {
      // A cancelled job's slot was already freed (and maybe reused): leave it alone.
      if (busy[slot] === entry) busy[slot] = undefined;
      settle(entry, outcome);
      pump();
    };
    let running: Promise<Result>;
    try {
      running = worker.run(entry.job, (done, total) => {
        if (!entry.isSettled) entry.onProgress?.(done, total);
      });
    } catch (error) {
      running = Promise.reject(error);
    }
    running.then(
      (result) => finish(() => entry.resolve(result)),
      (error: unknown) => finish(() => entry.reject(error)),
    );
  }

  const cancel = (entry: Entry<Job, Result>) => {
    if (entry.isSettled) return;
    const queued = queue.indexOf(entry);
    if (queued >= 0) queue.splice(queued, 1);
    const slot = entry.slot;
    if (slot !== undefined && busy[slot] === entry) {
      workers[slot]?.terminate();
      workers[slot] = undefined;
      busy[slot] = undefined;
    }
    settle(entry, () => entry.reject(new CancelledError()));
    pump();
  };

  return {
    submit(job, onProgress) {
      let entry!: Entry<Job, Result>;
      const promise = new Promise<Result>((resolve, reject) => {
        entry = { job, onProgress, resolve, reject, isSettled: false };
      });
      if (isDisposed) {
        settle(entry, () => entry.reject(new CancelledError()));
      } else {
        queue.push(entry);
        pump();
      }
      return { promise, cancel: () => cancel(entry) };
    },
    pending: () => queue.length + busy.filter(Boolean).length,
    dispose() {
      isDisposed = true;
      for (const entry of [...queue, ...busy.filter((each) => each !== undefined)]) cancel(entry);
      workers.forEach((worker) => worker?.terminate());
      workers.fill(undefined);
    },
  };
}
