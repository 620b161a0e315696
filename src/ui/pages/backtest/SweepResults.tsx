/**
 * A sweep's results ranked by a chosen metric (best first; click a metric's header to rank by
 * it, again to reverse), failed runs listed with their error, and per row "Create bot from
 * this result" and "Open report" (runs that combination as a full backtest).
 */
import { createMemo, createSignal, For, Show, type JSX } from 'solid-js';
import { RANK_METRICS, rankBy, rankMetric } from '../../../backtest/rankMetrics';
import type { RawParams } from '../../../core/strategy/types';
import { createBotFromResult } from '../../createBotFromResult';
import { messageOf } from '../../stores/createCommandRunner';
import type { SweepRow } from '../../stores/createSweepRunner';
import { formatMetric } from '../../report/metricRows';

export function paramsText(params: RawParams): string {
  return Object.entries(params)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(' ');
}

export function SweepResults(props: {
  rows: readonly SweepRow[];
  strategyId: string;
  onOpen: (params: RawParams) => void;
}): JSX.Element {
  const [metricKey, setMetricKey] = createSignal('totalReturn');
  const [isAscending, setAscending] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const succeeded = () => props.rows.filter((row) => row.result);
  const failed = () => props.rows.filter((row) => row.error !== undefined);
  const ranked = createMemo(() =>
    rankBy(succeeded(), rankMetric(metricKey()), (row) => row.result!.metrics, isAscending()),
  );
  const rankByMetric = (key: string) => {
    if (key === metricKey()) setAscending(!isAscending());
    else {
      setMetricKey(key);
      setAscending(false);
    }
  };
  const create = (params: RawParams) =>
    createBotFromResult(props.strategyId, params).catch((cause: unknown) =>
      setError(messageOf(cause)),
    );
  return (
    <div class="sweep-results">
      <label class="inline-field">
        <span>Rank by</span>
        <select
          value={metricKey()}
          onChange={(event) => {
            setMetricKey(event.currentTarget.value);
            setAscending(false);
          }}
        >
          <For each={RANK_METRICS}>
            {(metric) => <option value={metric.key}>{metric.label}</option>}
          </For>
        </select>
      </label>
      <Show when={error()}>
        <p class="field-error" role="alert">
          {error()}
        </p>
      </Show>
      <div class="table-scroll" role="region" aria-labelledby="sweep-results-heading" tabindex="0">
        <h3 id="sweep-results-heading" class="visually-hidden">
          Sweep results
        </h3>
        <table class="data-table" aria-labelledby="sweep-results-heading">
          <thead>
            <tr>
              <th scope="col" class="numeric">
                Rank
              </th>
              <th scope="col">Parameters</th>
              <For each={RANK_METRICS}>
                {(metric) => (
                  <th
                    scope="col"
                    class="numeric"
                    aria-sort={
                      metric.key === metricKey()
                        ? isAscending()
                          ? 'ascending'
                          : 'descending'
                        : undefined
                    }
                  >
                    <button
                      type="button"
                      class="sort-button"
                      onClick={() => rankByMetric(metric.key)}
                    >
                      {metric.label}
                    </button>
                  </th>
                )}
              </For>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={ranked()}>
              {(row, index) => (
                <tr>
                  <td class="numeric">{index() + 1}</td>
                  <th scope="row">{paramsText(row.params)}</th>
                  <For each={RANK_METRICS}>
                    {(metric) => (
                      <td class="numeric">
                        {formatMetric(metric.read(row.result!.metrics), metric.format)}
                      </td>
                    )}
                  </For>
                  <td class="actions">
                    <div class="button-row">
                      <button
                        type="button"
                        class="button button-small button-primary"
                        aria-label={`Create bot from this result (${paramsText(row.params)})`}
                        onClick={() => void create(row.params)}
                      >
                        Create bot from this result
                      </button>
                      <button
                        type="button"
                        class="button button-small"
                        aria-label={`Open report for ${paramsText(row.params)}`}
                        onClick={() => props.onOpen(row.params)}
                      >
                        Open report
                      </button>
                    </div>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <Show when={failed().length > 0}>
        <h3 class="section-title">Failed runs</h3>
        <ul>
          <For each={failed()}>
            {(row) => (
              <li>
                {paramsText(row.params)}: {row.error}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
