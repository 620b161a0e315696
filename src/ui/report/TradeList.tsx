/**
 * A report's closed trades: sortable by any column (click or Enter on its header), filterable
 * by outcome and exit reason, exported as CSV (src/backtest/tradesCsv.ts). A bot's report
 * adds a Config column: the config version that placed the entry and the exit ("v1 → v2").
 */
import { createMemo, createSignal, For, Show, type JSX } from 'solid-js';
import { configVersionLabel, type ReportTrade } from '../../backtest/runReport';
import { hasConfigVersions, tradesToCsv } from '../../backtest/tradesCsv';
import { downloadText } from '../download';
import {
  formatAmount,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatPrice,
  trend,
} from '../format';
import type { MarketSteps } from '../stores/marketCatalog';
import { formatDuration } from './metricRows';

interface TradeColumn {
  key: string;
  label: string;
  isNumeric: boolean;
  sortValue(trade: ReportTrade): number | string;
}

const VERSION_COLUMN: TradeColumn = {
  key: 'version',
  label: 'Config',
  isNumeric: false,
  sortValue: (t) => (t.exitConfigVersion ?? 0) * 1e6 + (t.entryConfigVersion ?? 0),
};

const COLUMNS: readonly TradeColumn[] = [
  { key: 'entry', label: 'Entry', isNumeric: false, sortValue: (t) => t.entryTime },
  { key: 'exit', label: 'Exit', isNumeric: false, sortValue: (t) => t.exitTime },
  { key: 'held', label: 'Held', isNumeric: true, sortValue: (t) => t.exitTime - t.entryTime },
  { key: 'entryPrice', label: 'Entry price', isNumeric: true, sortValue: (t) => t.entryPrice },
  { key: 'exitPrice', label: 'Exit price', isNumeric: true, sortValue: (t) => t.exitPrice },
  { key: 'amount', label: 'Amount', isNumeric: true, sortValue: (t) => t.amount },
  { key: 'fees', label: 'Fees', isNumeric: true, sortValue: (t) => t.fees },
  { key: 'pnl', label: 'PnL', isNumeric: true, sortValue: (t) => t.pnl },
  { key: 'return', label: 'Return', isNumeric: true, sortValue: (t) => t.returnPct },
  { key: 'reason', label: 'Exit reason', isNumeric: false, sortValue: (t) => t.exitReason ?? '' },
];

type Outcome = 'all' | 'winners' | 'losers';

export function TradeList(props: {
  trades: readonly ReportTrade[];
  base: string;
  quote: string;
  steps: MarketSteps;
  fileBase: string;
}): JSX.Element {
  const [sortKey, setSortKey] = createSignal('entry');
  const [isAscending, setAscending] = createSignal(true);
  const [outcome, setOutcome] = createSignal<Outcome>('all');
  const [reason, setReason] = createSignal('');
  const hasVersions = createMemo(() => hasConfigVersions(props.trades));
  const columns = createMemo(() => (hasVersions() ? [...COLUMNS, VERSION_COLUMN] : COLUMNS));
  const shown = createMemo(() => {
    const column = columns().find((each) => each.key === sortKey()) ?? (COLUMNS[0] as TradeColumn);
    const text = reason().trim().toLowerCase();
    const filtered = props.trades.filter(
      (trade) =>
        (outcome() === 'all' || (outcome() === 'winners' ? trade.pnl > 0 : trade.pnl <= 0)) &&
        (text === '' || (trade.exitReason ?? '').toLowerCase().includes(text)),
    );
    const direction = isAscending() ? 1 : -1;
    return filtered.sort((a, b) => {
      const x = column.sortValue(a);
      const y = column.sortValue(b);
      return (x < y ? -1 : x > y ? 1 : 0) * direction;
    });
  });
  const sortBy = (key: string) => {
    if (sortKey() === key) setAscending(!isAscending());
    else {
      setSortKey(key);
      setAscending(true);
    }
  };
  const ariaSort = (key: string) =>
    sortKey() === key ? (isAscending() ? 'ascending' : 'descending') : undefined;
  return (
    <section class="card report-section">
      <h2 id="report-trades-heading" class="section-title">
        Trades
      </h2>
      <div class="report-toolbar">
        <label class="inline-field">
          <span>Show</span>
          <select
            value={outcome()}
            onChange={(event) => setOutcome(event.currentTarget.value as Outcome)}
          >
            <option value="all">All trades</option>
            <option value="winners">Winners</option>
            <option value="losers">Losers</option>
          </select>
        </label>
        <label class="inline-field">
          <span>Exit reason</span>
          <input
            type="search"
            value={reason()}
            onInput={(event) => setReason(event.currentTarget.value)}
          />
        </label>
        <button
          type="button"
          class="button"
          onClick={() =>
            downloadText(`${props.fileBase}-trades.csv`, tradesToCsv(shown()), 'text/csv')
          }
        >
          Export trades CSV
        </button>
      </div>
      <p class="muted small" aria-live="polite">
        {shown().length} of {props.trades.length} trades shown.
      </p>
      <div class="table-scroll" role="region" aria-labelledby="report-trades-heading" tabindex="0">
        <table class="data-table" aria-labelledby="report-trades-heading">
          <thead>
            <tr>
              <For each={columns()}>
                {(column) => (
                  <th
                    scope="col"
                    classList={{ numeric: column.isNumeric }}
                    aria-sort={ariaSort(column.key)}
                  >
                    <button type="button" class="sort-button" onClick={() => sortBy(column.key)}>
                      {column.label}
                      <span aria-hidden="true">
                        {ariaSort(column.key) === 'ascending'
                          ? ' ▲'
                          : ariaSort(column.key) === 'descending'
                            ? ' ▼'
                            : ''}
                      </span>
                    </button>
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For
              each={shown()}
              fallback={
                <tr>
                  <td class="empty-row" colSpan={columns().length}>
                    No closed trades.
                  </td>
                </tr>
              }
            >
              {(trade) => (
                <tr>
                  <td>{formatDateTime(trade.entryTime)}</td>
                  <td>{formatDateTime(trade.exitTime)}</td>
                  <td class="numeric">{formatDuration(trade.exitTime - trade.entryTime)}</td>
                  <td class="numeric">{formatPrice(trade.entryPrice, props.steps.price)}</td>
                  <td class="numeric">{formatPrice(trade.exitPrice, props.steps.price)}</td>
                  <td class="numeric">
                    {formatAmount(trade.amount, props.base, props.steps.amount)}
                  </td>
                  <td class="numeric">{formatNumber(trade.fees, 2)}</td>
                  <td class="numeric pnl" data-trend={trend(trade.pnl)}>
                    {formatAmount(trade.pnl, props.quote)}
                  </td>
                  <td class="numeric pnl" data-trend={trend(trade.returnPct)}>
                    {formatPercent(trade.returnPct)}
                  </td>
                  <td>{trade.exitReason ?? '—'}</td>
                  <Show when={hasVersions()}>
                    <td>{configVersionLabel(trade)}</td>
                  </Show>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );
}
