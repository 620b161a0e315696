/**
 * Two or more saved runs side by side: one metrics column per run (the Report view's rows) and
 * their equity curves overlaid on one time axis (each decimated for display, then joined).
 */
import { createMemo, For, type JSX } from 'solid-js';
import uPlot from 'uplot';
import { decimateMinMax } from '../../../backtest/decimate';
import { createChart } from '../../charts/createChart';
import { themedAxes } from '../../charts/chartTheme';
import { formatNumber } from '../../format';
import { displayBuckets } from '../../report/displaySeries';
import { metricRows } from '../../report/metricRows';
import type { SavedRun } from './SavedRuns';

/** Distinct strokes for up to six runs; the palette repeats after that. */
const PALETTE = ['#38bdf8', '#f97316', '#a855f7', '#22c55e', '#eab308', '#ec4899'];

function quoteOf(run: SavedRun): string {
  return run.report.symbol.split('/')[1] ?? '';
}

export function CompareRuns(props: { runs: readonly SavedRun[] }): JSX.Element {
  let container: HTMLDivElement | undefined;
  const rows = createMemo(() =>
    props.runs.map((run) => metricRows(run.report.metrics, quoteOf(run))),
  );
  const data = createMemo(() => {
    const buckets = displayBuckets();
    const tables = props.runs.map((run): uPlot.AlignedData => {
      const shown = decimateMinMax(
        Float64Array.from(run.report.equity.times, (time) => time / 1000),
        Float64Array.from(run.report.equity.values),
        buckets,
      );
      return [shown.xs, shown.ys];
    });
    return uPlot.join(tables);
  });
  createChart(() => container, {
    height: 240,
    data,
    options: (colors) => ({
      scales: { x: { time: true } },
      axes: themedAxes(colors, 2),
      legend: { live: true },
      series: [
        {},
        ...props.runs.map((run, index) => ({
          label: run.name,
          stroke: PALETTE[index % PALETTE.length],
          width: 1.5,
          spanGaps: true,
          value: (_u: uPlot, v: number | null) => (v === null ? '—' : formatNumber(v, 2)),
        })),
      ],
    }),
  });
  return (
    <section class="compare-runs">
      <h3 id="compare-heading" class="section-title">
        Comparison
      </h3>
      <div class="table-scroll" role="region" aria-labelledby="compare-heading" tabindex="0">
        <table class="data-table" aria-labelledby="compare-heading">
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <For each={props.runs}>
                {(run) => (
                  <th scope="col" class="numeric">
                    {run.name}
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={rows()[0] ?? []}>
              {(row, index) => (
                <tr>
                  <th scope="row">{row.label}</th>
                  <For each={rows()}>
                    {(column) => <td class="numeric">{column[index()]?.value}</td>}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <div
        class="chart"
        role="img"
        aria-label={`Equity curves of ${props.runs.length} runs overlaid: ${props.runs.map((run) => run.name).join('; ')}.`}
        ref={container}
      />
    </section>
  );
}
