/**
 * One backtest job as the pool's workers run it: the user's configuration (template, params,
 * data source and range, costs, options), run through runBacktest on the candles of that range
 * (1-minute sample or an imported dataset of any candle length, resampled to the timeframe)
 * and turned into a report — the full report for a single run, the metrics only for a sweep
 * (hundreds of full equity curves would not fit in memory). Pure apart from the run itself.
 */
import type { Candle } from '../core/market/candle';
import type { Timeframe } from '../core/market/timeframe';
import type { RiskConfig } from '../core/risk/riskConfig';
import type { RawParams, RunnableStrategy } from '../core/strategy/types';
import { dataTimeframeProblem } from './dataTimeframe';
import { runBacktest } from './runBacktest';
import type { SourceCandles } from './sourceLoader';
import { buildRunReport, type ReportMetrics, type RunReport } from './runReport';

/** Market orders fill at the next candle's open: the only model runBacktest offers today. */
export type FillModel = 'next-open';

export interface BacktestConfig {
  strategyId: string;
  strategyName: string;
  params: RawParams;
  /** Data source id (see src/ui/stores/backtestData.ts), e.g. "sample:BTC/USDT". */
  sourceId: string;
  sourceLabel: string;
  symbol: string;
  /** Range of the source's candle open times, [from, to). */
  from: number;
  to: number;
  timeframe: Timeframe;
  cash: number;
  makerFee: number;
  takerFee: number;
  slippageBps: number;
  fill: FillModel;
  closeAtEnd: boolean;
  risk?: RiskConfig;
}

export interface BacktestJob {
  config: BacktestConfig;
  /** "full" returns the whole report, "metrics" only the figures (sweeps). */
  detail: 'full' | 'metrics';
}

export interface BacktestJobResult {
  params: RawParams;
  metrics: ReportMetrics;
  report?: RunReport;
}

/** What a backtest worker exposes over Comlink. */
export interface BacktestWorkerApi {
  run(
    job: BacktestJob,
    onProgress: (done: number, total: number) => void,
  ): Promise<BacktestJobResult>;
}

/** Candles of `candles` whose open time lies in [from, to) (binary search; input sorted). */
export function sliceRange(candles: readonly Candle[], from: number, to: number): Candle[] {
  const lowerBound = (time: number) => {
    let low = 0;
    let high = candles.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((candles[middle]?.time ?? Infinity) < time) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return candles.slice(lowerBound(from), lowerBound(to));
}

/** A one-line title such as "SMA crossover fast=9 slow=21 · BTC/USDT 5m". */
export function runTitle(config: BacktestConfig): string {
  const params = Object.entries(config.params)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(' ');
  return `${config.strategyName} ${params} · ${config.symbol} ${config.timeframe}`.replace(
    /\s+/g,
    ' ',
  );
}

/**
 * Runs `job` on `source` (the source's whole series; the range is cut here) and reports
 * progress as (candles played, candles to play) in coarse steps.
 *
 * @throws Error when the source's candles are coarser than the timeframe (naming both) or
 *   none lie in the range.
 */
export async function runBacktestJob(
  job: BacktestJob,
  strategy: RunnableStrategy,
  source: SourceCandles,
  onProgress: (done: number, total: number) => void,
): Promise<BacktestJobResult> {
  const { config } = job;
  const problem = dataTimeframeProblem(source.candleMs, config.timeframe);
  if (problem !== undefined) throw new Error(`${config.sourceLabel}: ${problem}`);
  const range = sliceRange(source.candles, config.from, config.to);
  if (range.length === 0) throw new Error('The data source has no candles in the chosen range.');
  const total = range.length;
  const result = await runBacktest({
    strategy,
    params: config.params,
    candles: range,
    candleMs: source.candleMs,
    symbol: config.symbol,
    timeframe: config.timeframe,
    cash: config.cash,
    makerFee: config.makerFee,
    takerFee: config.takerFee,
    slippageBps: config.slippageBps,
    risk: config.risk,
    onProgress: (fraction) => onProgress(Math.round(fraction * total), total),
  });
  const report = buildRunReport({
    title: runTitle(config),
    symbol: config.symbol,
    timeframe: config.timeframe,
    equity: result.equity,
    fills: result.fills,
    orders: result.orders,
    closeAtEnd: config.closeAtEnd,
  });
  return {
    params: config.params,
    metrics: report.metrics,
    ...(job.detail === 'full' ? { report } : {}),
  };
}
