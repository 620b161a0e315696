import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CandleParseError, parseCandlesCsv } from './csv';
import { parseCsvTime } from './csvTime';

const FIXTURE = new URL('../../../tests/fixtures/btcusdt-1m-2023-03-01_03.csv', import.meta.url);
const T0 = Date.UTC(2023, 2, 1);
const ROW = '23140.48,23150.77,23128.52,23142.31,2.131777';
const CANDLE = { open: 23140.48, high: 23150.77, low: 23128.52, close: 23142.31, volume: 2.131777 };

function issuesOf(text: string) {
  try {
    parseCandlesCsv(text);
  } catch (error) {
    if (error instanceof CandleParseError) return error.issues;
    throw error;
  }
  throw new Error('expected a CandleParseError');
}

describe('parseCandlesCsv', () => {
  it('reads the real 3-day BTC/USDT fixture', () => {
    const { candles } = parseCandlesCsv(readFileSync(FIXTURE, 'utf8'));
    expect(candles).toHaveLength(4320);
    expect(candles[0]).toEqual({ time: T0, ...CANDLE });
    expect(candles.at(-1)).toEqual({
      time: T0 + 4319 * 60_000,
      open: 22349.0,
      high: 22358.06,
      low: 22345.94,
      close: 22358.06,
      volume: 2.99138,
    });
    candles.forEach((candle, i) => expect(candle.time).toBe(T0 + i * 60_000));
  });

  it.each([
    ['open_time', '2023-03-01 00:00:00+00:00'],
    ['Time', '2023-03-01T00:00:00Z'],
    ['DATE', '2023-03-01 00:00:00'],
    ['timestamp', '1677628800'],
    ['timestamp', '1677628800000'],
    ['timestamp', '1677628800000000'],
    ['', '2023-03-01 01:00:00+01:00'],
    ['datetime', '2023-02-28T19:00:00.000-05:00'],
  ])('accepts time column %j with value %j', (name, time) => {
    const { candles } = parseCandlesCsv(`${name},open,high,low,close,volume\n${time},${ROW}\n`);
    expect(candles).toEqual([{ time: T0, ...CANDLE }]);
  });

  it('reads headerless rows, CRLF, a BOM, blank lines, quotes and extra columns', () => {
    const headerless = `\uFEFF${T0},${ROW}\r\n\r\n${T0 + 60_000},${ROW}\r\n`;
    expect(parseCandlesCsv(headerless).candles.map((c) => c.time)).toEqual([T0, T0 + 60_000]);
    const extra = `"Volume","close","low","high","open","open_time","trades"\n2,4,1,5,3,"${T0}",17`;
    expect(parseCandlesCsv(extra).candles).toEqual([
      { time: T0, open: 3, high: 5, low: 1, close: 4, volume: 2 },
    ]);
    const semicolons = `time;open;high;low;close;volume\n${T0};3;5;1;4;2`;
    expect(parseCandlesCsv(semicolons).candles).toHaveLength(1);
  });

  it('reports every bad row with its line number', () => {
    const text = [
      'open_time,open,high,low,close,volume',
      `${T0},${ROW}`,
      `${T0 + 60_000},100,99,98,100,1`,
      `${T0 + 120_000},100,101,100.5,100,1`,
      `${T0 + 180_000},100,abc,98,100,1`,
      `${T0 + 240_000},100,101,98,100`,
      `yesterday,100,101,98,100,1`,
      `${T0 + 300_000},100,101,98,100,-1`,
      `${T0 + 360_000},0,101,0,100,1`,
      `${T0 + 420_000},NaN,101,98,100,1`,
      `${T0 + 480_000},100,101,98,100,`,
    ].join('\n');
    expect(issuesOf(text)).toEqual([
      { line: 3, message: 'high 99 is below max(open, close)' },
      { line: 4, message: 'low 100.5 is above min(open, close)' },
      { line: 5, message: 'high "abc" is not a finite number' },
      { line: 6, message: 'expected 6 columns, found 5' },
      { line: 7, message: 'time "yesterday" is neither an ISO date nor an epoch number' },
      { line: 8, message: 'volume -1 is negative' },
      { line: 9, message: 'prices must be greater than zero' },
      { line: 10, message: 'open "NaN" is not a finite number' },
      { line: 11, message: 'volume "" is not a finite number' },
    ]);
  });

  it('requires strictly increasing times', () => {
    const text = `time,open,high,low,close,volume\n${T0},${ROW}\n${T0},${ROW}\n${T0 - 60_000},${ROW}`;
    expect(issuesOf(text)).toEqual([
      { line: 3, message: 'time repeats the time on line 2' },
      { line: 4, message: 'time is before the time on line 3' },
    ]);
  });

  it('explains an unusable header or an empty file', () => {
    expect(issuesOf('time,open,high,low,close\n')).toEqual([
      { line: 1, message: expect.stringContaining('no volume column') },
    ]);
    expect(issuesOf('open,high,low,close,volume\n1,1,1,1,1')[0]?.message).toMatch(/no time column/);
    expect(issuesOf('time,open,high,low,close,volume\n')[0]?.message).toBe('no candle rows found');
    expect(() => parseCandlesCsv('')).toThrow(CandleParseError);
  });

  it('puts line numbers in the error message', () => {
    expect(() => parseCandlesCsv(`time,open,high,low,close,volume\n${T0},1,0.5,1,1,1`)).toThrow(
      /line 2: high 0.5 is below/,
    );
  });
});

describe('parseCsvTime', () => {
  it('treats a zone-less ISO time as UTC and rejects impossible dates', () => {
    expect(parseCsvTime('2023-03-01')).toBe(T0);
    expect(parseCsvTime('2023-03-01 00:00:00.250')).toBe(T0 + 250);
    expect(parseCsvTime('2023-02-30')).toMatch(/not a valid date/);
    expect(parseCsvTime('2023-03-01 24:00:00')).toMatch(/not a valid date/);
  });
});
