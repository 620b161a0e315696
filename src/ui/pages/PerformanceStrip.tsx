/** A bot's performance at a glance: equity, PnL, realized/unrealized, fees, position, trades. */
import type { JSX } from 'solid-js';
import { formatAmount, formatPercent, formatPrice, formatSignedAmount, trend } from '../format';
import type { BotMetrics } from '../stores/botMetrics';

export function PerformanceStrip(props: {
  metrics: BotMetrics;
  base: string;
  quote: string;
}): JSX.Element {
  const m = (): BotMetrics => props.metrics;
  return (
    <section aria-labelledby="performance-heading">
      <h2 id="performance-heading" class="visually-hidden">
        Performance
      </h2>
      <dl class="stat-strip">
        <div class="stat">
          <dt>Equity</dt>
          <dd>{formatAmount(m().equity, props.quote)}</dd>
        </div>
        <div class="stat">
          <dt>PnL</dt>
          <dd class="pnl" data-trend={trend(m().pnl)}>
            {formatSignedAmount(m().pnl, props.quote)}{' '}
            <span class="stat-sub">({formatPercent(m().pnlRatio)})</span>
          </dd>
        </div>
        <div class="stat">
          <dt>Realized</dt>
          <dd class="pnl" data-trend={trend(m().realizedPnl)}>
            {formatSignedAmount(m().realizedPnl, props.quote)}
          </dd>
        </div>
        <div class="stat">
          <dt>Unrealized</dt>
          <dd class="pnl" data-trend={trend(m().unrealizedPnl)}>
            {formatSignedAmount(m().unrealizedPnl, props.quote)}
          </dd>
        </div>
        <div class="stat">
          <dt>Fees</dt>
          <dd>{formatAmount(m().feesPaid, props.quote)}</dd>
        </div>
        <div class="stat">
          <dt>Position</dt>
          <dd>
            {formatAmount(m().position, props.base)}
            <span class="stat-sub">
              {m().position > 0 ? `avg. entry ${formatPrice(m().averageEntry)}` : 'flat'}
            </span>
          </dd>
        </div>
        <div class="stat">
          <dt>Last price</dt>
          <dd>{formatPrice(m().price)}</dd>
        </div>
        <div class="stat">
          <dt>Trades</dt>
          <dd>{m().tradeCount}</dd>
        </div>
      </dl>
    </section>
  );
}
