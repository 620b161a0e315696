/**
 * The rows of a report's metrics table (label and formatted value), shared by the Report view
 * and the run comparison so both read the same figures the same way.
 */
import type { MetricFormat } from '../../backtest/rankMetrics';
import type { ReportMetrics } from '../../backtest/runReport';
import { formatAmount, formatDateTime, formatNumber, formatPercent } from '../format';

const DASH = '—';

/** "2d 4h 5m" for a duration in ms. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return DASH;
  const minutes = Math.round(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  return [days > 0 ? `${days}d` : '', hours > 0 ? `${hours}h` : '', `${minutes % 60}m`]
    .filter(Boolean)
    .join(' ');
}

export function formatMetric(value: number | null, format: MetricFormat, quote?: string): string {
  if (value === null) return DASH;
  switch (format) {
    case 'percent':
      return formatPercent(value);
    case 'ratio':
      return formatNumber(value, 2);
    case 'money':
      return formatAmount(value, quote);
    case 'count':
      return formatNumber(value, 0);
  }
}

export interface MetricRow {
  label: string;
  value: string;
}

/** Every figure of the metrics table, in reading order. */
export function metricRows(m: ReportMetrics, quote: string): MetricRow[] {
  const t = m.trades;
  const money = (value: number | null) => formatMetric(value, 'money', quote);
  return [
    { label: 'Start', value: formatDateTime(m.start) },
    { label: 'End', value: formatDateTime(m.end) },
    { label: 'Start equity', value: money(m.startEquity) },
    { label: 'End equity', value: money(m.endEquity) },
    { label: 'Net profit', value: money(m.netProfit) },
    { label: 'Total return', value: formatPercent(m.totalReturn) },
    { label: 'CAGR', value: formatMetric(m.annualReturn, 'percent') },
    { label: 'Annual volatility', value: formatMetric(m.annualVolatility, 'percent') },
    { label: 'Sharpe ratio', value: formatMetric(m.sharpeRatio, 'ratio') },
    { label: 'Sortino ratio', value: formatMetric(m.sortinoRatio, 'ratio') },
    { label: 'Calmar ratio', value: formatMetric(m.calmarRatio, 'ratio') },
    { label: 'Max drawdown', value: formatPercent(m.maxDrawdown) },
    { label: 'Max drawdown duration', value: formatDuration(m.drawdown.durationMs) },
    { label: 'Trades', value: formatNumber(t.tradeCount, 0) },
    { label: 'Win rate', value: formatMetric(t.winRate, 'percent') },
    { label: 'Profit factor', value: formatMetric(t.profitFactor, 'ratio') },
    { label: 'Expectancy', value: money(t.expectancy) },
    { label: 'Average win', value: money(t.averageWin) },
    { label: 'Average loss', value: money(t.averageLoss) },
    { label: 'Best trade', value: money(t.best) },
    { label: 'Worst trade', value: money(t.worst) },
    { label: 'Average holding time', value: formatDuration(t.averageHoldingMs) },
    { label: 'SQN', value: formatMetric(t.sqn, 'ratio') },
    { label: 'Exposure', value: formatPercent(m.exposure) },
    { label: 'Fees paid', value: money(t.totalFees) },
    { label: 'Buy & hold', value: formatMetric(m.buyAndHoldReturn, 'percent') },
  ];
}
