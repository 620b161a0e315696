import { describe, expect, it } from 'vitest';
import { equitySeriesOf } from '../core/bot/equitySeries';
import { buildRunReport, type ReportMetrics } from './runReport';
import { rankBy, rankMetric } from './rankMetrics';

function metricsWith(totalReturn: number, sharpe: number | null): ReportMetrics {
  const base = buildRunReport({
    title: 'x',
    symbol: 'BTC/USDT',
    timeframe: '1m',
    equity: equitySeriesOf([]),
    fills: [],
  }).metrics;
  return { ...base, totalReturn, sharpeRatio: sharpe };
}

describe('rankBy', () => {
  const runs = [
    { id: 'a', metrics: metricsWith(0.1, 1) },
    { id: 'b', metrics: metricsWith(0.3, null) },
    { id: 'c', metrics: metricsWith(-0.2, 2) },
    { id: 'd', metrics: metricsWith(0.3, 0.5) },
  ];
  const ids = (items: typeof runs) => items.map((item) => item.id);

  it('puts the best first, keeps ties in input order and undefined values last', () => {
    expect(ids(rankBy(runs, rankMetric('totalReturn'), (run) => run.metrics))).toEqual([
      'b',
      'd',
      'a',
      'c',
    ]);
    expect(ids(rankBy(runs, rankMetric('sharpe'), (run) => run.metrics))).toEqual([
      'c',
      'a',
      'd',
      'b',
    ]);
    expect(ids(rankBy(runs, rankMetric('sharpe'), (run) => run.metrics, true))).toEqual([
      'd',
      'a',
      'c',
      'b',
    ]);
  });

  it('falls back to total return for an unknown key', () => {
    expect(rankMetric('nope').key).toBe('totalReturn');
  });
});
