/**
 * The dashboard's summary cards: total equity and PnL (per quote currency, since USDT and USDC
 * are not summed as one), and how many bots are running, paused, stopped or in error.
 */
import { For, Show, type JSX } from 'solid-js';
import { formatAmount, formatPercent, formatSignedAmount, trend } from '../format';
import type { BotsStore } from '../stores/createBotsStore';
import { RiskTripsCard } from './risk/RiskSummary';

export function PortfolioSummary(props: { store: BotsStore }): JSX.Element {
  const counts = (): ReturnType<BotsStore['counts']> => props.store.counts();
  return (
    <section class="summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading" class="visually-hidden">
        Portfolio summary
      </h2>
      <div class="card summary-card">
        <h3 class="card-label">Total equity</h3>
        <Show when={props.store.totals().length > 0} fallback={<p class="card-value">—</p>}>
          <For each={props.store.totals()}>
            {(total) => <p class="card-value">{formatAmount(total.equity, total.quote)}</p>}
          </For>
        </Show>
      </div>
      <div class="card summary-card">
        <h3 class="card-label">Total PnL</h3>
        <Show when={props.store.totals().length > 0} fallback={<p class="card-value">—</p>}>
          <For each={props.store.totals()}>
            {(total) => (
              <p class="card-value pnl" data-trend={trend(total.pnl)}>
                {formatSignedAmount(total.pnl, total.quote)}{' '}
                <span class="card-sub">({formatPercent(total.pnlRatio)})</span>
              </p>
            )}
          </For>
        </Show>
      </div>
      <div class="card summary-card">
        <h3 class="card-label">Bots</h3>
        <ul class="status-counts">
          <li data-status="running">
            <span class="status-dot" aria-hidden="true" />
            {counts().running} running
          </li>
          <li data-status="paused">
            <span class="status-dot" aria-hidden="true" />
            {counts().paused} paused
          </li>
          <li data-status="stopped">
            <span class="status-dot" aria-hidden="true" />
            {counts().stopped} stopped
          </li>
          <li data-status="error">
            <span class="status-dot" aria-hidden="true" />
            {counts().error} in error
          </li>
        </ul>
      </div>
      <RiskTripsCard />
    </section>
  );
}
