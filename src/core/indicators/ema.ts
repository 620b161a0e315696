/**
 * Exponential moving average with smoothing 2 / (period + 1). As in `trading-signals`, the
 * average starts at the first value (not at an SMA seed) and is reported from the
 * `period`-th value on, once that seed's weight has decayed.
 */
import { EMA } from 'trading-signals';
import { adaptSeries, assertPeriod, type StreamingIndicator } from './types';

/**
 * Creates a streaming EMA. Returns `undefined` for the first `period - 1` values.
 *
 * @example
 * const ema = createEma(3); // weight 0.5
 * [1, 2, 3].map((x) => ema.next(x)); // [undefined, undefined, 2.25]
 */
export function createEma(period: number): StreamingIndicator {
  assertPeriod('EMA', period);
  return adaptSeries('EMA', new EMA(period));
}
