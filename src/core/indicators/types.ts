/**
 * The uniform interface every streaming indicator exposes to strategies: feed one value per
 * closed candle, get `undefined` until the indicator has seen enough values to be meaningful.
 * Implementations wrap the `trading-signals` package (the SMA is a ring buffer of its own).
 */

/** An incremental indicator: O(1)-ish per value, no look-back over a whole series. */
export interface StreamingIndicator {
  /**
   * Adds the next value (e.g. a candle's close) and returns the indicator's new value, or
   * `undefined` while it is still warming up.
   * @throws RangeError when `value` is not a finite number (it would poison every later value).
   */
  next(value: number): number | undefined;
  /** True once `next` returns numbers. */
  readonly isReady: boolean;
}

/** The part of a `trading-signals` indicator the wrappers use. */
interface TradingSignalsSeries {
  add(value: number): number | null;
  readonly isStable: boolean;
}

/** Throws unless `period` is a whole number ≥ `min`. */
export function assertPeriod(name: string, period: number, min = 1): void {
  if (!Number.isInteger(period) || period < min) {
    throw new RangeError(
      `${name} period must be a whole number of at least ${min}, got ${period}.`,
    );
  }
}

/** Adapts a `trading-signals` series to StreamingIndicator (null/unstable -> undefined). */
export function adaptSeries(name: string, series: TradingSignalsSeries): StreamingIndicator {
  const indicator: Omit<StreamingIndicator, 'isReady'> & { isReady: boolean } = {
    isReady: false,
    next(value) {
      if (!Number.isFinite(value)) {
        throw new RangeError(`${name} input must be a finite number, got ${value}.`);
      }
      const result = series.add(value);
      // isStable flips once and stays; stop asking (EMA's getter throws internally until then).
      if (!indicator.isReady) indicator.isReady = series.isStable;
      return indicator.isReady && result !== null ? result : undefined;
    },
  };
  return indicator;
}
