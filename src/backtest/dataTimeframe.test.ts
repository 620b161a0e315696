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
});
