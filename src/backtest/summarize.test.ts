/**
 * Integration: the analytics of `core/analytics` over a real backtest — the SMA crossover
 * template through the engine on three days of BTC/USDT 1-minute candles, traded on 5-minute
 * candles. Lives here, not in core, because core may not import src/backtest.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import smaCrossover from '../../strategies/smaCrossover';
import {
  drawdownDetails,
  pairFills,
  periodsPerYearFromMs,
  returnsFromEquity,
  sharpeRatio,
  summarizePerformance,
  tradesFromFills,
  type PerformanceSummary,
} from '../core/analytics';
import { parseCandlesCsv } from '../core/market/csv';
import { timeframeMs } from '../core/market/timeframe';
import { runBacktest, type BacktestResult } from './runBacktest';

const candles = parseCandlesCsv(
  readFileSync(
    new URL('../../tests/fixtures/btcusdt-1m-2023-03-01_03.csv', import.meta.url),
    'utf8',
  ),
).candles;

/** Every number anywhere in `value`. */
function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(numbersIn);
}

describe('summarizePerformance on a backtest', () => {
  const periodsPerYear = periodsPerYearFromMs(timeframeMs('5m')) ?? 0;
  let run: BacktestResult;
  let summary: PerformanceSummary;

  beforeAll(async () => {
    run = await runBacktest({
      strategy: smaCrossover,
      params: { fast: 9, slow: 21 },
      candles,
      timeframe: '5m',
    });
    summary = summarizePerformance({
      equity: run.equity,
      fills: run.fills,
      periodsPerYear,
      baseCurrency: 'BTC',
      orders: run.orders,
    });
  });

  it('annualises 5-minute candles over a 365-day year', () => {
    // 365 × 24 × 12 = 105,120
    expect(periodsPerYear).toBe(105_120);
  });

  it('produces a complete table of finite numbers (or null where undefined)', () => {
    expect(numbersIn(summary).every(Number.isFinite)).toBe(true);
    expect(summary.periods).toBe(run.equity.length - 1);
    for (const value of [
      summary.annualVolatility,
      summary.sharpeRatio,
      summary.sortinoRatio,
      summary.calmarRatio,
      summary.trades.winRate,
      summary.trades.sqn,
    ]) {
      expect(value).not.toBeNull();
    }
    expect(summary.maxDrawdown).toBeLessThan(0);
    expect(summary.maxDrawdown).toBeGreaterThan(-1);
    expect(summary.exposure).toBeGreaterThan(0);
    expect(summary.exposure).toBeLessThanOrEqual(1);
  });

  it('agrees with the equity curve it came from', () => {
    const values = Array.from(run.equity.values);
    const prices = run.equity.prices;
    const first = values[0];
    const last = values.at(-1);
    if (first === undefined || last === undefined) throw new Error('no equity');
    expect(summary.totalReturn).toBeCloseTo(last / first - 1, 12);
    expect(summary.netProfit).toBeCloseTo(last - first, 8);
    expect(summary.buyAndHoldReturn).toBeCloseTo(
      (prices.at(-1) ?? Number.NaN) / (prices[0] ?? Number.NaN) - 1,
      12,
    );
    // The drawdown, recomputed naively from the equity values.
    let peak = -Infinity;
    let worst = 0;
    for (const value of values) {
      peak = Math.max(peak, value);
      worst = Math.min(worst, value / peak - 1);
    }
    expect(summary.maxDrawdown).toBeCloseTo(worst, 12);
    expect(summary.drawdown.peakTime).toBe(run.equity.times[summary.drawdown.peakIndex]);
    expect(summary.maxDrawdown).toBe(drawdownDetails(values).maxDrawdown);
    const returns = returnsFromEquity(values);
    expect(summary.sharpeRatio).toBe(sharpeRatio(returns, { periodsPerYear }));
  });

  it('pairs every exit with its entry and reconciles with the ledger', () => {
    const sells = run.fills.filter((fill) => fill.side === 'sell');
    const exitOrders = new Set(sells.map((fill) => fill.clientOrderId));
    // One trade per exit order (the crossover exits the whole position at once).
    expect(summary.trades.tradeCount).toBe(exitOrders.size);
    expect(summary.closedTrades.every((trade) => trade.exitReason === 'sma-cross-down')).toBe(true);
    expect(summary.closedTrades.every((trade) => trade.exitTime > trade.entryTime)).toBe(true);
    // The ledger's realized PnL is before fees; trades' pnl is after their share of fees.
    const closedGross = summary.closedTrades.reduce((total, t) => total + t.pnl + t.fees, 0);
    expect(closedGross).toBeCloseTo(run.ledger.realizedPnl, 6);
    // Every fee is either in a closed trade or carried by the still-open lot.
    const { openLots } = pairFills(run.fills, { baseCurrency: 'BTC' });
    const openFees = openLots.reduce((total, lot) => total + lot.fees, 0);
    expect(summary.trades.totalFees + openFees).toBeCloseTo(run.ledger.feesPaid, 9);
    expect(summary.openPosition).toBeCloseTo(run.ledger.position, 12);
    // Same trades whether or not orders are passed (only the labels differ).
    expect(tradesFromFills(run.fills).map((t) => t.pnl)).toEqual(
      summary.closedTrades.map((t) => t.pnl),
    );
  });

  it('adds up the trade statistics', () => {
    const { trades } = summary;
    expect(trades.winCount + trades.lossCount).toBeLessThanOrEqual(trades.tradeCount);
    expect(trades.netProfit).toBeCloseTo(trades.grossProfit - trades.grossLoss, 8);
    expect(trades.expectancy ?? 0).toBeCloseTo(trades.netProfit / trades.tradeCount, 10);
    expect(trades.totalFees).toBeGreaterThan(0);
    expect(trades.averageHoldingPeriods).toBeGreaterThan(1);
  });
});
