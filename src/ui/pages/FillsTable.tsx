/**
 * A bot's fills (executions), newest first: time, side, price, amount, fee, order id and the
 * config version whose order made the fill.
 */
import { For, type JSX } from 'solid-js';
import type { FillRow } from '../../db';
import { DataTable } from '../components/DataTable';
import { formatAmount, formatDateTime, formatPrice, isoTime } from '../format';
import type { MarketSteps } from '../stores/marketCatalog';

const COLUMNS = [
  { label: 'Time' },
  { label: 'Side' },
  { label: 'Price', isNumeric: true },
  { label: 'Amount', isNumeric: true },
  { label: 'Fee', isNumeric: true },
  { label: 'Order id' },
  { label: 'Config' },
] as const;

export function FillsTable(props: {
  fills: readonly FillRow[];
  base: string;
  steps: MarketSteps;
}): JSX.Element {
  return (
    <DataTable
      id="fills"
      title="Fills"
      columns={COLUMNS}
      rowCount={props.fills.length}
      emptyMessage="No fills yet"
    >
      <For each={props.fills}>
        {(fill) => (
          <tr>
            <td>
              <time datetime={isoTime(fill.time)}>{formatDateTime(fill.time)}</time>
            </td>
            <td>
              <span class="side" data-side={fill.side}>
                {fill.side === 'buy' ? 'Buy' : 'Sell'}
              </span>
            </td>
            <td class="numeric">{formatPrice(fill.price, props.steps.price)}</td>
            <td class="numeric">{formatAmount(fill.amount, props.base, props.steps.amount)}</td>
            <td class="numeric">{formatAmount(fill.fee, fill.feeCurrency)}</td>
            <td>
              <code class="order-id">{fill.clientOrderId}</code>
            </td>
            <td>{fill.configVersion === undefined ? '—' : `v${fill.configVersion}`}</td>
          </tr>
        )}
      </For>
    </DataTable>
  );
}
