/**
 * The endless candle series the simulator replays, built from finite samples: 1-minute
 * candles by default, or candles `candleMs` long (hourly or daily history in a backtest).
 *
 * Candle `index` (0-based, unbounded) of a symbol is sample candle `index mod n` of loop
 * `floor(index / n)`. Times are the sample's own (real 2023) times plus `loop` times the
 * sample's span (last open + one candle - first open), so they increase forever and stay
 * aligned. Prices of loop k are the sample's prices times (lastClose / firstOpen)^k, rounded to
 * the price tick, so each loop opens where the previous one closed and the price path stays
 * continuous; the price drifts by the sample's net return per loop (about +21% for the March
 * 2023 sample). Volumes repeat unscaled.
 * A sample may have gaps (weekends of daily stock data): a candle's successor is simply the
 * next one in the sample. All symbols share one clock: their samples must have the same times,
 * each aligned to `candleMs`. Pure.
 */
import type { Candle } from '../../core/market/candle';
import { CandleStepError, firstMisstep } from '../../core/market/candleSteps';
import { writeIntrabarPath } from '../../core/market/intrabarPath';
import type { IntrabarPath } from '../../core/market/intrabarPath';
import { roundToPriceStep } from './markets';

export const MINUTE_MS = 60_000;

export interface ReplaySeries {
  readonly symbols: readonly string[];
  /** Candles per loop. */
  readonly length: number;
  /** Length of one candle, ms (60,000 unless the samples are coarser). */
  readonly candleMs: number;
  /** Open time of candle `index`. */
  timeOf(index: number): number;
  /** Index of the first candle opening at or after `time` (may be negative before the start). */
  indexAtOrAfter(time: number): number;
  /** Candle `index`: on the first loop the sample's own (shared, like every Candle). */
  candleAt(symbol: string, index: number): Candle;
  /**
   * The candle's intrabar path: one array per symbol, written over when another candle's path
   * is asked for, so read it at once and never change it.
   */
  pathAt(symbol: string, index: number): IntrabarPath;
}

interface SymbolSeries {
  candles: readonly Candle[];
  /** lastClose / firstOpen: the price factor from one loop to the next. */
  loopFactor: number;
  /**
   * The path asked for last and its index: the replay asks for each several times. One array
   * per symbol, written over for the next index.
   */
  pathIndex: number;
  path: IntrabarPath;
}

/** Throws unless `candles` opens at the same times as `times` (when given). */
function checkTimes(
  symbol: string,
  candles: readonly Candle[],
  candleMs: number,
  times?: readonly Candle[],
): void {
  if (times && (times.length !== candles.length || times[0]?.time !== candles[0]?.time)) {
    throw new Error(`Sample for ${symbol} must start and end with the other samples`);
  }
  const misstep = firstMisstep(candles, candleMs);
  const offTimes = times ? candles.findIndex((candle, at) => candle.time !== times[at]?.time) : -1;
  // The earlier candle's problem is the one named.
  if (misstep && (offTimes < 0 || misstep.index <= offTimes)) {
    throw new CandleStepError(
      `Sample for ${symbol} is not in increasing ${candleMs} ms steps at candle ${misstep.index}`,
      misstep,
    );
  }
  if (offTimes >= 0) {
    throw new Error(`Sample for ${symbol} must have the other samples' times (candle ${offTimes})`);
  }
}

/** Index of the first of `candles` (sorted) opening at or after `time`; length if none. */
function lowerBound(candles: readonly Candle[], time: number): number {
  let low = 0;
  let high = candles.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((candles[middle] as Candle).time < time) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Builds the series; throws if the samples are empty, out of order, not aligned to
 * `candleMs` or not at the same times as each other.
 */
export function createReplaySeries(
  samples: Record<string, readonly Candle[]>,
  candleMs: number = MINUTE_MS,
): ReplaySeries {
  if (!(Number.isInteger(candleMs) && candleMs > 0)) {
    throw new Error(`Candle length must be a positive whole number of ms, got ${candleMs}`);
  }
  const symbols = Object.keys(samples).sort();
  const series = new Map<string, SymbolSeries>();
  let reference: readonly Candle[] | undefined;
  for (const symbol of symbols) {
    const candles = samples[symbol] ?? [];
    const first = candles[0];
    const last = candles[candles.length - 1];
    if (!first || !last) throw new Error(`Sample for ${symbol} is empty`);
    checkTimes(symbol, candles, candleMs, reference);
    reference ??= candles;
    series.set(symbol, {
      candles,
      loopFactor: last.close / first.open,
      pathIndex: Number.NaN,
      path: [0, 0, 0, 0],
    });
  }
  if (!reference) throw new Error('No samples to replay');
  const times = reference;
  const loopLength = times.length;
  const sampleStart = (times[0] as Candle).time;
  const span = (times[loopLength - 1] as Candle).time + candleMs - sampleStart;
  // Without gaps, times are arithmetic (the common case, and the fastest).
  const isContiguous = span === loopLength * candleMs;

  const timeOf = (index: number): number => {
    if (isContiguous) return sampleStart + index * candleMs;
    const loop = Math.floor(index / loopLength);
    return (times[index - loop * loopLength] as Candle).time + loop * span;
  };

  const indexAtOrAfter = (time: number): number => {
    if (isContiguous) return Math.ceil((time - sampleStart) / candleMs);
    const loop = Math.floor((time - sampleStart) / span);
    return loop * loopLength + lowerBound(times, time - loop * span);
  };

  // The symbol asked for last and its series: the replay asks several times per candle, and
  // mostly for one symbol (a backtest), so this skips the map lookup.
  let lastSymbol: string | undefined;
  let lastEntry: SymbolSeries | undefined;
  const require = (symbol: string): SymbolSeries => {
    if (symbol === lastSymbol) return lastEntry as SymbolSeries;
    const entry = series.get(symbol);
    if (!entry) throw new Error(`No sample for ${symbol}`);
    lastSymbol = symbol;
    lastEntry = entry;
    return entry;
  };

  const candleAt = (symbol: string, index: number): Candle => {
    const { candles, loopFactor } = require(symbol);
    const loop = Math.floor(index / loopLength);
    const source = candles[index - loop * loopLength] as Candle;
    const time = timeOf(index);
    // The first loop is the sample itself (at its own times): candles are never changed, so
    // the sample's object is handed out rather than a copy made for every candle played.
    if (loop === 0) return source;
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
    candleMs,
    timeOf,
    indexAtOrAfter,
    candleAt,
    pathAt(symbol, index) {
      const entry = require(symbol);
      if (entry.pathIndex !== index) {
        writeIntrabarPath(candleAt(symbol, index), entry.path);
        entry.pathIndex = index;
      }
      return entry.path;
    },
  };
}
