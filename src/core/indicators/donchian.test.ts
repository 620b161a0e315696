import { describe, expect, it } from 'vitest';
import { createDonchian } from './donchian';

describe('createDonchian', () => {
  it('reads the highest high and lowest low of the last `period` candles, current included', () => {
    const channel = createDonchian(3);
    const candles = [
      { high: 5, low: 1 },
      { high: 7, low: 2 },
      { high: 6, low: 3 },
      { high: 4, low: 3.5 }, // window 7/2, 6/3, 4/3.5
      { high: 4, low: 0.5 }, // window 6/3, 4/3.5, 4/0.5
    ];
    expect(candles.map((c) => channel.next(c))).toEqual([
      undefined,
      undefined,
      { upper: 7, middle: 4, lower: 1 },
      { upper: 7, middle: 4.5, lower: 2 },
      { upper: 6, middle: 3.25, lower: 0.5 },
    ]);
    expect(channel.isReady).toBe(true);
  });

  it('period 1 reads the candle itself', () => {
    expect(createDonchian(1).next({ high: 3, low: 2 })).toEqual({
      upper: 3,
      middle: 2.5,
      lower: 2,
    });
  });

  it('matches a naive window max/min over a long irregular series', () => {
    const candles = Array.from({ length: 300 }, (_, i) => {
      const mid = 100 + Math.sin(i / 6) * 10 + ((i * 7) % 5);
      return { high: mid + (i % 3), low: mid - ((i * 5) % 4) };
    });
    const channel = createDonchian(20);
    candles.forEach((candle, i) => {
      const result = channel.next(candle);
      if (i < 19) return expect(result).toBeUndefined();
      const window = candles.slice(i - 19, i + 1);
      expect(result?.upper).toBe(Math.max(...window.map((c) => c.high)));
      expect(result?.lower).toBe(Math.min(...window.map((c) => c.low)));
    });
  });

  it('rejects bad periods and input', () => {
    expect(() => createDonchian(0)).toThrow(RangeError);
    expect(() => createDonchian(3).next({ high: Number.NaN, low: 1 })).toThrow(/finite/);
  });
});
