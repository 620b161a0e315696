/**
 * The metrics a sweep can be ranked by, read from a report's metrics. Every one is "higher is
 * better" (max drawdown is a negative fraction, so the shallowest ranks first); a metric that
 * is undefined for a run (`null`, e.g. Sharpe with zero volatility) ranks last.
 */
import type { ReportMetrics } from './runReport';

export type MetricFormat = 'percent' | 'ratio' | 'money' | 'count';

export interface RankMetric {
  key: string;
  label: string;
  format: MetricFormat;
  read(metrics: ReportMetrics): number | null;
}

export const RANK_METRICS: readonly RankMetric[] = [
  { key: 'totalReturn', label: 'Total return', format: 'percent', read: (m) => m.totalReturn },
  { key: 'sharpe', label: 'Sharpe ratio', format: 'ratio', read: (m) => m.sharpeRatio },
  { key: 'sortino', label: 'Sortino ratio', format: 'ratio', read: (m) => m.sortinoRatio },
  { key: 'calmar', label: 'Calmar ratio', format: 'ratio', read: (m) => m.calmarRatio },
  { key: 'maxDrawdown', label: 'Max drawdown', format: 'percent', read: (m) => m.maxDrawdown },
  {
    key: 'profitFactor',
    label: 'Profit factor',
    format: 'ratio',
    read: (m) => m.trades.profitFactor,
  },
  { key: 'winRate', label: 'Win rate', format: 'percent', read: (m) => m.trades.winRate },
  { key: 'trades', label: 'Trades', format: 'count', read: (m) => m.trades.tradeCount },
];

export function rankMetric(key: string): RankMetric {
  return RANK_METRICS.find((metric) => metric.key === key) ?? (RANK_METRICS[0] as RankMetric);
}

/**
 * Sorts items by a metric, best first (or worst first with `ascending`); `null` always last;
 * ties keep their input order.
 */
export function rankBy<T>(
  items: readonly T[],
  metric: RankMetric,
  metricsOf: (item: T) => ReportMetrics,
  ascending = false,
): T[] {
  const keyed = items.map((item, index) => ({ item, index, value: metric.read(metricsOf(item)) }));
  keyed.sort((a, b) => {
    if (a.value === null || b.value === null) {
      return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
    }
    const order = ascending ? a.value - b.value : b.value - a.value;
    return order || a.index - b.index;
  });
  return keyed.map((entry) => entry.item);
}
