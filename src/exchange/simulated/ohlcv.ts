/**
 * fetchOHLCV for the simulator: closed candles only (those before the cursor, which include the
 * sample's history before the start point), resampled to coarser timeframes with core's
 * resampleCandles. Only whole buckets are returned. Follows ccxt's paging: with `since`, the
 * first `limit` candles opening at or after it; without, the latest `limit`.
 */
import { ExchangeError } from '../../core/exchangePort';
import { resampleCandles } from '../../core/market/aggregator';
import type { Candle } from '../../core/market/candle';
import { bucketStart, isTimeframe, timeframeMs } from '../../core/market/timeframe';
import type { ReplaySeries } from './replaySeries';

/** Binance's defaults: 500 candles unless asked, at most 1000 per request. */
export const DEFAULT_OHLCV_LIMIT = 500;
export const MAX_OHLCV_LIMIT = 1_000;

export function fetchClosedCandles(
  series: ReplaySeries,
  symbol: string,
  cursor: number,
  request: { timeframe: string; since?: number; limit?: number },
): Candle[] {
  const { timeframe, since, limit } = request;
  if (!isTimeframe(timeframe)) {
    throw new ExchangeError('invalid_order', `Unsupported timeframe ${timeframe}`);
  }
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
    throw new ExchangeError('invalid_order', `limit must be a positive integer, got ${limit}`);
  }
  const count = Math.min(limit ?? DEFAULT_OHLCV_LIMIT, MAX_OHLCV_LIMIT);
  const length = timeframeMs(timeframe);
  /** The first bucket opening at or after `time`. */
  const bucketAtOrAfter = (time: number): number => {
    const start = bucketStart(time, timeframe);
    return start < time ? start + length : start;
  };

  // A bucket is closed when it ends at or before the forming candle's open.
  const lastClosed = bucketStart(series.timeOf(cursor), timeframe) - length;
  const firstWhole = bucketAtOrAfter(series.timeOf(0));
  let from: number;
  let to: number;
  if (since !== undefined) {
    from = Math.max(firstWhole, bucketAtOrAfter(since));
    to = Math.min(lastClosed, from + (count - 1) * length);
  } else {
    to = lastClosed;
    from = Math.max(firstWhole, to - (count - 1) * length);
  }
  if (from > to) return [];

  const candles: Candle[] = [];
  const end = series.indexAtOrAfter(to + length);
  for (let index = series.indexAtOrAfter(from); index < end; index++) {
    candles.push(series.candleAt(symbol, index));
  }
  return timeframe === '1m' ? candles : resampleCandles(candles, timeframe);
}
