/**
 * Public market data in Binance's shapes, computed from the market model: klines of any
 * interval from 1m to 1d (aggregated from the 1m replay, the forming candle included, as
 * Binance's), 24-hour tickers, book tickers and a synthetic order book around the touch.
 */
import type { Candle, MutableCandle } from '../../src/core/market/candle';
import { errors } from './errors';
import type { DayStats } from './format';
import { MINUTE_MS } from './market';
import type { MarketModel } from './market';
import type { Engine } from './orders';
import type { SimSymbol } from './symbols';

export const INTERVALS: Record<string, number> = {
  '1m': 1,
  '3m': 3,
  '5m': 5,
  '15m': 15,
  '30m': 30,
  '1h': 60,
  '2h': 120,
  '4h': 240,
  '6h': 360,
  '8h': 480,
  '12h': 720,
  '1d': 1_440,
};
const DAY_MS = 86_400_000;

export function intervalMs(interval: string | undefined): number {
  if (interval === undefined || interval === '') throw errors.mandatory('interval');
  const minutes = INTERVALS[interval];
  if (minutes === undefined) throw errors.invalidInterval();
  return minutes * MINUTE_MS;
}

/** Merges consecutive 1m candles into buckets of `length` ms (UTC aligned). */
export function groupCandles(minutes: readonly Candle[], length: number): Candle[] {
  if (length === MINUTE_MS) return minutes.slice();
  const out: MutableCandle[] = [];
  for (const candle of minutes) {
    const start = Math.floor(candle.time / length) * length;
    const last = out[out.length - 1];
    if (last && last.time === start) {
      last.high = Math.max(last.high, candle.high);
      last.low = Math.min(last.low, candle.low);
      last.close = candle.close;
      last.volume += candle.volume;
    } else {
      out.push({ ...candle, time: start });
    }
  }
  return out;
}

export interface KlineQuery {
  length: number;
  startTime?: number;
  endTime?: number;
  limit: number;
}

/** Binance's klines selection: up to `limit` buckets, from startTime or ending now / at endTime. */
export function klines(market: MarketModel, symbol: SimSymbol, query: KlineQuery): Candle[] {
  const { length, limit } = query;
  const now = market.time();
  const earliest = market.firstTime();
  const bucketOf = (time: number) => Math.floor(time / length) * length;
  let from: number;
  let to: number;
  if (query.startTime !== undefined) {
    from = Math.max(earliest, Math.ceil(query.startTime / length) * length);
    to = Math.min(now, query.endTime ?? Infinity, from + limit * length - 1);
  } else {
    to = Math.min(now, query.endTime ?? Infinity);
    from = Math.max(earliest, bucketOf(to) - (limit - 1) * length);
  }
  if (from > to) return [];
  const grouped = groupCandles(market.minuteCandles(symbol.symbol, bucketOf(from), to), length);
  return grouped.filter((candle) => candle.time >= from && candle.time <= to).slice(-limit);
}

export function dayStats(market: MarketModel, engine: Engine, symbol: SimSymbol): DayStats {
  const now = market.time();
  const from = Math.max(
    market.firstTime(),
    Math.floor((now - DAY_MS) / MINUTE_MS) * MINUTE_MS + MINUTE_MS,
  );
  const minutes = market.minuteCandles(symbol.symbol, from, now);
  const first = minutes[0];
  const { bid, ask } = engine.touch(symbol);
  return {
    open: first?.open ?? bid,
    high: Math.max(...minutes.map((candle) => candle.high), bid),
    low: Math.min(...minutes.map((candle) => candle.low), bid),
    last: bid,
    volume: minutes.reduce((sum, candle) => sum + candle.volume, 0),
    openTime: first?.time ?? now,
    closeTime: now,
    bid,
    ask,
  };
}

/** A synthetic book: `limit` levels a tick apart on each side of the touch, 1 BTC each. */
export function depth(engine: Engine, symbol: SimSymbol, limit: number, updateId: number) {
  const { bid, ask } = engine.touch(symbol);
  const level = (price: number) => [price.toFixed(8), (1).toFixed(8)];
  const bids = Array.from({ length: limit }, (_, i) => level(Math.max(0.01, bid - i * 0.01)));
  const asks = Array.from({ length: limit }, (_, i) => level(ask + i * 0.01));
  return { lastUpdateId: updateId, bids, asks };
}
