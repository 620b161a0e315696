/**
 * Simple moving average: the mean of the last `period` values. Kept in a ring buffer with a
 * running total (add the new value, take off the one leaving, as TA-Lib's SMA does), so a value
 * costs the same whatever the period. The total is summed afresh from the window once per
 * period, so rounding in the running total never builds up over a long series.
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
  // A field rather than a `let`: written on every value, it then boxes no number.
  const total = { sum: 0 };
  const indicator: Omit<StreamingIndicator, 'isReady'> & { isReady: boolean } = {
    isReady: false,
    next(value) {
      if (!Number.isFinite(value)) {
        throw new RangeError(`SMA input must be a finite number, got ${value}.`);
      }
      if (count < period) {
        window[count++] = value;
        total.sum += value;
        if (count < period) return undefined;
        indicator.isReady = true;
        return total.sum / period;
      }
      const leaving = window[oldest] as number;
      window[oldest] = value;
      oldest = oldest + 1 === period ? 0 : oldest + 1;
      if (oldest === 0) {
        // Once per period: the exact sum of the window, oldest first.
        let sum = 0;
        for (let index = 0; index < period; index++) sum += window[index] as number;
        total.sum = sum;
      } else {
        total.sum += value - leaving;
      }
      return total.sum / period;
    },
  };
  return indicator;
}
