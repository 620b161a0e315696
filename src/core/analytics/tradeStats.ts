/**
 * Statistics over closed trades (the "Trades" block of a backtest report, as in
 * backtesting.py's `compute_stats` and pyfolio's round-trip tables), time in the market, and
 * the buy-and-hold benchmark. Money is in quote currency.
 *
 * Convention (see `stats.ts`): sums and counts over no trades are 0; means, ratios, best and
 * worst over no trades — and profit factor without a losing trade — are `null`. Never NaN or
 * Infinity, never a throw.
 */
import type { TimestampMs } from '../time';
import { isNegligible, mean, noNegativeZero, sampleStd, sum } from './stats';
import type { ClosedTrade } from './trades';

export interface TradeStats {
  /** n, the number of closed trades. */
  tradeCount: number;
  /** Trades with pnl > 0. */
  winCount: number;
  /** Trades with pnl < 0 (pnl = 0 is neither). */
  lossCount: number;
  /** winCount / n; `null` without trades. */
  winRate: number | null;
  /** Σ pnl of winning trades (≥ 0). */
  grossProfit: number;
  /** Σ |pnl| of losing trades (≥ 0). */
  grossLoss: number;
  /** Σ pnl. */
  netProfit: number;
  /** grossProfit / grossLoss; `null` when there is no losing trade (pyfolio: inf/NaN). */
  profitFactor: number | null;
  /** Mean pnl per trade, Σ pnl / n; `null` without trades. */
  expectancy: number | null;
  /** Mean returnPct (fraction) per trade; `null` without trades. */
  averageReturn: number | null;
  /** grossProfit / winCount; `null` without winners. */
  averageWin: number | null;
  /** Mean pnl of losing trades, a NEGATIVE number (−grossLoss / lossCount); `null` without losers. */
  averageLoss: number | null;
  /** Largest pnl; `null` without trades. */
  best: number | null;
  /** Smallest pnl; `null` without trades. */
  worst: number | null;
  /** Mean of (exitTime − entryTime) in ms; `null` without trades. */
  averageHoldingMs: number | null;
  /** averageHoldingMs / periodMs when `periodMs` was given (> 0), else `null`. */
  averageHoldingPeriods: number | null;
  /** Σ fees. */
  totalFees: number;
  /**
   * Van Tharp's System Quality Number, as backtesting.py computes it (no cap on n):
   * √n × mean(pnl) / std(pnl, ddof = 1); `null` for n < 2 or zero dispersion.
   */
  sqn: number | null;
}

/**
 * Summary statistics of closed trades (formulas on each field of `TradeStats`).
 * `periodMs` (e.g. the candle length) also expresses the average holding time in periods.
 */
export function tradeStats(
  trades: readonly ClosedTrade[],
  options: { periodMs?: number } = {},
): TradeStats {
  const pnls = trades.map((trade) => trade.pnl).filter(Number.isFinite);
  const wins = pnls.filter((pnl) => pnl > 0);
  const losses = pnls.filter((pnl) => pnl < 0);
  const grossProfit = sum(wins);
  const grossLoss = noNegativeZero(-sum(losses));
  const holding = mean(trades.map((trade) => trade.exitTime - trade.entryTime));
  const periodMs = options.periodMs;
  const average = mean(pnls);
  const std = sampleStd(pnls);
  return {
    tradeCount: trades.length,
    winCount: wins.length,
    lossCount: losses.length,
    winRate: trades.length > 0 ? wins.length / trades.length : null,
    grossProfit,
    grossLoss,
    netProfit: sum(pnls),
    profitFactor: grossLoss > 0 ? grossProfit / grossLoss : null,
    expectancy: average,
    averageReturn: mean(trades.map((trade) => trade.returnPct).filter(Number.isFinite)),
    averageWin: wins.length > 0 ? grossProfit / wins.length : null,
    averageLoss: losses.length > 0 ? -grossLoss / losses.length : null,
    best: pnls.length > 0 ? pnls.reduce((a, b) => Math.max(a, b)) : null,
    worst: pnls.length > 0 ? pnls.reduce((a, b) => Math.min(a, b)) : null,
    averageHoldingMs: holding,
    averageHoldingPeriods:
      holding !== null && periodMs !== undefined && Number.isFinite(periodMs) && periodMs > 0
        ? holding / periodMs
        : null,
    totalFees: sum(trades.map((trade) => trade.fees).filter(Number.isFinite)),
    sqn:
      average === null || std === null || isNegligible(std, pnls)
        ? null
        : (Math.sqrt(pnls.length) * average) / std,
  };
}

/**
 * Fraction of [start, end] spent in the market: |(∪ [entryTimeᵢ, exitTimeᵢ]) ∩ [start, end]|
 * / (end − start). Overlapping trades (partial exits of one position) count once, so the result
 * is in [0, 1]. 0 when end ≤ start, the bounds are not finite, or there are no trades.
 * Any `{ entryTime, exitTime }` works — e.g. an open lot with exitTime = end.
 */
export function exposureTime(
  trades: readonly Pick<ClosedTrade, 'entryTime' | 'exitTime'>[],
  start: TimestampMs,
  end: TimestampMs,
): number {
  if (!(Number.isFinite(start) && Number.isFinite(end) && end > start)) return 0;
  const spans = trades
    .map((trade) => [Math.max(start, trade.entryTime), Math.min(end, trade.exitTime)] as const)
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let reached = start;
  for (const [from, to] of spans) {
    const begin = Math.max(from, reached);
    if (to > begin) covered += to - begin;
    reached = Math.max(reached, to);
  }
  return covered / (end - start);
}

/**
 * Return of buying at the first price and holding to the last: lastPrice / firstPrice − 1
 * (fees ignored). `null` when firstPrice ≤ 0 or either price is not finite.
 */
export function buyAndHoldReturn(firstPrice: number, lastPrice: number): number | null {
  if (!(Number.isFinite(firstPrice) && Number.isFinite(lastPrice) && firstPrice > 0)) return null;
  return noNegativeZero(lastPrice / firstPrice - 1);
}
