/**
 * Runs a parameter sweep over the worker pool: one metrics-only job per combination, overall
 * progress (candles done over all runs), Cancel (drops queued runs, terminates running ones),
 * and per-run failures kept beside the results instead of stopping the sweep.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type { BacktestConfig, BacktestJobResult } from '../../backtest/backtestJob';
import { CancelledError, type PoolTask } from '../../backtest/pool';
import type { RawParams } from '../../core/strategy/types';
import { announce } from '../announcer';
import { backtestPool } from '../backtestPool';
import { messageOf } from './createCommandRunner';
import type { RunStatus } from './createBacktestRunner';

const MINUTE_MS = 60_000;

export interface SweepRow {
  index: number;
  params: RawParams;
  result?: BacktestJobResult;
  error?: string;
}

export interface SweepRunner {
  status: Accessor<RunStatus>;
  rows: Accessor<readonly SweepRow[]>;
  /** Runs finished (successfully or not) and in all. */
  finished: Accessor<number>;
  count: Accessor<number>;
  /** `candleMs`: the source's candle length, to estimate each run's candles before it reports. */
  start(base: BacktestConfig, combinations: readonly RawParams[], candleMs?: number): Promise<void>;
  cancel(): void;
}

export function createSweepRunner(): SweepRunner {
  const [status, setStatus] = createSignal<RunStatus>({ kind: 'idle' });
  const [rows, setRows] = createSignal<readonly SweepRow[]>([]);
  const [finished, setFinished] = createSignal(0);
  const [count, setCount] = createSignal(0);
  let tasks: PoolTask<BacktestJobResult>[] = [];
  let generation = 0;
  const cancelAll = () => tasks.forEach((task) => task.cancel());
  onCleanup(cancelAll);

  return {
    status,
    rows,
    finished,
    count,
    async start(base, combinations, candleMs = MINUTE_MS) {
      cancelAll();
      const mine = ++generation;
      const estimate = Math.max(1, Math.round((base.to - base.from) / candleMs));
      const done = combinations.map(() => 0);
      const totals = combinations.map(() => estimate);
      const report = () => {
        if (mine !== generation) return;
        const all = totals.reduce((sum, total) => sum + total, 0);
        setStatus({ kind: 'running', done: done.reduce((sum, each) => sum + each, 0), total: all });
      };
      setRows([]);
      setFinished(0);
      setCount(combinations.length);
      report();
      tasks = combinations.map((params, index) =>
        backtestPool().submit({ config: { ...base, params }, detail: 'metrics' }, (d, t) => {
          done[index] = d;
          totals[index] = t;
          report();
        }),
      );
      const outcomes = await Promise.allSettled(
        tasks.map(async (task, index): Promise<SweepRow> => {
          const params = combinations[index] as RawParams;
          try {
            const row = { index, params, result: await task.promise };
            done[index] = totals[index] ?? estimate;
            return row;
          } catch (cause) {
            if (cause instanceof CancelledError) throw cause;
            done[index] = totals[index] ?? estimate;
            return { index, params, error: messageOf(cause) };
          } finally {
            if (mine === generation) {
              setFinished((value) => value + 1);
              report();
            }
          }
        }),
      );
      if (mine !== generation) return;
      const finishedRows = outcomes.flatMap((outcome) =>
        outcome.status === 'fulfilled' ? [outcome.value] : [],
      );
      setRows(finishedRows);
      const isCancelled = outcomes.some((outcome) => outcome.status === 'rejected');
      setStatus(isCancelled ? { kind: 'cancelled' } : { kind: 'done' });
      announce(
        isCancelled
          ? `Sweep cancelled after ${finishedRows.length} of ${combinations.length} runs.`
          : `Sweep finished: ${combinations.length} runs.`,
      );
      tasks = [];
    },
    cancel: cancelAll,
  };
}
