import { describe, expect, it } from 'vitest';
import { createAtr, type HighLowClose } from './atr';

/** Naive Wilder ATR over a whole series: undefined before index period − 1. */
function naiveAtr(candles: HighLowClose[], period: number): (number | undefined)[] {
  const trueRanges = candles.map((candle, i) => {
    const previous = candles[i - 1];
    if (!previous) return candle.high - candle.low;
    return Math.max(
      candle.high - candle.low,
      Math.abs(candle.high - previous.close),
      Math.abs(candle.low - previous.close),
    );
  });
  const out: (number | undefined)[] = [];
  let atr = 0;
  trueRanges.forEach((tr, i) => {
    if (i < period - 1) {
      out.push(undefined);
      return;
    }
    if (i === period - 1) {
      atr = trueRanges.slice(0, period).reduce((a, b) => a + b, 0) / period;
    } else {
      atr = (atr * (period - 1) + tr) / period;
    }
    out.push(atr);
  });
  return out;
}

describe('createAtr', () => {
  it('seeds with the mean of the first `period` true ranges, then smooths the Wilder way', () => {
    // tr: 2 (high − low, no previous close), 3 (|12 − 9|), 4 (|7 − 11|), 1
    // seed over 3: (2 + 3 + 4) / 3 = 3; then 3 + (1 − 3) / 3 = 7/3
    const atr = createAtr(3);
    expect(atr.isReady).toBe(false);
    const out = [
      { high: 10, low: 8, close: 9 },
      { high: 12, low: 10, close: 11 },
      { high: 9, low: 7, close: 8 },
      { high: 8.5, low: 7.5, close: 8 },
    ].map((candle) => atr.next(candle));
    expect(out.slice(0, 2)).toEqual([undefined, undefined]);
    expect(out[2]).toBeCloseTo(3, 12);
    expect(out[3]).toBeCloseTo(7 / 3, 12);
    expect(atr.isReady).toBe(true);
  });

  it('matches the example in its documentation', () => {
    const atr = createAtr(2);
    expect(atr.next({ high: 10, low: 8, close: 9 })).toBeUndefined();
    expect(atr.next({ high: 12, low: 10, close: 11 })).toBeCloseTo(2.5, 12);
    expect(atr.next({ high: 11, low: 10, close: 10 })).toBeCloseTo(1.75, 12);
  });

  it('matches a naive Wilder ATR over a long irregular series, gaps included', () => {
    const candles: HighLowClose[] = [];
    let close = 100;
    for (let i = 0; i < 600; i++) {
      const open = close + (i % 17 === 0 ? 6 : 0) * Math.sign(Math.sin(i)); // occasional gaps
      close = open + Math.sin(i / 5) * 3 + ((i * 7) % 5) - 2;
      const high = Math.max(open, close) + ((i * 13) % 4);
      const low = Math.min(open, close) - ((i * 11) % 3);
      candles.push({ high, low, close });
    }
    for (const period of [1, 3, 10, 14]) {
      const expected = naiveAtr(candles, period);
      const atr = createAtr(period);
      candles.forEach((candle, i) => {
        const value = atr.next(candle);
        const want = expected[i];
        if (want === undefined) expect(value).toBeUndefined();
        else expect(value).toBeCloseTo(want, 9);
      });
    }
  });

  it('rejects bad periods and non-finite input', () => {
    expect(() => createAtr(0)).toThrow(/whole number of at least 1/);
    expect(() => createAtr(2.5)).toThrow(RangeError);
    const atr = createAtr(2);
    expect(() => atr.next({ high: Number.NaN, low: 1, close: 1 })).toThrow(/finite/);
    expect(() => atr.next({ high: 2, low: 1, close: Infinity })).toThrow(RangeError);
  });
});
