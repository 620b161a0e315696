import { describe, expect, it } from 'vitest';
import type { Candle } from './candle';
import { firstMisstep } from './candleSteps';

const HOUR = 3_600_000;
const at = (time: number): Candle => ({ time, open: 1, high: 1, low: 1, close: 1, volume: 0 });

describe('firstMisstep', () => {
  it('passes whole steps, gaps included, and an empty run', () => {
    expect(firstMisstep([at(0), at(HOUR), at(5 * HOUR)], HOUR)).toBeUndefined();
    expect(firstMisstep([], HOUR)).toBeUndefined();
  });

  it('names the first candle off a whole step, or not after the one before it', () => {
    expect(firstMisstep([at(0), at(HOUR), at(2 * HOUR + 1)], HOUR)).toEqual({
      index: 2,
      problem: 'unaligned',
    });
    expect(firstMisstep([at(HOUR + 1), at(2 * HOUR + 1)], HOUR)).toEqual({
      index: 0,
      problem: 'unaligned',
    });
    expect(firstMisstep([at(0), at(HOUR), at(HOUR)], HOUR)).toEqual({
      index: 2,
      problem: 'not_after',
    });
    expect(firstMisstep([at(0), at(Number.NaN)], HOUR)).toEqual({ index: 1, problem: 'unaligned' });
  });
});
