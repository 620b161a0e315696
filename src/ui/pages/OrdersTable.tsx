/**
 * A bot's open orders, newest first, each with a Cancel button (engine cancelOrder). A stop
 * resting on the exchange shows as "Stop market" with its trigger in the Price column.
 */
import { For, Show, type JSX } from 'solid-js';
import type { OrderRecord } from '../../core/orders/journal';
import type { OrderState } from '../../core/orders/types';
import { DataTable } from '../components/DataTable';
import { useEngine } from '../EngineProvider';
import { formatAmount, formatDateTime, formatPrice, isoTime } from '../format';
import { createCommandRunner } from '../stores/createCommandRunner';
import type { MarketSteps } from '../stores/marketCatalog';

/** Journal states as the table shows them; `new` and `sent` await the exchange's answer. */
const STATE_LABELS: Record<OrderState, string> = {
  new: 'New',
  sent: 'Sent',
  open: 'Open',
  partially_filled: 'Partially filled',
  filled: 'Filled',
  canceled: 'Canceled',
  rejected: 'Rejected',
  expired: 'Expired',
};

function orderType(order: OrderRecord): string {
  if (order.triggerPrice !== undefined) return 'Stop market';
  return order.type === 'limit' ? 'Limit' : 'Market';
}

const COLUMNS = [
  { label: 'Side' },
  { label: 'Type' },
  { label: 'Price', isNumeric: true },
  { label: 'Amount', isNumeric: true },
  { label: 'Filled', isNumeric: true },
  { label: 'State' },
  { label: 'Created' },
  { label: 'Actions', isLabelHidden: true },
] as const;

function OrderRow(props: { order: OrderRecord; base: string; steps: MarketSteps }): JSX.Element {
  const { api } = useEngine();
  const runner = createCommandRunner();
  const cancel = (): void => {
    void runner.run(
      'Cancel',
      () => api.cancelOrder(props.order.botId, props.order.clientOrderId),
      `Order ${props.order.clientOrderId} canceled.`,
    );
  };
  return (
    <tr>
      <td>
        <span class="side" data-side={props.order.side}>
          {props.order.side === 'buy' ? 'Buy' : 'Sell'}
        </span>
      </td>
      <td>{orderType(props.order)}</td>
      <td class="numeric">
        {props.order.triggerPrice !== undefined
          ? formatPrice(props.order.triggerPrice, props.steps.price)
          : props.order.type === 'market'
            ? '—'
            : formatPrice(props.order.price, props.steps.price)}
      </td>
      <td class="numeric">{formatAmount(props.order.amount, props.base, props.steps.amount)}</td>
      <td class="numeric">{formatAmount(props.order.filled, props.base, props.steps.amount)}</td>
      <td>{STATE_LABELS[props.order.state]}</td>
      <td>
        <time datetime={isoTime(props.order.createdAt)}>
          {formatDateTime(props.order.createdAt)}
        </time>
      </td>
      <td class="actions">
        <button
          type="button"
          class="button button-small"
          aria-label={`Cancel order ${props.order.clientOrderId}`}
          aria-disabled={runner.busy() ? 'true' : undefined}
          onClick={cancel}
        >
          Cancel
        </button>
        <Show when={runner.error()}>
          {(message) => (
            <p class="field-error" role="alert">
              {message()}
            </p>
          )}
        </Show>
      </td>
    </tr>
  );
}

export function OrdersTable(props: {
  orders: readonly OrderRecord[];
  base: string;
  steps: MarketSteps;
}): JSX.Element {
  return (
    <DataTable
      id="open-orders"
      title="Open orders"
      columns={COLUMNS}
      rowCount={props.orders.length}
      emptyMessage="No open orders"
    >
      <For each={props.orders}>
        {(order) => <OrderRow order={order} base={props.base} steps={props.steps} />}
      </For>
    </DataTable>
  );
}
