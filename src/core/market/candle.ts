/**
 * OHLCV candles. Times are UTC milliseconds of the candle's open. A candle is "closed" once
 * its whole interval has passed; strategies only ever see closed candles. Candles are values:
 * never changed once made, so a feed hands the same object to every subscriber (a backtest
 * plays a million of them) and code that builds one up (a bucket being merged) uses
 * MutableCandle.
 */
import type { TimestampMs } from '../time';

export interface Candle {
  /** Open time, UTC ms. */
  readonly time: TimestampMs;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

/** A candle still being built (a bucket merging smaller candles); a Candle once handed out. */
export type MutableCandle = { -readonly [K in keyof Candle]: Candle[K] };

/** ccxt's OHLCV row: [time, open, high, low, close, volume]. */
export type OHLCV = [number, number, number, number, number, number];

export function candleFromOHLCV(row: OHLCV): Candle {
  const [time, open, high, low, close, volume] = row;
  return { time, open, high, low, close, volume };
}

export function candleToOHLCV(candle: Candle): OHLCV {
  return [candle.time, candle.open, candle.high, candle.low, candle.close, candle.volume];
}
