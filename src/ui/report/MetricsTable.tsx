/** A report's metrics as a two-column table (figure, value). */
import { For, type JSX } from 'solid-js';
import type { ReportMetrics } from '../../backtest/runReport';
import { metricRows } from './metricRows';

export function MetricsTable(props: { metrics: ReportMetrics; quote: string }): JSX.Element {
  return (
    <section class="card report-section">
      <h2 id="report-metrics-heading" class="section-title">
        Metrics
      </h2>
      <div class="table-scroll" role="region" aria-labelledby="report-metrics-heading" tabindex="0">
        <table class="data-table metrics-table" aria-labelledby="report-metrics-heading">
          <tbody>
            <For each={metricRows(props.metrics, props.quote)}>
              {(row) => (
                <tr>
                  <th scope="row">{row.label}</th>
                  <td class="numeric">{row.value}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );
}
