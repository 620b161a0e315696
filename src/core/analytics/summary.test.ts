import { describe, expect, it } from 'vitest';
import { equitySeriesOf, type EquitySeries } from '../bot/equitySeries';
import type { Fill } from '../portfolio/types';
import { calmarRatio } from './ratios';
import { returnsFromEquity } from './returns';
import { summarizePerformance } from './summary';

const MIN = 60_000;

function points(prices: number[], units: number, cash = 0): EquitySeries {
  return equitySeriesOf(
    prices.map((price, i) => ({
      botId: 'b',
      time: i * MIN,
      equity: cash + units * price,
      price,
    })),
  );
}

function fill(side: 'buy' | 'sell', price: number, amount: number, time: number): Fill {
  return {
    tradeId: `${side}${time}`,
    clientOrderId: `${side}-${time}`,
    time,
    side,
    price,
    amount,
    fee: 0,
    feeCurrency: 'USDT',
    takerOrMaker: 'taker',
  };
}

/** Every number anywhere in `value` (to prove no NaN/Infinity leaks out). */
function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(numbersIn);
}

describe('summarizePerformance', () => {
  // Hold 10 units through prices 100 → 110 → 99 → 108.9: equity 1000 → 1100 → 990 → 1089.
  // Returns [0.1, −0.1, 0.1]; periodsPerYear 3 makes the sample exactly one year.
  const equity = points([100, 110, 99, 108.9], 10);
  const fills = [fill('buy', 100, 10, 0), fill('sell', 108.9, 10, 3 * MIN)];
  const summary = summarizePerformance({
    equity,
    fills,
    periodsPerYear: 3,
    orders: [{ clientOrderId: `sell-${3 * MIN}`, tag: 'take-profit' }],
  });

  it('computes the return metrics by hand', () => {
    // total = 1.1 × 0.9 × 1.1 − 1 = 0.089 = annual (n = periodsPerYear)
    expect(summary.totalReturn).toBeCloseTo(0.089, 12);
    expect(summary.annualReturn).toBeCloseTo(0.089, 12);
    // mean 1/30; deviations 1/15, −2/15, 1/15 → Σd² = 6/225; / 2 = 3/225 → std = √3 / 15
    // vol = √3 / 15 × √3 = 0.2
    expect(summary.annualVolatility).toBeCloseTo(0.2, 12);
    // Sharpe = (1/30) / (√3/15) × √3 = 0.5
    expect(summary.sharpeRatio).toBeCloseTo(0.5, 12);
    // downside: mean(min(r,0)²) = 0.01 / 3 → √ = 0.057735; (1/30) / 0.057735 × √3 = 1
    expect(summary.sortinoRatio).toBeCloseTo(1, 12);
    // drawdown 990 / 1100 − 1 = −0.1; Calmar = 0.089 / 0.1 = 0.89
    expect(summary.maxDrawdown).toBeCloseTo(-0.1, 12);
    expect(summary.calmarRatio).toBeCloseTo(0.89, 12);
    expect(summary.calmarRatio).toBeCloseTo(
      calmarRatio(returnsFromEquity(Array.from(equity.values)), { periodsPerYear: 3 }) ?? 0,
      12,
    );
    expect(summary.buyAndHoldReturn).toBeCloseTo(0.089, 12);
  });

  it('reports the curve, the drawdown in time, and the trades', () => {
    expect(summary).toMatchObject({
      start: 0,
      end: 3 * MIN,
      periods: 3,
      startEquity: 1000,
      endEquity: 1089,
      exposure: 1, // in the market from the first to the last point
      openPosition: 0,
    });
    expect(summary.netProfit).toBeCloseTo(89, 9);
    // 1089 < 1100: not recovered; peak at 1 min, trough at 2 min, still under at 3 min
    expect(summary.drawdown).toMatchObject({
      peakIndex: 1,
      troughIndex: 2,
      recoveryIndex: undefined,
      peakTime: MIN,
      troughTime: 2 * MIN,
      recoveryTime: undefined,
      durationPeriods: 2,
      durationMs: 2 * MIN,
    });
    expect(summary.trades.tradeCount).toBe(1);
    expect(summary.trades.expectancy).toBeCloseTo(89, 9);
    // periodMs = one year / 3 periods; held 3 minutes
    expect(summary.trades.averageHoldingMs).toBe(3 * MIN);
    expect(summary.closedTrades[0]?.exitReason).toBe('take-profit');
  });

  it('counts an open position in exposure and openPosition', () => {
    // flat for 2 minutes, then buys 1 at minute 2 and holds to minute 4: 2 / 4 in the market
    const open = summarizePerformance({
      equity: points([100, 100, 100, 101, 102], 0, 1000),
      fills: [fill('buy', 100, 1, 2 * MIN)],
      periodsPerYear: 525_600,
    });
    expect(open.exposure).toBe(0.5);
    expect(open.openPosition).toBe(1);
    expect(open.trades.tradeCount).toBe(0);
  });

  it('gives zeros and nulls, never NaN, for no data', () => {
    const empty = summarizePerformance({ equity: points([], 0), fills: [], periodsPerYear: 365 });
    expect(empty).toMatchObject({
      start: null,
      end: null,
      periods: 0,
      startEquity: null,
      endEquity: null,
      netProfit: 0,
      totalReturn: 0,
      annualReturn: null,
      annualVolatility: null,
      sharpeRatio: null,
      sortinoRatio: null,
      calmarRatio: null,
      maxDrawdown: 0,
      buyAndHoldReturn: null,
      exposure: 0,
      openPosition: 0,
    });
    expect(empty.drawdown).toMatchObject({ peakTime: null, recoveryTime: undefined });
    expect(numbersIn(empty).every(Number.isFinite)).toBe(true);
  });

  it('handles one point, a flat curve and a bad periodsPerYear without NaN', () => {
    const one = summarizePerformance({ equity: points([100], 1), fills: [], periodsPerYear: 365 });
    expect(one).toMatchObject({ periods: 0, totalReturn: 0, maxDrawdown: 0, sharpeRatio: null });
    const flat = summarizePerformance({
      equity: points([100, 100, 100], 0, 1000),
      fills: [],
      periodsPerYear: 365,
    });
    expect(flat).toMatchObject({
      totalReturn: 0,
      annualReturn: 0,
      annualVolatility: 0,
      sharpeRatio: null,
      sortinoRatio: null,
      calmarRatio: null,
      maxDrawdown: 0,
    });
    const bad = summarizePerformance({ equity, fills, periodsPerYear: 0 });
    expect(bad).toMatchObject({ annualReturn: null, sharpeRatio: null, calmarRatio: null });
    expect(bad.trades.averageHoldingPeriods).toBeNull();
    for (const result of [one, flat, bad]) {
      expect(numbersIn(result).every(Number.isFinite)).toBe(true);
    }
  });
});
