import { describe, expect, it } from 'vitest';
import { createBollinger } from './bollinger';

describe('createBollinger', () => {
  it('uses the population standard deviation (divide by period)', () => {
    // The textbook series 2 4 4 4 5 5 7 9: mean 5, squared deviations sum to 32,
    // population σ = √(32 / 8) = 2 (the sample σ would be √(32 / 7) ≈ 2.14).
    const bands = createBollinger(8, 2);
    const out = [2, 4, 4, 4, 5, 5, 7, 9].map((x) => bands.next(x));
    expect(out.slice(0, 7)).toEqual(Array.from({ length: 7 }, () => undefined));
    expect(out[7]).toEqual({ upper: 9, middle: 5, lower: 1 });
    expect(bands.isReady).toBe(true);
  });

  it('slides the window and scales the width by k', () => {
    // Windows of 3: [1 2 3] mean 2, σ = √(2/3); [2 3 7] mean 4, σ = √((4 + 1 + 9) / 3) = √(14/3).
    const bands = createBollinger(3, 1.5);
    const out = [1, 2, 3, 7].map((x) => bands.next(x));
    expect(out[1]).toBeUndefined();
    expect(out[2]?.middle).toBeCloseTo(2, 12);
    expect(out[2]?.upper).toBeCloseTo(2 + 1.5 * Math.sqrt(2 / 3), 12);
    expect(out[2]?.lower).toBeCloseTo(2 - 1.5 * Math.sqrt(2 / 3), 12);
    expect(out[3]?.middle).toBeCloseTo(4, 12);
    expect(out[3]?.upper).toBeCloseTo(4 + 1.5 * Math.sqrt(14 / 3), 12);
    expect(out[3]?.lower).toBeCloseTo(4 - 1.5 * Math.sqrt(14 / 3), 12);
  });

  it('collapses to the mean on a flat series', () => {
    const bands = createBollinger(4, 2);
    const out = [10, 10, 10, 10, 10].map((x) => bands.next(x));
    expect(out[4]).toEqual({ upper: 10, middle: 10, lower: 10 });
  });

  it('matches a naive windowed mean and σ over a long irregular series', () => {
    const values = Array.from({ length: 400 }, (_, i) => 100 + Math.sin(i / 5) * 8 + (i % 7));
    const bands = createBollinger(20, 2.5);
    values.forEach((value, i) => {
      const result = bands.next(value);
      if (i < 19) return expect(result).toBeUndefined();
      const window = values.slice(i - 19, i + 1);
      const mean = window.reduce((a, b) => a + b, 0) / 20;
      const sigma = Math.sqrt(window.reduce((a, b) => a + (b - mean) ** 2, 0) / 20);
      expect(result?.middle).toBeCloseTo(mean, 9);
      expect(result?.upper).toBeCloseTo(mean + 2.5 * sigma, 9);
      expect(result?.lower).toBeCloseTo(mean - 2.5 * sigma, 9);
    });
  });

  it('rejects bad periods, multipliers and input', () => {
    expect(() => createBollinger(1, 2)).toThrow(/at least 2/);
    expect(() => createBollinger(2.5, 2)).toThrow(RangeError);
    expect(() => createBollinger(20, 0)).toThrow(/positive/);
    expect(() => createBollinger(20, Number.NaN)).toThrow(RangeError);
    expect(() => createBollinger(3, 2).next(Infinity)).toThrow(/finite/);
  });
});
