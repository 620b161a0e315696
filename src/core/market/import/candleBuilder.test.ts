import { describe, expect, it } from 'vitest';
import { createCandleBuilder, toNumber, toTime } from './candleBuilder';
import { describeIssue } from './types';
import { failureOf } from './testSupport';

const T0 = Date.UTC(2024, 0, 1);
const MIN = 60_000;

function build(rows: [number, number, number, number, number, number][]) {
  const builder = createCandleBuilder('freqtrade-json', 'index');
  rows.forEach((row, index) => builder.add(index, ...row));
  return builder.finish();
}

describe('createCandleBuilder', () => {
  it('reports gaps as warnings with the number of missing candles', () => {
    const result = build([
      [T0, 1, 2, 0.5, 1, 1],
      [T0 + MIN, 1, 2, 0.5, 1, 1],
      [T0 + 4 * MIN, 1, 2, 0.5, 1, 1],
      [T0 + 5 * MIN, 1, 2, 0.5, 1, 1],
    ]);
    expect(result.candles).toHaveLength(4);
    expect(result.timeframe).toBe('1m');
    expect(result.warnings.map(describeIssue)).toEqual([
      'index 2: gap of 2 candles (3m) before this row',
    ]);
  });

  it('skips an exact duplicate with a warning and refuses a conflicting one', () => {
    const ok = build([
      [T0, 1, 2, 0.5, 1, 1],
      [T0, 1, 2, 0.5, 1, 1],
      [T0 + MIN, 1, 2, 0.5, 1, 1],
    ]);
    expect(ok.candles).toHaveLength(2);
    expect(ok.warnings.map(describeIssue)).toEqual(['index 1: duplicate of index 0; skipped']);
    expect(
      failureOf(() =>
        build([
          [T0, 1, 2, 0.5, 1, 1],
          [T0, 1, 2, 0.5, 1.5, 1],
        ]),
      ).lines,
    ).toEqual(['index 1: time repeats the time of index 0 with different values']);
  });

  it('refuses times that go backwards', () => {
    const { lines, error } = failureOf(() =>
      build([
        [T0 + MIN, 1, 2, 0.5, 1, 1],
        [T0, 1, 2, 0.5, 1, 1],
      ]),
    );
    expect(lines).toEqual(['index 1: time is before the time of index 0; times must increase']);
    expect(error.issues[0]?.field).toBe('time');
  });

  it('needs at least two candles to tell the timeframe', () => {
    expect(failureOf(() => build([[T0, 1, 2, 0.5, 1, 1]])).lines).toEqual([
      'index 0: only one candle: at least two are needed to tell the timeframe',
    ]);
    expect(failureOf(() => build([])).lines).toEqual(['index 0: no candles found']);
  });

  it('keeps the most common step as the timeframe despite irregular rows', () => {
    const result = build([
      [T0, 1, 2, 0.5, 1, 1],
      [T0 + 3_600_000, 1, 2, 0.5, 1, 1],
      [T0 + 7_200_000, 1, 2, 0.5, 1, 1],
      [T0 + 7_200_000 + 90_000, 1, 2, 0.5, 1, 1],
    ]);
    expect(result.timeframe).toBe('1h');
    expect(result.warnings.map(describeIssue)).toEqual([
      "index 3: irregular step of 90s (the file's step is 1h)",
    ]);
  });
});

describe('value conversion', () => {
  it('accepts numbers and decimal strings only', () => {
    expect(toNumber(' 12.5 ')).toBe(12.5);
    expect(toNumber(3)).toBe(3);
    expect(toNumber('0x10')).toBeUndefined();
    expect(toNumber('')).toBeUndefined();
    expect(toNumber(Infinity)).toBeUndefined();
    expect(toNumber(null)).toBeUndefined();
  });

  it('tells epoch seconds from milliseconds and reads ISO dates as UTC', () => {
    expect(toTime(T0 / 1000)).toBe(T0);
    expect(toTime(T0)).toBe(T0);
    expect(toTime(String(T0))).toBe(T0);
    expect(toTime('2024-01-01T00:00:00Z')).toBe(T0);
    expect(toTime(undefined)).toBe('time is missing');
  });
});
