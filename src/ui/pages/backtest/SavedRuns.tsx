/**
 * The saved backtest runs (newest first, the last MAX_SAVED_RUNS kept): open one's report,
 * delete it, or tick two or more and compare them side by side.
 */
import { createSignal, For, Show, type JSX } from 'solid-js';
import type { BacktestConfig } from '../../../backtest/backtestJob';
import type { RunReport } from '../../../backtest/runReport';
import { MAX_SAVED_RUNS, type SavedBacktestRun } from '../../../db';
import { db, savedRuns } from '../../db';
import { formatDateTime, formatNumber, formatPercent } from '../../format';
import { createLiveQuery } from '../../liveQuery';
import { CompareRuns } from './CompareRuns';

export type SavedRun = SavedBacktestRun<BacktestConfig, RunReport>;

export function SavedRuns(props: { onOpen: (run: SavedRun) => void }): JSX.Element {
  const runs = createLiveQuery(
    async () => (await db.backtestRuns.orderBy('savedAt').reverse().toArray()) as SavedRun[],
    [] as SavedRun[],
  );
  const [selected, setSelected] = createSignal<readonly string[]>([]);
  const [comparing, setComparing] = createSignal<readonly SavedRun[]>([]);
  const toggle = (id: string, isOn: boolean) =>
    setSelected((ids) => (isOn ? [...ids, id] : ids.filter((each) => each !== id)));
  const remove = async (run: SavedRun) => {
    await savedRuns.deleteRun(run.id);
    setSelected((ids) => ids.filter((id) => id !== run.id));
    setComparing((shown) => shown.filter((each) => each.id !== run.id));
  };
  const compare = () => setComparing(runs().filter((run) => selected().includes(run.id)));
  return (
    <section class="card">
      <h2 id="saved-runs-heading" class="section-title">
        Saved runs
      </h2>
      <p class="muted small">
        Every finished backtest is saved here; the last {MAX_SAVED_RUNS} are kept.
      </p>
      <div class="table-scroll" role="region" aria-labelledby="saved-runs-heading" tabindex="0">
        <table class="data-table" aria-labelledby="saved-runs-heading">
          <thead>
            <tr>
              <th scope="col">
                <span class="visually-hidden">Compare</span>
              </th>
              <th scope="col">Run</th>
              <th scope="col">Saved</th>
              <th scope="col" class="numeric">
                Total return
              </th>
              <th scope="col" class="numeric">
                Max drawdown
              </th>
              <th scope="col" class="numeric">
                Trades
              </th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <For
              each={runs()}
              fallback={
                <tr>
                  <td class="empty-row" colSpan={7}>
                    {runs.loaded() ? 'No saved runs yet: run a backtest above.' : 'Loading…'}
                  </td>
                </tr>
              }
            >
              {(run) => (
                <tr>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Select ${run.name} for comparison`}
                      checked={selected().includes(run.id)}
                      onChange={(event) => toggle(run.id, event.currentTarget.checked)}
                    />
                  </td>
                  <th scope="row">{run.name}</th>
                  <td>{formatDateTime(run.savedAt)}</td>
                  <td class="numeric">{formatPercent(run.report.metrics.totalReturn)}</td>
                  <td class="numeric">{formatPercent(run.report.metrics.maxDrawdown)}</td>
                  <td class="numeric">{formatNumber(run.report.metrics.trades.tradeCount, 0)}</td>
                  <td class="actions">
                    <div class="button-row">
                      <button
                        type="button"
                        class="button button-small"
                        aria-label={`Open ${run.name}`}
                        onClick={() => props.onOpen(run)}
                      >
                        Open
                      </button>
                      <button
                        type="button"
                        class="button button-small button-danger-outline"
                        aria-label={`Delete ${run.name}`}
                        onClick={() => void remove(run)}
                      >
                        Delete
                      </button>
                    </div>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <div class="button-row">
        <button type="button" class="button" disabled={selected().length < 2} onClick={compare}>
          Compare selected ({selected().length})
        </button>
      </div>
      <Show when={comparing().length >= 2 ? comparing() : undefined} keyed>
        {(shown) => <CompareRuns runs={shown} />}
      </Show>
    </section>
  );
}
