/**
 * The Backtest page's worker pool: one workers/backtest.worker.ts per core
 * (navigator.hardwareConcurrency, at most MAX_BACKTEST_WORKERS), created on first use and
 * shared by single runs and sweeps. Cancelling a running job terminates its worker.
 */
import * as Comlink from 'comlink';
import type { BacktestJob, BacktestJobResult, BacktestWorkerApi } from '../backtest/backtestJob';
import { createWorkerPool, type PoolWorker, type WorkerPool } from '../backtest/pool';

/** More workers than this mostly add memory (each holds the sample); 4 keeps a sweep snappy. */
export const MAX_BACKTEST_WORKERS = 4;

function createBrowserWorker(): PoolWorker<BacktestJob, BacktestJobResult> {
  const worker = new Worker(new URL('../../workers/backtest.worker.ts', import.meta.url), {
    type: 'module',
    name: 'flotilla-backtest',
  });
  const remote = Comlink.wrap<BacktestWorkerApi>(worker);
  return {
    run: (job, onProgress) => remote.run(job, Comlink.proxy(onProgress)),
    terminate: () => {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}

let pool: WorkerPool<BacktestJob, BacktestJobResult> | undefined;

/** How many workers the pool runs. */
export function backtestPoolSize(): number {
  const cores = typeof navigator === 'undefined' ? 1 : navigator.hardwareConcurrency || 1;
  return Math.max(1, Math.min(MAX_BACKTEST_WORKERS, cores));
}

export function backtestPool(): WorkerPool<BacktestJob, BacktestJobResult> {
  pool ??= createWorkerPool({ size: backtestPoolSize(), createWorker: createBrowserWorker });
  return pool;
}
