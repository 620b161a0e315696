/**
 * The template library's preview: a template run for one week of real BTC/USDT 1-minute data
 * through the real engine (runBacktest), boiled down to a small equity curve and four figures.
 * No I/O: the caller passes the candles (the preview worker loads the committed sample).
 */
import type { Candle } from '../core/market/candle';
import type { Timeframe } from '../core/market/timeframe';
import type { RiskConfig } from '../core/risk/riskConfig';
import { validateParams } from '../core/strategy/params';
import type { RawParams, RunnableStrategy } from '../core/strategy/types';
import { runBacktest } from './runBacktest';

/** One week of 1-minute candles: the preview's span, from the start of the sample. */
export const PREVIEW_CANDLES = 7 * 24 * 60;
/** The equity curve is downsampled to at most this many points for display. */
export const PREVIEW_MAX_POINTS = 400;
export const PREVIEW_SYMBOL = 'BTC/USDT';
/** Starting balance of the previewed bot, in the quote currency. */
export const PREVIEW_CASH = 10_000;

export interface PreviewInput {
  strategy: RunnableStrategy;
  /** Defaults to the template's defaults. */
  params?: RawParams;
  /** The bot's risk rules (the create wizard's quick backtest); none by default. */
  risk?: RiskConfig;
  /** Defaults to the strategy's timeframe. */
  timeframe?: Timeframe;
  /** Called now and then with the fraction done, 0..1. */
  onProgress?: (fraction: number) => void;
  /** 1-minute candles of PREVIEW_SYMBOL; the first PREVIEW_CANDLES are used. */
  candles: readonly Candle[];
}

export interface TemplatePreview {
  /** [time in seconds, equity in quote], in time order; at most PREVIEW_MAX_POINTS. */
  points: [number, number][];
  /** Return over the run in percent (1.5 = +1.5%), fees included. */
  totalReturnPct: number;
  /** Deepest peak-to-trough fall of equity in percent, as a positive number (0 = none). */
  maxDrawdownPct: number;
  /** Number of fills. */
  trades: number;
  /** Return of buying at the first tradable candle's open and holding to the end, in percent. */
  buyAndHoldPct: number;
}

/** What the preview worker exposes over Comlink. */
export interface PreviewApi {
  preview(strategyId: string, params?: RawParams, risk?: RiskConfig): Promise<TemplatePreview>;
  /** A bot's quick backtest: its template, parameters, timeframe and risk, with progress. */
  quickBacktest(
    bot: { strategyId: string; params: RawParams; timeframe?: Timeframe; risk?: RiskConfig },
    onProgress?: (fraction: number) => void,
  ): Promise<TemplatePreview>;
}

/** Largest fall from a running peak, in percent of that peak. */
export function maxDrawdownPct(values: readonly number[]): number {
  let peak = -Infinity;
  let deepest = 0;
  for (const value of values) {
    peak = Math.max(peak, value);
    if (peak > 0) deepest = Math.max(deepest, (peak - value) / peak);
  }
  return deepest * 100;
}

/**
 * At most `maxPoints` points that keep the curve's shape: the series is cut into
 * maxPoints / 2 buckets and each keeps its lowest and highest point, in time order (so dips
 * and peaks survive); the first and last points are always kept.
 */
export function downsample(
  points: readonly [number, number][],
  maxPoints: number,
): [number, number][] {
  if (points.length <= maxPoints) return [...points];
  const buckets = Math.max(1, Math.floor((maxPoints - 2) / 2));
  const inner = points.slice(1, -1);
  const size = inner.length / buckets;
  const kept: [number, number][] = [points[0] as [number, number]];
  for (let bucket = 0; bucket < buckets; bucket++) {
    const slice = inner.slice(Math.floor(bucket * size), Math.floor((bucket + 1) * size));
    if (slice.length === 0) continue;
    let low = 0;
    let high = 0;
    slice.forEach(([, value], index) => {
      if (value < (slice[low]?.[1] ?? Infinity)) low = index;
      if (value > (slice[high]?.[1] ?? -Infinity)) high = index;
    });
    for (const index of low === high ? [low] : [Math.min(low, high), Math.max(low, high)]) {
      kept.push(slice[index] as [number, number]);
    }
  }
  kept.push(points[points.length - 1] as [number, number]);
  return kept;
}

function percentChange(from: number, to: number): number {
  return from === 0 ? 0 : (to / from - 1) * 100;
}

/** Runs `strategy` over the first week of `candles`; rejects when `params` are invalid. */
export async function previewTemplate(input: PreviewInput): Promise<TemplatePreview> {
  const { strategy, params, risk, timeframe, onProgress } = input;
  if (params !== undefined) {
    const checked = validateParams(strategy, params);
    if (!checked.ok) throw new Error(checked.errors.map((error) => error.message).join('; '));
  }
  const candles = input.candles.slice(0, PREVIEW_CANDLES);
  const result = await runBacktest({
    strategy,
    params,
    candles,
    cash: PREVIEW_CASH,
    ...(risk ? { risk } : {}),
    ...(timeframe ? { timeframe } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  const first = candles[result.startIndex];
  const last = candles[candles.length - 1];
  if (!first || !last) throw new Error('Not enough market data for a preview.');
  // One point per closed candle (stamped with its open time); the run starts from the cash.
  const { times, values } = result.equity;
  const curve = Array.from(times, (time, index): [number, number] => [
    time / 1000,
    values[index] as number,
  ]);
  if (curve.length === 0) curve.push([first.time / 1000, PREVIEW_CASH]);
  const finalEquity = curve[curve.length - 1]?.[1] ?? PREVIEW_CASH;
  return {
    points: downsample(curve, PREVIEW_MAX_POINTS),
    totalReturnPct: percentChange(PREVIEW_CASH, finalEquity),
    maxDrawdownPct: maxDrawdownPct([PREVIEW_CASH, ...curve.map(([, equity]) => equity)]),
    trades: result.fills.length,
    buyAndHoldPct: percentChange(first.open, last.close),
  };
}
