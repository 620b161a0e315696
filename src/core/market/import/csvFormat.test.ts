import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvCandles } from './csvFormat';
import { failureOf } from './testSupport';

const FIXTURE = new URL('../../../../tests/fixtures/btcusdt-1m-2023-03-01_03.csv', import.meta.url);
const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);

describe('parseCsvCandles', () => {
  it('reads the real 3-day BTC/USDT minute file', () => {
    const result = parseCsvCandles(readFileSync(FIXTURE, 'utf8'));
    expect(result.candles).toHaveLength(4320);
    expect(result.timeframe).toBe('1m');
    expect(result.timeframeMs).toBe(60_000);
    expect(result.warnings).toEqual([]);
    expect(result.candles[0]).toEqual({
      time: Date.UTC(2023, 2, 1),
      open: 23140.48,
      high: 23150.77,
      low: 23128.52,
      close: 23142.31,
      volume: 2.131777,
    });
  });

  it('reads daily data with a Date header and ISO dates', () => {
    const text =
      'Date,Open,High,Low,Close,Volume\n2024-01-01,10,12,9,11,100\n2024-01-02,11,13,10,12,50\n';
    const result = parseCsvCandles(text);
    expect(result.timeframe).toBe('1d');
    expect(result.candles.map((candle) => candle.time)).toEqual([T0, T0 + DAY]);
  });

  it('reads the unnamed first column pandas writes, with semicolons and quotes', () => {
    const text =
      ';open;high;low;close;volume\n"2024-01-01 00:00:00";1;2;0.5;1.5;3\n"2024-01-01 01:00:00";1.5;2;1;1.2;4';
    const result = parseCsvCandles(text);
    expect(result.timeframe).toBe('1h');
    expect(result.candles[1]).toEqual({
      time: T0 + 3_600_000,
      open: 1.5,
      high: 2,
      low: 1,
      close: 1.2,
      volume: 4,
    });
  });

  it('reads epoch seconds and milliseconds, with columns in any order', () => {
    const seconds = `timestamp,volume,close,low,high,open\n${T0 / 1000},1,2,1,3,2\n${T0 / 1000 + 60},1,2,1,3,2`;
    const ms = `OPEN_TIME,open,high,low,close,volume\n${T0},2,3,1,2,1\n${T0 + 60_000},2,3,1,2,1`;
    expect(parseCsvCandles(seconds).candles[0]).toEqual({
      time: T0,
      open: 2,
      high: 3,
      low: 1,
      close: 2,
      volume: 1,
    });
    expect(parseCsvCandles(ms).candles[1]?.time).toBe(T0 + 60_000);
  });

  it('reads headerless rows as time,open,high,low,close,volume', () => {
    const result = parseCsvCandles(`${T0},1,2,0.5,1.5,3\n${T0 + 300_000},1,2,0.5,1.5,3\n`);
    expect(result.timeframe).toBe('5m');
  });

  it('names the line and field of each bad value (header is line 1)', () => {
    const text = [
      'time,open,high,low,close,volume',
      '2024-01-01,10,12,9,11,1',
      '2024-01-02,abc,12,9,11,1',
      '2024-01-03,10,10.5,9,11,1',
      '2024-01-04,10,12,10.5,11,1',
      '2024-01-05,10,12,9,11,-1',
      'yesterday,10,12,9,11,1',
      '2024-01-07,10,12,9,11',
      '2024-01-08,0,12,9,11,1',
      '2024-01-09,10,12,9,,1',
    ].join('\n');
    const { lines, error } = failureOf(() => parseCsvCandles(text));
    expect(lines).toEqual([
      'line 3: open is not a number ("abc")',
      'line 4: high is below close (10.5 < 11)',
      'line 5: low is above open (10.5 > 10)',
      'line 6: volume is negative (-1)',
      'line 7: time "yesterday" is neither an ISO date nor an epoch number',
      'line 8: expected 6 columns, found 5',
      'line 9: open must be above 0 (0)',
      'line 9: low is above open (9 > 0)',
      'line 10: close is missing',
    ]);
    expect(error.issues[1]).toMatchObject({ field: 'high', at: 4, unit: 'line' });
    expect(error.message).toContain('nothing was imported');
  });

  it('lists the first N errors, then "…and K more"', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${T0 + i * 60_000},1,0.5,0.4,1,1`);
    const { error } = failureOf(() => parseCsvCandles(rows.join('\n'), { maxIssues: 5 }));
    expect(error.issues).toHaveLength(5);
    expect(error.total).toBe(30);
    expect(error.message).toMatch(/…and 25 more$/);
  });

  it('refuses a header without a time or a value column', () => {
    expect(
      failureOf(() => parseCsvCandles('foo,open,high,low,close,volume\n1,1,1,1,1,1')).lines,
    ).toEqual(['line 1: no time column: name it time, date, timestamp or open_time']);
    expect(failureOf(() => parseCsvCandles('time,open,high,low,close\n1,1,1,1,1')).lines).toEqual([
      'line 1: no volume column in the header (expected time, open, high, low, close, volume)',
    ]);
  });
});
