/**
 * The endless 1-minute candle series the simulator replays, built from finite samples.
 *
 * Candle `index` (0-based, unbounded) of a symbol is sample candle `index mod n` of loop
 * `floor(index / n)`. Times are the sample's own (real 2023) times plus `loop * n` minutes, so
 * they increase forever and stay minute-aligned. Prices of loop k are the sample's prices times
 * (lastClose / firstOpen)^k, rounded to the price tick, so each loop opens where the previous one
 * closed and the price path stays continuous; the price drifts by the sample's net return per
 * loop (about +21% for the March 2023 sample). Volumes repeat unscaled.
 * All symbols share one clock: their samples must be contiguous 1m series with the same start
 * and length. Pure.
 */
import type { Candle } from '../../core/market/candle';
import { intrabarPath } from '../../core/market/intrabarPath';
import type { IntrabarPath } from '../../core/market/intrabarPath';
import { roundToPriceStep } from './markets';

export const MINUTE_MS = 60_000;

export interface ReplaySeries {
  readonly symbols: readonly string[];
  /** Candles per loop. */
  readonly length: number;
  /** Open time of candle `index`. */
  timeOf(index: number): number;
  /** Index of the first candle opening at or after `time` (may be negative before the start). */
  indexAtOrAfter(time: number): number;
  candleAt(symbol: string, index: number): Candle;
  pathAt(symbol: string, index: number): IntrabarPath;
}

interface SymbolSeries {
  candles: readonly Candle[];
  /** lastClose / firstOpen: the price factor from one loop to the next. */
  loopFactor: number;
}

/** Builds the series; throws if the samples are empty, gappy or not aligned with each other. */
export function createReplaySeries(samples: Record<string, readonly Candle[]>): ReplaySeries {
  const symbols = Object.keys(samples).sort();
  const series = new Map<string, SymbolSeries>();
  let start: number | undefined;
  let length: number | undefined;
  for (const symbol of symbols) {
    const candles = samples[symbol] ?? [];
    const first = candles[0];
    const last = candles[candles.length - 1];
    if (!first || !last) throw new Error(`Sample for ${symbol} is empty`);
    start ??= first.time;
    length ??= candles.length;
    if (first.time !== start || candles.length !== length) {
      throw new Error(`Sample for ${symbol} must start and end with the other samples`);
    }
    candles.forEach((candle, index) => {
      if (candle.time !== first.time + index * MINUTE_MS) {
        throw new Error(`Sample for ${symbol} is not contiguous 1m at candle ${index}`);
      }
    });
    series.set(symbol, { candles, loopFactor: last.close / first.open });
  }
  if (start === undefined || length === undefined) throw new Error('No samples to replay');
  const sampleStart = start;
  const loopLength = length;

  const require = (symbol: string): SymbolSeries => {
    const entry = series.get(symbol);
    if (!entry) throw new Error(`No sample for ${symbol}`);
    return entry;
  };

  const candleAt = (symbol: string, index: number): Candle => {
    const { candles, loopFactor } = require(symbol);
    const loop = Math.floor(index / loopLength);
    const source = candles[index - loop * loopLength] as Candle;
    const time = sampleStart + index * MINUTE_MS;
    if (loop === 0) return { ...source, time };
    const factor = loopFactor ** loop;
    const scale = (price: number) => roundToPriceStep(price * factor);
    return {
      time,
      open: scale(source.open),
      high: scale(source.high),
      low: scale(source.low),
      close: scale(source.close),
      volume: source.volume,
    };
  };

  return {
    symbols,
    length: loopLength,
    timeOf: (index) => sampleStart + index * MINUTE_MS,
    indexAtOrAfter: (time) => Math.ceil((time - sampleStart) / MINUTE_MS),
    candleAt,
    pathAt: (symbol, index) => intrabarPath(candleAt(symbol, index)),
  };
}
