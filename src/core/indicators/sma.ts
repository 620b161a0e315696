/** Simple moving average: the mean of the last `period` values. */
import { SMA } from 'trading-signals';
import { adaptSeries, assertPeriod, type StreamingIndicator } from './types';

/**
 * Creates a streaming SMA. Returns `undefined` for the first `period - 1` values.
 *
 * @example
 * const sma = createSma(3);
 * [1, 2, 3, 4].map((x) => sma.next(x)); // [undefined, undefined, 2, 3]
 */
export function createSma(period: number): StreamingIndicator {
  assertPeriod('SMA', period);
  return adaptSeries('SMA', new SMA(period));
}
