/**
 * Bollinger Bands: a simple moving average of the last `period` values (the middle band) with
 * bands `k` standard deviations above and below it.
 *
 * The standard deviation is the POPULATION one (divide by `period`, not `period − 1`), as in
 * `trading-signals`' `BollingerBands` (which this wraps) and in Bollinger's own definition and
 * most charting platforms. It is computed from scratch over the window on every value, so it
 * does not drift over long runs.
 */
import { BollingerBands } from 'trading-signals';
import { assertPeriod } from './types';

/** One reading of the bands. */
export interface BollingerBandsValue {
  /** middle + k · σ */
  upper: number;
  /** The simple moving average of the window. */
  middle: number;
  /** middle − k · σ */
  lower: number;
}

/** A streaming Bollinger Bands indicator: one value in per closed candle. */
export interface BollingerIndicator {
  /**
   * Adds the next value (e.g. a close) and returns the bands over the last `period` values,
   * including this one, or `undefined` for the first `period − 1` values.
   * @throws RangeError when `value` is not a finite number.
   */
  next(value: number): BollingerBandsValue | undefined;
  /** True once `next` returns bands. */
  readonly isReady: boolean;
}

/**
 * Creates streaming Bollinger Bands of `period` values (at least 2) and a multiplier `k > 0`.
 *
 * @example
 * const bands = createBollinger(20, 2);
 * const value = bands.next(candle.close);
 * if (value !== undefined && candle.close < value.lower) { ... } // stretched below the mean
 */
export function createBollinger(period: number, k: number): BollingerIndicator {
  assertPeriod('Bollinger', period, 2);
  if (!Number.isFinite(k) || k <= 0) {
    throw new RangeError(`Bollinger multiplier must be a positive number, got ${k}.`);
  }
  const bands = new BollingerBands(period, k);
  const indicator: Omit<BollingerIndicator, 'isReady'> & { isReady: boolean } = {
    isReady: false,
    next(value) {
      if (!Number.isFinite(value)) {
        throw new RangeError(`Bollinger input must be a finite number, got ${value}.`);
      }
      const result = bands.add(value);
      if (result === null) return undefined;
      indicator.isReady = true;
      return { upper: result.upper, middle: result.middle, lower: result.lower };
    },
  };
  return indicator;
}
