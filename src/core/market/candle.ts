/**
 * OHLCV candles. Times are UTC milliseconds of the candle's open. A candle is "closed" once
 * its whole interval has passed; strategies only ever see closed candles.
 */
import type { TimestampMs } from '../time';

export interface Candle {
  /** Open time, UTC ms. */
  time: TimestampMs;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/** ccxt's OHLCV row: [time, open, high, low, close, volume]. */
export type OHLCV = [number, number, number, number, number, number];

export function candleFromOHLCV(row: OHLCV): Candle {
  const [time, open, high, low, close, volume] = row;
  return { time, open, high, low, close, volume };
}

export function candleToOHLCV(candle: Candle): OHLCV {
  return [candle.time, candle.open, candle.high, candle.low, candle.close, candle.volume];
}
