import { describe, expect, it } from 'vitest';
import type { Candle } from '../../core/market/candle';
import { appendCandle } from './candles';

const candle = (time: number, close = 1): Candle => ({
  time,
  open: close,
  high: close,
  low: close,
  close,
  volume: 1,
});

describe('appendCandle', () => {
  it('appends a newer candle and keeps the newest `max`', () => {
    const result = appendCandle([candle(1), candle(2), candle(3)], candle(4), 3);
    expect(result.map((each) => each.time)).toEqual([2, 3, 4]);
  });

  it('replaces a candle with the same open time', () => {
    const result = appendCandle([candle(1), candle(2, 5)], candle(2, 7), 10);
    expect(result.map((each) => each.close)).toEqual([1, 7]);
  });

  it('returns the same array for an older candle, so nothing redraws', () => {
    const candles = [candle(5)];
    expect(appendCandle(candles, candle(4), 10)).toBe(candles);
  });
});
