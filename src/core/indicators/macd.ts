/**
 * MACD (Appel): the MACD line is EMA(fast) − EMA(slow) of the input, the signal line is an
 * EMA(signal) of the MACD line, and the histogram is MACD − signal. Wraps `trading-signals`'
 * `MACD` with `EMA`s (smoothing 2 / (period + 1)).
 *
 * Seeding, as in `trading-signals`: both price EMAs start at the first value (like
 * `createEma`), the MACD line exists from the `slow`-th value on, and the signal EMA starts at
 * the first MACD value. `trading-signals` reports a result from that `slow`-th value — with the
 * signal line still equal to the MACD line (histogram 0) — whereas this wrapper waits until
 * the signal EMA has seen `signal` MACD values (the same rule `createEma` applies), so the
 * first reading comes with the `slow + signal − 1`-th value.
 */
import { EMA, MACD } from 'trading-signals';
import { assertPeriod } from './types';

/** One MACD reading. */
export interface MacdValue {
  /** EMA(fast) − EMA(slow). */
  macd: number;
  /** EMA(signal) of the MACD line. */
  signal: number;
  /** macd − signal. */
  histogram: number;
}

/** A streaming MACD: one value in per closed candle. */
export interface MacdIndicator {
  /**
   * Adds the next value (e.g. a close) and returns the MACD reading, or `undefined` for the
   * first `slow + signal − 2` values.
   * @throws RangeError when `value` is not a finite number.
   */
  next(value: number): MacdValue | undefined;
  /** True once `next` returns readings. */
  readonly isReady: boolean;
}

/**
 * Creates a streaming MACD. `fast` must be below `slow`; `signal` is at least 1.
 *
 * @example
 * const macd = createMacd(12, 26, 9);
 * const value = macd.next(candle.close); // undefined for the first 33 closes
 * if (value !== undefined && value.histogram > 0) { ... } // MACD above its signal line
 */
export function createMacd(fast: number, slow: number, signal: number): MacdIndicator {
  assertPeriod('MACD fast', fast);
  assertPeriod('MACD slow', slow, 2);
  assertPeriod('MACD signal', signal);
  if (fast >= slow) {
    throw new RangeError(`MACD fast period (${fast}) must be below the slow period (${slow}).`);
  }
  const signalEma = new EMA(signal);
  const macd = new MACD(new EMA(fast), new EMA(slow), signalEma);
  const indicator: Omit<MacdIndicator, 'isReady'> & { isReady: boolean } = {
    isReady: false,
    next(value) {
      if (!Number.isFinite(value)) {
        throw new RangeError(`MACD input must be a finite number, got ${value}.`);
      }
      const result = macd.add(value);
      // The signal EMA's isStable flips once it has seen `signal` MACD values, and stays.
      if (!indicator.isReady) indicator.isReady = result !== null && signalEma.isStable;
      if (!indicator.isReady || result === null) return undefined;
      return { macd: result.macd, signal: result.signal, histogram: result.histogram };
    },
  };
  return indicator;
}
