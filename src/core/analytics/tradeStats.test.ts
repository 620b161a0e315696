import { describe, expect, it } from 'vitest';
import { buyAndHoldReturn, exposureTime, tradeStats } from './tradeStats';
import type { ClosedTrade } from './trades';

const MIN = 60_000;

function trade(pnl: number, entryTime: number, exitTime: number, fees = 1): ClosedTrade {
  return {
    side: 'long',
    entryTime,
    exitTime,
    entryPrice: 100,
    exitPrice: 100 + pnl,
    amount: 1,
    fees,
    pnl,
    returnPct: pnl / 100,
    entryClientOrderId: `e${entryTime}`,
    exitClientOrderId: `x${entryTime}`,
  };
}

describe('tradeStats', () => {
  // pnl [10, −5, 20, 0, −15], held 1, 2, 3, 4, 5 minutes, 1 of fees each
  const trades = [10, -5, 20, 0, -15].map((pnl, i) => trade(pnl, 0, (i + 1) * MIN));

  it('computes counts, win rate, profit factor, expectancy and averages by hand', () => {
    const stats = tradeStats(trades, { periodMs: MIN });
    expect(stats).toMatchObject({
      tradeCount: 5,
      winCount: 2, // 10, 20 (0 is neither a win nor a loss)
      lossCount: 2, // −5, −15
      winRate: 0.4, // 2 / 5
      grossProfit: 30, // 10 + 20
      grossLoss: 20, // 5 + 15
      netProfit: 10, // 30 − 20
      profitFactor: 1.5, // 30 / 20
      expectancy: 2, // 10 / 5
      averageWin: 15, // 30 / 2
      averageLoss: -10, // −20 / 2
      best: 20,
      worst: -15,
      averageHoldingMs: 3 * MIN, // (1 + 2 + 3 + 4 + 5) / 5 minutes
      averageHoldingPeriods: 3,
      totalFees: 5,
    });
    expect(stats.averageReturn).toBeCloseTo(0.02, 15); // mean of pnl / 100
  });

  it('computes SQN = √n × mean / std (ddof = 1)', () => {
    // mean 2; deviations 8, −7, 18, −2, −17; Σd² = 64 + 49 + 324 + 4 + 289 = 730;
    // var = 730 / 4 = 182.5; SQN = √5 × 2 / √182.5 = √(20 / 182.5) = 0.331042…
    expect(tradeStats(trades).sqn).toBeCloseTo(Math.sqrt(20 / 182.5), 12);
    // [5, 10]: mean 7.5, std √((2.5² + 2.5²) / 1) = √12.5; √2 × 7.5 / √12.5 = 3
    expect(tradeStats([trade(5, 0, MIN), trade(10, 0, MIN)]).sqn).toBeCloseTo(3, 12);
  });

  it('gives null statistics and zero sums for no trades', () => {
    expect(tradeStats([])).toEqual({
      tradeCount: 0,
      winCount: 0,
      lossCount: 0,
      winRate: null,
      grossProfit: 0,
      grossLoss: 0,
      netProfit: 0,
      profitFactor: null,
      expectancy: null,
      averageReturn: null,
      averageWin: null,
      averageLoss: null,
      best: null,
      worst: null,
      averageHoldingMs: null,
      averageHoldingPeriods: null,
      totalFees: 0,
      sqn: null,
    });
  });

  it('has no profit factor without a losing trade, and 0 without a winning one', () => {
    const winners = tradeStats([trade(5, 0, MIN), trade(10, 0, MIN)]);
    expect(winners.profitFactor).toBeNull();
    expect(winners.averageLoss).toBeNull();
    expect(winners.winRate).toBe(1);
    const losers = tradeStats([trade(-5, 0, MIN), trade(-10, 0, MIN)]);
    expect(losers.profitFactor).toBe(0);
    expect(losers.averageWin).toBeNull();
    expect(tradeStats([trade(0, 0, MIN)]).profitFactor).toBeNull();
  });

  it('has no SQN for one trade or identical results, and no periods without periodMs', () => {
    const one = tradeStats([trade(5, 0, MIN)]);
    expect(one.sqn).toBeNull();
    expect(one.averageHoldingPeriods).toBeNull();
    expect(one).toMatchObject({ expectancy: 5, best: 5, worst: 5, winRate: 1 });
    expect(tradeStats([trade(0.1, 0, MIN), trade(0.1, 0, MIN), trade(0.1, 0, MIN)]).sqn).toBeNull();
    expect(tradeStats([trade(1, 0, MIN)], { periodMs: 0 }).averageHoldingPeriods).toBeNull();
  });
});

describe('exposureTime', () => {
  it('is the union of trade intervals over the window', () => {
    // [0, 10] ∪ [5, 15] = [0, 15] (15) plus [30, 40] (10) → 25 / 100
    const trades = [
      { entryTime: 0, exitTime: 10 },
      { entryTime: 5, exitTime: 15 },
      { entryTime: 30, exitTime: 40 },
    ];
    expect(exposureTime(trades, 0, 100)).toBe(0.25);
  });

  it('clips to the window', () => {
    // [−10, 10] → [0, 10]; [90, 120] → [90, 100]: 20 / 100
    const trades = [
      { entryTime: -10, exitTime: 10 },
      { entryTime: 90, exitTime: 120 },
    ];
    expect(exposureTime(trades, 0, 100)).toBe(0.2);
    expect(exposureTime([{ entryTime: -5, exitTime: 500 }], 0, 100)).toBe(1);
  });

  it('is 0 for no trades or an empty window', () => {
    expect(exposureTime([], 0, 100)).toBe(0);
    expect(exposureTime([{ entryTime: 0, exitTime: 10 }], 100, 100)).toBe(0);
    expect(exposureTime([{ entryTime: 0, exitTime: 10 }], 100, 0)).toBe(0);
    expect(exposureTime([{ entryTime: 0, exitTime: 10 }], 0, Number.NaN)).toBe(0);
  });
});

describe('buyAndHoldReturn', () => {
  it('is last / first − 1', () => {
    expect(buyAndHoldReturn(100, 125)).toBe(0.25);
    expect(buyAndHoldReturn(200, 150)).toBe(-0.25);
    expect(Object.is(buyAndHoldReturn(100, 100), 0)).toBe(true);
  });

  it('is null for a first price ≤ 0 or non-finite prices', () => {
    expect(buyAndHoldReturn(0, 10)).toBeNull();
    expect(buyAndHoldReturn(-1, 10)).toBeNull();
    expect(buyAndHoldReturn(100, Number.NaN)).toBeNull();
  });
});
