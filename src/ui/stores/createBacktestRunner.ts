/**
 * Runs one backtest on the worker pool: progress in candles, Cancel (terminates the worker;
 * nothing is saved), and on success the report, saved to the saved runs (last N kept).
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type { BacktestConfig } from '../../backtest/backtestJob';
import { CancelledError, type PoolTask } from '../../backtest/pool';
import type { BacktestJobResult } from '../../backtest/backtestJob';
import type { RunReport } from '../../backtest/runReport';
import { announce } from '../announcer';
import { backtestPool } from '../backtestPool';
import { savedRuns } from '../db';
import { messageOf } from './createCommandRunner';

export type RunStatus =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done' }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

export interface BacktestResultView {
  config: BacktestConfig;
  report: RunReport;
  savedId?: string;
}

export interface BacktestRunner {
  status: Accessor<RunStatus>;
  result: Accessor<BacktestResultView | undefined>;
  run(config: BacktestConfig): Promise<void>;
  cancel(): void;
}

export function createBacktestRunner(): BacktestRunner {
  const [status, setStatus] = createSignal<RunStatus>({ kind: 'idle' });
  const [result, setResult] = createSignal<BacktestResultView>();
  let task: PoolTask<BacktestJobResult> | undefined;
  onCleanup(() => task?.cancel());

  return {
    status,
    result,
    async run(config) {
      task?.cancel();
      setStatus({ kind: 'running', done: 0, total: 0 });
      const current = backtestPool().submit({ config, detail: 'full' }, (done, total) => {
        if (task === current) setStatus({ kind: 'running', done, total });
      });
      task = current;
      try {
        const { report } = await current.promise;
        if (task !== current) return;
        if (!report) throw new Error('The worker returned no report.');
        let savedId: string | undefined;
        try {
          const saved = await savedRuns.saveRun({
            name: report.title,
            strategyId: config.strategyId,
            config,
            report,
            now: Date.now(),
          });
          savedId = saved.id;
        } catch (cause) {
          console.warn('Could not save the backtest run', cause);
        }
        setResult({ config, report, savedId });
        setStatus({ kind: 'done' });
        announce(`Backtest finished: ${report.title}.`);
      } catch (cause) {
        if (task !== current) return;
        if (cause instanceof CancelledError) {
          setStatus({ kind: 'cancelled' });
          announce('Backtest cancelled.');
        } else {
          setStatus({ kind: 'failed', message: messageOf(cause) });
        }
      } finally {
        if (task === current) task = undefined;
      }
    },
    cancel() {
      task?.cancel();
    },
  };
}
