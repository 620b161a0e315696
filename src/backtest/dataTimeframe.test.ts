import { describe, expect, it } from 'vitest';
import type { Candle } from '../core/market/candle';
import { candleStepProblem, dataTimeframeProblem } from './dataTimeframe';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const at = (time: number): Candle => ({ time, open: 1, high: 1, low: 1, close: 1, volume: 0 });

describe('dataTimeframeProblem', () => {
  it('accepts data as long as the timeframe or finer, when it divides the timeframe', () => {
    expect(dataTimeframeProblem(60_000, '1m')).toBeUndefined();
    expect(dataTimeframeProblem(HOUR, '4h')).toBeUndefined();
    expect(dataTimeframeProblem(HOUR, '1d')).toBeUndefined();
    expect(dataTimeframeProblem(DAY, '1d')).toBeUndefined();
  });

  it('refuses coarser data, naming both timeframes and the remedy', () => {
    expect(dataTimeframeProblem(DAY, '1h')).toBe(
      'The data holds 1d candles, coarser than the 1h timeframe: choose a timeframe of 1d or longer, or finer data.',
    );
    expect(dataTimeframeProblem(7 * DAY, '1d')).toBe(
      'The data holds 1w candles, coarser than the 1d timeframe: choose finer data.',
    );
  });

  it('refuses a timeframe that is not a whole number of data candles', () => {
    expect(dataTimeframeProblem(2 * 60_000, '5m')).toBe(
      "A 5m candle is not a whole number of the data's 2m candles: choose a timeframe that is.",
    );
  });
});

describe('candleStepProblem', () => {
  it('accepts aligned candles with gaps', () => {
    expect(candleStepProblem([at(0), at(DAY), at(4 * DAY)], DAY)).toBeUndefined();
  });

  it('names the first candle off its step or out of order', () => {
    expect(candleStepProblem([at(0), at(DAY + HOUR)], DAY)).toBe(
      'Candle 2 (1970-01-02T01:00:00.000Z) does not open on a whole 1d step (UTC); the backtester needs candles aligned to their length.',
    );
    expect(candleStepProblem([at(DAY), at(DAY)], DAY)).toBe(
      'Candle 2 (1970-01-02T00:00:00.000Z) is not after the candle before it.',
    );
  });

  it('checks every candle, also within a run of whole steps (checked without a division)', () => {
    const minute = 60_000;
    const start = Date.UTC(2023, 2, 1);
    const run = Array.from({ length: 1_000 }, (_, index) => at(start + index * minute));
    expect(candleStepProblem(run, minute)).toBeUndefined();
    // A fraction of a ms off: one step after an aligned candle would have matched exactly.
    const off = [...run.slice(0, 500), at(start + 500 * minute + 0.5), ...run.slice(501)];
    expect(candleStepProblem(off, minute)).toMatch(
      /^Candle 501 .* does not open on a whole 1m step/,
    );
    // A misaligned first candle, then whole steps after it: the first one is named.
    expect(candleStepProblem([at(start + 1), at(start + 1 + minute)], minute)).toMatch(
      /^Candle 1 /,
    );
    expect(candleStepProblem([...run.slice(0, 3), at(Number.NaN)], minute)).toMatch(
      /^Candle 4 \(time NaN\) does not open/,
    );
    expect(candleStepProblem([...run.slice(0, 3), at(start + minute)], minute)).toBe(
      'Candle 4 (2023-03-01T00:01:00.000Z) is not after the candle before it.',
    );
  });
});
