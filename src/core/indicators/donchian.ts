/**
 * Donchian channel: the highest high and lowest low of the last `period` candles, and their
 * midpoint. Wraps `trading-signals`' `DonchianChannels`, whose window INCLUDES the candle just
 * added. A breakout rule ("close above the highest high of the previous N candles") therefore
 * compares the current close with the reading taken one candle earlier — see
 * `strategies/donchianBreakout.ts`.
 */
import { DonchianChannels } from 'trading-signals';
import { assertPeriod } from './types';

/** The two prices a Donchian channel reads from a candle. */
export interface HighLow {
  high: number;
  low: number;
}

/** One reading of the channel. */
export interface DonchianChannelValue {
  /** Highest high of the window. */
  upper: number;
  /** (upper + lower) / 2 */
  middle: number;
  /** Lowest low of the window. */
  lower: number;
}

/** A streaming Donchian channel: one candle in per closed candle. */
export interface DonchianIndicator {
  /**
   * Adds the next candle and returns the channel over the last `period` candles, including
   * this one, or `undefined` for the first `period − 1` candles.
   * @throws RangeError when `high` or `low` is not a finite number.
   */
  next(candle: HighLow): DonchianChannelValue | undefined;
  /** True once `next` returns a channel. */
  readonly isReady: boolean;
}

/**
 * Creates a streaming Donchian channel over `period` candles (at least 1).
 *
 * @example
 * const channel = createDonchian(3);
 * channel.next({ high: 5, low: 1 }); // undefined
 * channel.next({ high: 7, low: 2 }); // undefined
 * channel.next({ high: 6, low: 3 }); // { upper: 7, middle: 4, lower: 1 }
 */
export function createDonchian(period: number): DonchianIndicator {
  assertPeriod('Donchian', period);
  const channel = new DonchianChannels(period);
  const indicator: Omit<DonchianIndicator, 'isReady'> & { isReady: boolean } = {
    isReady: false,
    next({ high, low }) {
      if (!Number.isFinite(high) || !Number.isFinite(low)) {
        throw new RangeError(
          `Donchian input must be finite numbers, got high ${high}, low ${low}.`,
        );
      }
      const result = channel.add({ high, low });
      if (result === null) return undefined;
      indicator.isReady = true;
      return { upper: result.upper, middle: result.middle, lower: result.lower };
    },
  };
  return indicator;
}
