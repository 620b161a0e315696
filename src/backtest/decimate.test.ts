import { describe, expect, it } from 'vitest';
import { decimateMinMax } from './decimate';

describe('decimateMinMax', () => {
  it('keeps every bucket extreme, the first and last points, in time order', () => {
    const count = 100_000;
    const xs = Float64Array.from({ length: count }, (_, index) => index);
    const ys = Float64Array.from({ length: count }, (_, index) => Math.sin(index / 500));
    ys[12_345] = 50;
    ys[67_890] = -50;
    const shown = decimateMinMax(xs, ys, 300);
    expect(shown.xs.length).toBeLessThanOrEqual(602);
    expect(Math.max(...shown.ys)).toBe(50);
    expect(Math.min(...shown.ys)).toBe(-50);
    expect(shown.xs[0]).toBe(0);
    expect(shown.xs[shown.xs.length - 1]).toBe(count - 1);
    for (let index = 1; index < shown.xs.length; index++) {
      expect(shown.xs[index]).toBeGreaterThan(shown.xs[index - 1] as number);
    }
  });

  it('returns short series unchanged', () => {
    const xs = Float64Array.of(1, 2, 3);
    const ys = Float64Array.of(5, 4, 6);
    expect(decimateMinMax(xs, ys, 10)).toEqual({ xs, ys });
  });
});
