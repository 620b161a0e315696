/**
 * A bot's performance at a glance: equity, PnL, realized/unrealized, fees, position, fills;
 * then the analytics of its Report (max drawdown, Sharpe, win rate, trades, profit factor),
 * formatted as the Report formats them.
 */
import { Show, type JSX } from 'solid-js';
import { formatAmount, formatPercent, formatPrice, formatSignedAmount, trend } from '../format';
import { formatMetric } from '../report/metricRows';
import type { BotAnalytics } from '../stores/createBotAnalytics';
import type { BotMetrics } from '../stores/botMetrics';
import type { MarketSteps } from '../stores/marketCatalog';
import { isOpenPosition } from '../stores/todayPnl';

function AnalyticsStrip(props: { analytics: BotAnalytics }): JSX.Element {
  const m = () => props.analytics.metrics();
  const show = (value: () => string): string =>
    props.analytics.isLoading() ? '…' : m() ? value() : '—';
  return (
    <>
      <h3 id="analytics-heading" class="visually-hidden">
        Analytics since the bot started
      </h3>
      <Show when={props.analytics.error()}>
        {(message) => <p class="field-error">Could not compute the analytics: {message()}</p>}
      </Show>
      <dl class="stat-strip" data-testid="bot-analytics">
        <div class="stat">
          <dt>Max drawdown</dt>
          <dd>{show(() => formatPercent(m()?.maxDrawdown))}</dd>
        </div>
        <div class="stat">
          <dt>Sharpe ratio</dt>
          <dd>{show(() => formatMetric(m()?.sharpeRatio ?? null, 'ratio'))}</dd>
        </div>
        <div class="stat">
          <dt>Win rate</dt>
          <dd>{show(() => formatMetric(m()?.trades.winRate ?? null, 'percent'))}</dd>
        </div>
        <div class="stat">
          <dt>Trades</dt>
          <dd>{show(() => formatMetric(m()?.trades.tradeCount ?? null, 'count'))}</dd>
        </div>
        <div class="stat">
          <dt>Profit factor</dt>
          <dd>{show(() => formatMetric(m()?.trades.profitFactor ?? null, 'ratio'))}</dd>
        </div>
      </dl>
    </>
  );
}

export function PerformanceStrip(props: {
  metrics: BotMetrics;
  analytics: BotAnalytics;
  base: string;
  quote: string;
  steps: MarketSteps;
}): JSX.Element {
  const m = (): BotMetrics => props.metrics;
  const price = (value: number | undefined): string => formatPrice(value, props.steps.price);
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
            {formatAmount(m().position, props.base, props.steps.amount)}
            <span class="stat-sub">
              {isOpenPosition(m().position, props.steps.amount)
                ? `avg. entry ${price(m().averageEntry)}`
                : 'flat'}
            </span>
          </dd>
        </div>
        <div class="stat">
          <dt>Last price</dt>
          <dd>{price(m().price)}</dd>
        </div>
        <div class="stat">
          <dt>Fills</dt>
          <dd>{m().tradeCount}</dd>
        </div>
      </dl>
      <AnalyticsStrip analytics={props.analytics} />
    </section>
  );
}
