import { describe, expect, it } from 'vitest';
import { createEma } from './ema';

describe('createEma', () => {
  it('seeds with the first value and reports from the period-th value', () => {
    // weight 2 / (3 + 1) = 0.5: 1 -> 1.5 -> 2.25 -> 3.125 -> 5.5625
    const ema = createEma(3);
    expect([1, 2, 3, 4, 8].map((x) => ema.next(x))).toEqual([
      undefined,
      undefined,
      2.25,
      3.125,
      5.5625,
    ]);
    expect(ema.isReady).toBe(true);
  });

  it('follows the recurrence e = w·x + (1 − w)·e over a long series', () => {
    const period = 10;
    const weight = 2 / (period + 1);
    const ema = createEma(period);
    let expected = 0;
    for (let i = 0; i < 300; i++) {
      const value = 50 + ((i * 37) % 23);
      expected = i === 0 ? value : weight * value + (1 - weight) * expected;
      const result = ema.next(value);
      if (i < period - 1) expect(result).toBeUndefined();
      else expect(result).toBeCloseTo(expected, 9);
    }
  });

  it('rejects bad periods', () => {
    expect(() => createEma(-1)).toThrow(RangeError);
  });
});
