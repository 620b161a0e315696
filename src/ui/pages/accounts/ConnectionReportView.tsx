/**
 * What "Test connection" found: on success the market count, the non-empty balances, the path
 * orders take from the browser and any warning (such as a key that may withdraw); on failure
 * the problem and the one thing that fixes it.
 */
import { For, Show, type JSX } from 'solid-js';
import type { ConnectionReport, TradingPath } from '../../../exchange/ccxt/types';
import { formatAmount } from '../../format';

export const TRADING_PATH_LABELS: Record<TradingPath, string> = {
  websocket: "the exchange's WebSocket API",
  rest: "the exchange's REST API",
  proxy: 'REST through your CORS proxy',
};

/** Balances worth showing: non-zero, largest first, at most 8. */
function shownBalances(report: Extract<ConnectionReport, { ok: true }>) {
  return Object.entries(report.balances)
    .filter(([, balance]) => balance.total !== 0)
    .sort((a, b) => b[1].total - a[1].total)
    .slice(0, 8);
}

export function ConnectionReportView(props: { report: ConnectionReport }): JSX.Element {
  return (
    <Show
      when={props.report.ok ? props.report : undefined}
      fallback={
        <Show when={!props.report.ok ? props.report : undefined}>
          {(failed) => (
            <div class="form-error connection-report" role="alert">
              <p>{failed().message}</p>
              <p>Fix: {failed().fix}</p>
            </div>
          )}
        </Show>
      }
    >
      {(ok) => (
        <div class="connection-report connection-ok" role="status">
          <p>
            Connected: {ok().marketCount} markets. Orders go over{' '}
            {TRADING_PATH_LABELS[ok().tradingPath]}.
          </p>
          <Show
            when={shownBalances(ok()).length > 0}
            fallback={
              <p class="muted">No balance to show (keys not given, or an empty account).</p>
            }
          >
            <ul class="balance-list" aria-label="Balances">
              <For each={shownBalances(ok())}>
                {([currency, balance]) => (
                  <li>
                    {currency}: {formatAmount(balance.total, currency)} (free{' '}
                    {formatAmount(balance.free, currency)})
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <For each={ok().warnings}>{(warning) => <p class="notice">{warning}</p>}</For>
          <Show when={ok().withdrawalEnabled}>
            <p class="notice">
              This key may withdraw funds: give Flotilla a key with trading permission only.
            </p>
          </Show>
        </div>
      )}
    </Show>
  );
}
