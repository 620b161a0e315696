/**
 * The dashboard's summary cards: total equity, total and today's PnL (per quote currency,
 * since USDT and USDC are not summed as one), open positions, how many bots are running,
 * paused, stopped or in error, and the active risk trips. The totals are recomputed on every
 * live update: <Index> updates their figures in place instead of re-creating the elements.
 */
import { For, Index, Show, type JSX } from 'solid-js';
import {
  formatAmount,
  formatDate,
  formatPercent,
  formatSignedAmount,
  isoTime,
  trend,
  userTimeZone,
} from '../format';
import type { BotsStore } from '../stores/createBotsStore';
import type { TodayDay, TodayPnl } from '../stores/createTodayPnl';
import { RiskTripsCard } from './risk/RiskSummary';

const CLOCK_NAMES: Record<TodayDay['kind'], string> = {
  market: 'simulated market time',
  wall: 'your clock',
};

/** "Since 00:00 on Mar 14, 2023 (simulated market time)", one line per clock in use. */
function TodaySince(props: { days: readonly TodayDay[] }): JSX.Element {
  return (
    <For each={props.days}>
      {(day) => (
        <p class="card-note">
          Since 00:00 on <time datetime={isoTime(day.start)}>{formatDate(day.start)}</time> (
          {CLOCK_NAMES[day.kind]})
        </p>
      )}
    </For>
  );
}

function TodayCard(props: { today: TodayPnl }): JSX.Element {
  return (
    <div
      class="card summary-card"
      data-testid="today-pnl"
      title={`Change in equity since 00:00 in your time zone (${userTimeZone()}). Simulated bots count the replay's current day, since their candles, fills and equity carry the replayed market's time; paper and live bots count today.`}
    >
      <h3 class="card-label">Today's PnL</h3>
      <Show when={props.today.totals().length > 0} fallback={<p class="card-value">—</p>}>
        <Index each={props.today.totals()}>
          {(total) => (
            <p class="card-value pnl" data-trend={trend(total().pnl)}>
              {formatSignedAmount(total().pnl, total().quote)}{' '}
              <span class="card-sub">({formatPercent(total().pnlRatio)})</span>
            </p>
          )}
        </Index>
      </Show>
      <TodaySince days={props.today.days()} />
    </div>
  );
}

export function PortfolioSummary(props: { store: BotsStore; today: TodayPnl }): JSX.Element {
  const counts = (): ReturnType<BotsStore['counts']> => props.store.counts();
  return (
    <section class="summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading" class="visually-hidden">
        Portfolio summary
      </h2>
      <div class="card summary-card">
        <h3 class="card-label">Total equity</h3>
        <Show when={props.store.totals().length > 0} fallback={<p class="card-value">—</p>}>
          <Index each={props.store.totals()}>
            {(total) => <p class="card-value">{formatAmount(total().equity, total().quote)}</p>}
          </Index>
        </Show>
      </div>
      <div class="card summary-card">
        <h3 class="card-label">Total PnL</h3>
        <Show when={props.store.totals().length > 0} fallback={<p class="card-value">—</p>}>
          <Index each={props.store.totals()}>
            {(total) => (
              <p class="card-value pnl" data-trend={trend(total().pnl)}>
                {formatSignedAmount(total().pnl, total().quote)}{' '}
                <span class="card-sub">({formatPercent(total().pnlRatio)})</span>
              </p>
            )}
          </Index>
        </Show>
      </div>
      <TodayCard today={props.today} />
      <div class="card summary-card" data-testid="open-positions">
        <h3 class="card-label">Open positions</h3>
        <p class="card-value">{props.today.openPositions()}</p>
        <p class="card-note">
          {props.today.openPositions() === 1 ? 'bot holds' : 'bots hold'} a position
        </p>
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
