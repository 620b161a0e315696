import { describe, expect, it } from 'vitest';
import { createRsi } from './rsi';

describe('createRsi', () => {
  it("uses Wilder's smoothing seeded with the mean of the first `period` changes", () => {
    // changes +1 +1 −1 | +2 | 0
    // seed: gain 2/3, loss 1/3 -> RS 2 -> 66.67
    // +2: gain 2/3 + (2 − 2/3)/3 = 10/9, loss 1/3 − (1/3)/3 = 2/9 -> RS 5 -> 83.33
    // 0: gain 20/27, loss 4/27 -> RS 5 -> 83.33
    const rsi = createRsi(3);
    const out = [10, 11, 12, 11, 13, 13].map((x) => rsi.next(x));
    expect(out.slice(0, 3)).toEqual([undefined, undefined, undefined]);
    expect(out[3]).toBeCloseTo(200 / 3, 9);
    expect(out[4]).toBeCloseTo(250 / 3, 9);
    expect(out[5]).toBeCloseTo(250 / 3, 9);
    expect(rsi.isReady).toBe(true);
  });

  it('reads 100 with only gains and 0 with only losses', () => {
    const up = createRsi(3);
    expect([1, 2, 3, 4].map((x) => up.next(x))[3]).toBe(100);
    const down = createRsi(3);
    expect([4, 3, 2, 1].map((x) => down.next(x))[3]).toBe(0);
  });

  it('stays within [0, 100]', () => {
    const rsi = createRsi(14);
    for (let i = 0; i < 1000; i++) {
      const value = rsi.next(100 + Math.sin(i) * 5 + Math.cos(i / 3) * 3);
      if (value !== undefined) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(100);
      }
    }
  });
});
