/**
 * fetchOHLCV for the simulator: closed candles only (those before the cursor, which include the
 * sample's history before the start point), resampled to coarser timeframes. Only whole
 * buckets are returned. Follows ccxt's paging: with `since`, the first `limit` candles opening
 * at or after it; without, the latest `limit`. Works on candle indexes rather than time spans,
 * so a series with gaps (daily stock data without weekends) still returns `limit` candles.
 */
import { ExchangeError } from '../../core/exchangePort';
import type { Candle, MutableCandle } from '../../core/market/candle';
import { bucketStart, isTimeframe, timeframeMs } from '../../core/market/timeframe';
import type { Timeframe } from '../../core/market/timeframe';
import { timeframeLabel } from '../../core/market/import/spacing';
import type { ReplaySeries } from './replaySeries';

/** Binance's defaults: 500 candles unless asked, at most 1000 per request. */
export const DEFAULT_OHLCV_LIMIT = 500;
export const MAX_OHLCV_LIMIT = 1_000;

interface Request {
  timeframe: string;
  since?: number;
  limit?: number;
}

function checkRequest(
  series: ReplaySeries,
  request: Request,
): { timeframe: Timeframe; count: number } {
  const { timeframe, limit } = request;
  if (!isTimeframe(timeframe)) {
    throw new ExchangeError('invalid_order', `Unsupported timeframe ${timeframe}`);
  }
  const length = timeframeMs(timeframe);
  if (length < series.candleMs || length % series.candleMs !== 0) {
    throw new ExchangeError(
      'invalid_order',
      `Timeframe ${timeframe} cannot be made of the market's ${timeframeLabel(series.candleMs)} candles`,
    );
  }
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
    throw new ExchangeError('invalid_order', `limit must be a positive integer, got ${limit}`);
  }
  return { timeframe, count: Math.min(limit ?? DEFAULT_OHLCV_LIMIT, MAX_OHLCV_LIMIT) };
}

/**
 * Candles `from` to `to` (exclusive) of the series merged into buckets of `timeframe`, each
 * with its first index; a bucket is kept only if it is whole at both ends of the window.
 */
function buckets(
  series: ReplaySeries,
  symbol: string,
  timeframe: Timeframe,
  from: number,
  to: number,
): Candle[] {
  const bucketOf = (index: number) => bucketStart(series.timeOf(index), timeframe);
  const out: Candle[] = [];
  let pending: MutableCandle | undefined;
  for (let index = from; index < to; index++) {
    const candle = series.candleAt(symbol, index);
    const start = bucketStart(candle.time, timeframe);
    if (pending && pending.time === start) {
      pending.high = Math.max(pending.high, candle.high);
      pending.low = Math.min(pending.low, candle.low);
      pending.close = candle.close;
      pending.volume += candle.volume;
    } else {
      if (pending) out.push(pending);
      pending = { ...candle, time: start };
    }
  }
  if (pending) out.push(pending);
  // The first bucket is cut when it began before the window (or before the series).
  const first = out[0];
  if (first && (from > 0 ? bucketOf(from - 1) === first.time : first.time < series.timeOf(0))) {
    out.shift();
  }
  // The last is cut when the next candle belongs to it (unplayed or outside the window).
  const last = out[out.length - 1];
  if (last && bucketOf(to) === last.time) out.pop();
  return out;
}

export function fetchClosedCandles(
  series: ReplaySeries,
  symbol: string,
  cursor: number,
  request: Request,
): Candle[] {
  const { timeframe, count } = checkRequest(series, request);
  const length = timeframeMs(timeframe);
  // Enough candles for `count` buckets plus a cut one at each end of the window.
  const window = (count + 2) * (length / series.candleMs);
  if (request.since === undefined) {
    return buckets(series, symbol, timeframe, Math.max(0, cursor - window), cursor).slice(-count);
  }
  const bucket = bucketStart(request.since, timeframe);
  const from = Math.max(
    0,
    series.indexAtOrAfter(bucket < request.since ? bucket + length : bucket),
  );
  const to = Math.min(cursor, from + window);
  return from >= to ? [] : buckets(series, symbol, timeframe, from, to).slice(0, count);
}
