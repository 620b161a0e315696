/**
 * Relative Strength Index (Wilder): 100 − 100 / (1 + avgGain / avgLoss) over `period` price
 * changes, smoothed with Wilder's moving average (seeded with the simple mean of the first
 * `period` changes). When there was no loss in the window it reads 100 (as `trading-signals`
 * does, including a perfectly flat window).
 */
import { RSI } from 'trading-signals';
import { adaptSeries, assertPeriod, type StreamingIndicator } from './types';

/**
 * Creates a streaming RSI in [0, 100]. Needs `period + 1` values (that is, `period` changes)
 * before the first result.
 *
 * @example
 * const rsi = createRsi(14);
 * for (const candle of candles) {
 *   const value = rsi.next(candle.close);
 *   if (value !== undefined && value < 30) { ... } // oversold
 * }
 */
export function createRsi(period: number): StreamingIndicator {
  assertPeriod('RSI', period);
  return adaptSeries('RSI', new RSI(period));
}
