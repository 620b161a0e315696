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

  it('stays within rounding of the exact mean over a million values (the running total never drifts)', () => {
    const period = 21;
    const sma = createSma(period);
    const values = Array.from(
      { length: 1_000_000 },
      (_, i) => 25_000 + Math.sin(i / 97) * 3_000 + (i % 17) * 0.37,
    );
    let worst = 0;
    values.forEach((value, i) => {
      const result = sma.next(value);
      if (i < period - 1 || i % 1_009 !== 0) return;
      let exact = 0;
      for (let j = i - period + 1; j <= i; j++) exact += values[j] as number;
      worst = Math.max(worst, Math.abs((result as number) - exact / period));
    });
    // Doubles near 25,000 are 3.6e-12 apart: a drifting total would be off by far more.
    expect(worst).toBeLessThan(1e-10);
  });

  it('is summed afresh once per period: equal windows give equal means whatever came before', () => {
    const sma = createSma(4);
    [1e15, 3, -1e15, 7, 0.1, 0.2, 0.3].forEach((x) => sma.next(x));
    // The window is now [0.1, 0.2, 0.3, 0.4] (a wrap re-summed it); a fresh SMA agrees exactly.
    const fresh = createSma(4);
    [0.1, 0.2, 0.3].forEach((x) => fresh.next(x));
    expect(sma.next(0.4)).toBe(fresh.next(0.4));
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
