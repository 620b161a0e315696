import { describe, expect, it } from 'vitest';
import { createSma } from './sma';

describe('createSma', () => {
  it('returns undefined until warm, then the mean of the last `period` values', () => {
    const sma = createSma(3);
    expect(sma.isReady).toBe(false);
    expect([1, 2, 3, 4, 8].map((x) => sma.next(x))).toEqual([undefined, undefined, 2, 3, 5]);
    expect(sma.isReady).toBe(true);
  });

  it('matches a naive windowed mean over a long irregular series', () => {
    const values = Array.from({ length: 500 }, (_, i) => 100 + Math.sin(i / 7) * 10 + (i % 13));
    const sma = createSma(21);
    values.forEach((value, i) => {
      const result = sma.next(value);
      if (i < 20) return expect(result).toBeUndefined();
      const window = values.slice(i - 20, i + 1);
      expect(result).toBeCloseTo(window.reduce((a, b) => a + b, 0) / 21, 9);
    });
  });

  it('period 1 echoes its input', () => {
    const sma = createSma(1);
    expect(sma.next(42)).toBe(42);
  });

  it('rejects bad periods and non-finite input', () => {
    expect(() => createSma(0)).toThrow(/whole number of at least 1/);
    expect(() => createSma(2.5)).toThrow(RangeError);
    const sma = createSma(2);
    expect(() => sma.next(Number.NaN)).toThrow(/finite/);
    expect(() => sma.next(Infinity)).toThrow(RangeError);
  });
});
