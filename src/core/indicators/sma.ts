/**
 * Simple moving average: the mean of the last `period` values. Kept in a ring buffer and summed
 * oldest first on every value — the same sum, bit for bit, as `trading-signals`' SMA (which it
 * replaces on this hot path of every backtest), without its per-value array shifting.
 */
import { assertPeriod, type StreamingIndicator } from './types';

/**
 * Creates a streaming SMA. Returns `undefined` for the first `period - 1` values.
 *
 * @example
 * const sma = createSma(3);
 * [1, 2, 3, 4].map((x) => sma.next(x)); // [undefined, undefined, 2, 3]
 */
export function createSma(period: number): StreamingIndicator {
  assertPeriod('SMA', period);
  const window = new Float64Array(period);
  /** Values seen so far (capped at `period`) and the slot of the oldest one once full. */
  let count = 0;
  let oldest = 0;
  return {
    next(value) {
      if (!Number.isFinite(value)) {
        throw new RangeError(`SMA input must be a finite number, got ${value}.`);
      }
      if (count < period) {
        window[count++] = value;
        if (count < period) return undefined;
      } else {
        window[oldest] = value;
        oldest = oldest + 1 === period ? 0 : oldest + 1;
      }
      let sum = 0;
      for (let index = oldest; index < period; index++) sum += window[index] as number;
      for (let index = 0; index < oldest; index++) sum += window[index] as number;
      return sum / period;
    },
    get isReady() {
      return count === period;
    },
  };
}
