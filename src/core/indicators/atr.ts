/**
 * Average True Range (Wilder). The true range of a candle is the largest of high − low,
 * |high − previous close| and |low − previous close| (just high − low for the very first
 * candle, which has no previous close). ATR is Wilder's moving average of it: seeded with the
 * simple mean of the first `period` true ranges, then atr = atr + (tr − atr) / period.
 * Wraps `trading-signals`' `ATR`, whose default smoothing (WSMA) is exactly that.
 */
import { ATR } from 'trading-signals';
import { assertPeriod } from './types';

/** The three prices a true range reads from a candle. */
export interface HighLowClose {
  high: number;
  low: number;
  close: number;
}

/** A streaming ATR: one candle in per closed candle. */
export interface AtrIndicator {
  /**
   * Adds the next candle and returns the ATR including it, or `undefined` for the first
   * `period − 1` candles.
   * @throws RangeError when `high`, `low` or `close` is not a finite number.
   */
  next(candle: HighLowClose): number | undefined;
  /** True once `next` returns numbers. */
  readonly isReady: boolean;
}

/**
 * Creates a streaming Wilder ATR over `period` candles (at least 1). The first value comes
 * with the `period`-th candle.
 *
 * @example
 * const atr = createAtr(2);
 * atr.next({ high: 10, low: 8, close: 9 }); // undefined (tr 2)
 * atr.next({ high: 12, low: 10, close: 11 }); // 2.5 (tr 3: 12 − 9; seed (2 + 3) / 2)
 * atr.next({ high: 11, low: 10, close: 10 }); // 1.75 (tr 1: 2.5 + (1 − 2.5) / 2)
 */
export function createAtr(period: number): AtrIndicator {
  assertPeriod('ATR', period);
  const atr = new ATR(period);
  const indicator: Omit<AtrIndicator, 'isReady'> & { isReady: boolean } = {
    isReady: false,
    next({ high, low, close }) {
      if (!Number.isFinite(high) || !Number.isFinite(low) || !Number.isFinite(close)) {
        throw new RangeError(
          `ATR input must be finite numbers, got high ${high}, low ${low}, close ${close}.`,
        );
      }
      const result = atr.add({ high, low, close });
      if (result === null) return undefined;
      indicator.isReady = true;
      return result;
    },
  };
  return indicator;
}
