/**
 * The whole metrics table of a backtest or a running bot, from its equity points (one per
 * candle of its timeframe) and its fills. Each figure is the function of the same name in
 * this folder; docs/metrics.md lists formulas, annualisation and edge cases.
 */
import type { EquitySeries } from '../bot/equitySeries';
import type { Fill } from '../portfolio/types';
import type { TimestampMs } from '../time';
import { drawdownDetails, type DrawdownDetails } from './drawdown';
import { sharpeRatio, sortinoRatio } from './ratios';
import { YEAR_MS, annualReturn, annualVolatility, returnsFromEquity, totalReturn } from './returns';
import { annualisationFactor } from './stats';
import { buyAndHoldReturn, exposureTime, tradeStats, type TradeStats } from './tradeStats';
import { pairFills, type ClosedTrade } from './trades';

export interface SummarizeInput {
  /** The equity curve in time order, as columns (`prices`: the close each point was marked at). */
  equity: EquitySeries;
  /** The bot's fills (any order; paired in time order). */
  fills: readonly Fill[];
  /** Equity points per year, e.g. 105,120 for 5-minute candles (see `periodsPerYearFromMs`). */
  periodsPerYear: number;
  /** Risk-free return per period for Sharpe (and Sortino's required return); default 0. */
  riskFree?: number;
  /** Base currency, to value fees charged in coins. */
  baseCurrency?: string;
  /** Orders, to label each trade with its exit order's tag. */
  orders?: readonly { clientOrderId: string; tag?: string }[];
}

/** The max drawdown with its indexes mapped to equity-point times. */
export interface TimedDrawdown extends DrawdownDetails {
  /** Times of the peak and trough; `null` when there was no drawdown. */
  peakTime: TimestampMs | null;
  troughTime: TimestampMs | null;
  /** Time the peak was regained; `undefined` if not (yet). */
  recoveryTime: TimestampMs | undefined;
  /** (recovery, or last point) time − peak time; 0 without a drawdown. */
  durationMs: number;
}

export interface PerformanceSummary {
  /** First and last equity-point times; `null` without equity points. */
  start: TimestampMs | null;
  end: TimestampMs | null;
  /** Number of periodic returns (equity points − 1, or 0). */
  periods: number;
  startEquity: number | null;
  endEquity: number | null;
  /** endEquity − startEquity (0 without points). */
  netProfit: number;
  totalReturn: number;
  annualReturn: number | null;
  annualVolatility: number | null;
  sharpeRatio: number | null;
  sortinoRatio: number | null;
  /** annualReturn / |maxDrawdown|; `null` without a drawdown. */
  calmarRatio: number | null;
  /** Negative fraction of the running peak (empyrical); 0 when it never fell. */
  maxDrawdown: number;
  drawdown: TimedDrawdown;
  /** Price change over the same points (EquityPoint.price), fees ignored. */
  buyAndHoldReturn: number | null;
  /** Fraction of [start, end] with a position open (closed trades and the open remainder). */
  exposure: number;
  trades: TradeStats;
  /** The closed round trips (FIFO, fees included). */
  closedTrades: ClosedTrade[];
  /** Base amount still open after the last fill: > 0 long, < 0 short, 0 flat. */
  openPosition: number;
}

function timedDrawdown(equity: EquitySeries, details: DrawdownDetails): TimedDrawdown {
  const timeAt = (index: number) => equity.times[index] ?? 0;
  const hasDrawdown = details.maxDrawdown < 0;
  const lastIndex = details.recoveryIndex ?? equity.length - 1;
  return {
    ...details,
    peakTime: hasDrawdown ? timeAt(details.peakIndex) : null,
    troughTime: hasDrawdown ? timeAt(details.troughIndex) : null,
    recoveryTime: details.recoveryIndex === undefined ? undefined : timeAt(details.recoveryIndex),
    durationMs: hasDrawdown ? timeAt(lastIndex) - timeAt(details.peakIndex) : 0,
  };
}

/**
 * Computes every metric of a run: returns rᵢ = equityᵢ / equityᵢ₋₁ − 1 feed total and annual
 * return, volatility, Sharpe and Sortino (annualised with `periodsPerYear`); the drawdown is
 * taken on the equity values themselves; trades are `pairFills(fills)`; Calmar = annual return
 * / |max drawdown|; exposure counts closed trades and any open lot up to the last point.
 * Empty input gives zeros and `null`s, never NaN.
 */
export function summarizePerformance(input: SummarizeInput): PerformanceSummary {
  const { equity, periodsPerYear } = input;
  const values = equity.values;
  const returns = returnsFromEquity(values);
  const isEmpty = equity.length === 0;
  const lastIndex = equity.length - 1;
  const start = isEmpty ? null : (equity.times[0] as number);
  const end = isEmpty ? null : (equity.times[lastIndex] as number);
  const startEquity = isEmpty ? null : (equity.values[0] as number);
  const endEquity = isEmpty ? null : (equity.values[lastIndex] as number);
  const tags = new Map(input.orders?.map((order) => [order.clientOrderId, order.tag]));
  const { trades, openLots } = pairFills(input.fills, {
    baseCurrency: input.baseCurrency,
    exitReason: (clientOrderId) => tags.get(clientOrderId),
  });
  const factor = annualisationFactor(periodsPerYear);
  const details = drawdownDetails(values);
  const annual = annualReturn(returns, { periodsPerYear });
  const riskFree = input.riskFree ?? 0;
  const held = end === null ? [] : openLots.map((lot) => ({ entryTime: lot.time, exitTime: end }));
  const netProfit = startEquity === null || endEquity === null ? 0 : endEquity - startEquity;
  return {
    start,
    end,
    periods: returns.length,
    startEquity,
    endEquity,
    netProfit: Number.isFinite(netProfit) ? netProfit : 0,
    totalReturn: totalReturn(returns),
    annualReturn: annual,
    annualVolatility: annualVolatility(returns, { periodsPerYear }),
    sharpeRatio: sharpeRatio(returns, { periodsPerYear, riskFree }),
    sortinoRatio: sortinoRatio(returns, { periodsPerYear, requiredReturn: riskFree }),
    calmarRatio:
      annual === null || details.maxDrawdown === 0 ? null : annual / Math.abs(details.maxDrawdown),
    maxDrawdown: details.maxDrawdown,
    drawdown: timedDrawdown(equity, details),
    buyAndHoldReturn: isEmpty
      ? null
      : buyAndHoldReturn(equity.prices[0] as number, equity.prices[lastIndex] as number),
    exposure: start === null || end === null ? 0 : exposureTime([...trades, ...held], start, end),
    trades: tradeStats(trades, factor === null ? {} : { periodMs: YEAR_MS / factor }),
    closedTrades: trades,
    openPosition: openLots.reduce(
      (total, lot) => total + (lot.side === 'long' ? lot.amount : -lot.amount),
      0,
    ),
  };
}
