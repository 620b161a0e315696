import { describe, expect, it } from 'vitest';
import { createMacd } from './macd';

describe('createMacd', () => {
  it('computes EMA(fast) − EMA(slow), its EMA(signal), and waits for the signal line', () => {
    // fast 2 (w 2/3), slow 3 (w 1/2), signal 2 (w 2/3); both price EMAs start at the first value.
    // closes    1    4     7      4      10       10
    // EMA(2)    1    3   17/3   41/9  221/27   761/81
    // EMA(3)    1   5/2  19/4   35/8  115/16   275/32
    // MACD      –    –   11/12  13/72 431/432  2077/2592
    // signal    –    –   11/12  23/54 523/648   347/432   (starts at the first MACD value)
    // Reported from the 4th value (slow + signal − 1), once the signal EMA has 2 values.
    const macd = createMacd(2, 3, 2);
    const out = [1, 4, 7, 4, 10, 10].map((x) => macd.next(x));
    expect(out.slice(0, 3)).toEqual([undefined, undefined, undefined]);
    expect(macd.isReady).toBe(true);
    const expected = [
      [13 / 72, 23 / 54],
      [431 / 432, 523 / 648],
      [2077 / 2592, 347 / 432],
    ];
    expected.forEach(([line = 0, signal = 0], i) => {
      const value = out[i + 3];
      expect(value?.macd).toBeCloseTo(line, 12);
      expect(value?.signal).toBeCloseTo(signal, 12);
      expect(value?.histogram).toBeCloseTo(line - signal, 12);
    });
    // Histogram signs: −53/216, +247/1296, −5/2592.
    expect(out.slice(3).map((v) => Math.sign(v?.histogram ?? 0))).toEqual([-1, 1, -1]);
  });

  it('follows the EMA recurrences over a long series (12/26/9)', () => {
    const [wf, ws, wg] = [2 / 13, 2 / 27, 2 / 10];
    const macd = createMacd(12, 26, 9);
    let [fast, slow, signal] = [0, 0, 0];
    for (let i = 0; i < 300; i++) {
      const x = 200 + Math.sin(i / 9) * 20 + ((i * 17) % 11);
      fast = i === 0 ? x : wf * x + (1 - wf) * fast;
      slow = i === 0 ? x : ws * x + (1 - ws) * slow;
      if (i >= 25) signal = i === 25 ? fast - slow : wg * (fast - slow) + (1 - wg) * signal;
      const value = macd.next(x);
      if (i < 26 + 9 - 2) {
        expect(value).toBeUndefined();
        continue;
      }
      expect(value?.macd).toBeCloseTo(fast - slow, 9);
      expect(value?.signal).toBeCloseTo(signal, 9);
      expect(value?.histogram).toBeCloseTo(fast - slow - signal, 9);
    }
  });

  it('reads zero on a flat series', () => {
    const macd = createMacd(3, 5, 2);
    const last = Array.from({ length: 10 }, () => macd.next(42)).at(-1);
    expect(last).toEqual({ macd: 0, signal: 0, histogram: 0 });
  });

  it('rejects bad periods and input', () => {
    expect(() => createMacd(26, 12, 9)).toThrow(/below the slow/);
    expect(() => createMacd(12, 12, 9)).toThrow(RangeError);
    expect(() => createMacd(0, 26, 9)).toThrow(RangeError);
    expect(() => createMacd(12, 26, 1.5)).toThrow(RangeError);
    expect(() => createMacd(12, 26, 9).next(Number.NaN)).toThrow(/finite/);
  });
});
