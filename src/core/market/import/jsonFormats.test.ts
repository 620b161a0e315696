import { describe, expect, it } from 'vitest';
import { detectFormat, importCandles } from './detect';
import { failureOf } from './testSupport';

const T0 = Date.UTC(2023, 2, 1);
const MIN = 60_000;
const CANDLE = { open: 23140.48, high: 23150.77, low: 23128.52, close: 23142.31, volume: 2.131777 };

describe('JSON objects', () => {
  it('reads case-insensitive keys, string values and ISO or epoch times', () => {
    const text = JSON.stringify([
      {
        Date: '2023-03-01T00:00:00Z',
        Open: '23140.48',
        HIGH: 23150.77,
        low: 23128.52,
        close: 23142.31,
        volume: 2.131777,
      },
      { date: T0 / 1000 + 3600, open: 1, high: 2, low: 0.5, close: 1, volume: 0 },
    ]);
    const result = importCandles(text);
    expect(result.format).toBe('json-objects');
    expect(result.timeframe).toBe('1h');
    expect(result.candles[0]).toEqual({ time: T0, ...CANDLE });
  });

  it('names the index and field of bad rows', () => {
    const text = JSON.stringify([
      { time: T0, open: 1, high: 2, low: 0.5, close: 1, volume: 1 },
      { open: 1, high: 2, low: 0.5, close: 1, volume: 1 },
      { time: T0 + 2 * MIN, open: 1, high: 0.9, low: 0.5, close: 1, volume: 1 },
      { time: T0 + 3 * MIN, open: 1, high: 2, low: 0.5, close: null, volume: 1 },
      [T0, 1, 2, 0.5, 1, 1],
    ]);
    expect(failureOf(() => importCandles(text)).lines).toEqual([
      'index 1: has no time key (time, date, timestamp or open_time)',
      'index 2: high is below close (0.9 < 1)',
      'index 3: close is not a number (null)',
      'index 4: is not an object like {"time": …, "open": …}',
    ]);
  });
});

describe('Binance klines', () => {
  const kline = (time: number, high = '23150.77000000') => [
    time,
    '23140.48000000',
    high,
    '23128.52000000',
    '23142.31000000',
    '2.13177700',
    time + MIN - 1,
    '49330.13',
    87,
    '1.1',
    '25000.1',
    '0',
  ];

  it('reads string prices and the open time', () => {
    const text = JSON.stringify([kline(T0), kline(T0 + MIN)]);
    expect(detectFormat(text)).toBe('binance-klines');
    const result = importCandles(text);
    expect(result.format).toBe('binance-klines');
    expect(result.candles[0]).toEqual({ time: T0, ...CANDLE });
    expect(result.timeframe).toBe('1m');
  });

  it('names the index of a bad kline', () => {
    const text = JSON.stringify([
      kline(T0),
      kline(T0 + MIN, '23000'),
      kline(T0 + 2 * MIN).slice(0, 3),
    ]);
    // A short row after a Binance first row is judged against the Binance length.
    expect(failureOf(() => importCandles(text)).lines).toEqual([
      'index 1: high is below close (23000 < 23142.31)',
      'index 2: expected 7 values, found 3',
    ]);
  });
});

describe("freqtrade's JSON", () => {
  it('reads [[ms, o, h, l, c, v], …]', () => {
    const text = JSON.stringify([
      [T0, 23140.48, 23150.77, 23128.52, 23142.31, 2.131777],
      [T0 + 86_400_000, 1, 2, 0.5, 1, 1],
    ]);
    expect(detectFormat(text)).toBe('freqtrade-json');
    const result = importCandles(text);
    expect(result.format).toBe('freqtrade-json');
    expect(result.timeframe).toBe('1d');
    expect(result.candles[0]).toEqual({ time: T0, ...CANDLE });
  });

  it('names the index and field of bad rows', () => {
    const text = JSON.stringify([
      [T0, 1, 2, 0.5, 1, 1],
      [T0 + MIN, 1, 2, 1.5, 1, 1],
      [T0 + 2 * MIN, 1, 2, 0.5, 1, 'x'],
      'row',
    ]);
    expect(failureOf(() => importCandles(text)).lines).toEqual([
      'index 1: low is above close (1.5 > 1)',
      'index 2: volume is not a number ("x")',
      'index 3: is not an array like [time, open, high, low, close, volume]',
    ]);
  });
});

describe('importCandles', () => {
  it('explains files that are not candles at all', () => {
    expect(failureOf(() => importCandles('')).lines).toEqual(['line 1: the file is empty']);
    expect(failureOf(() => importCandles('[1, 2')).lines[0]).toMatch(/^line 1: not valid JSON/);
    expect(failureOf(() => importCandles('{"a": 1}')).lines[0]).toMatch(/must be an array of rows/);
  });

  it('detects CSV for anything that is not JSON', () => {
    expect(detectFormat('time,open\n')).toBe('csv');
    expect(importCandles(`${T0},1,2,0.5,1,1\n${T0 + MIN},1,2,0.5,1,1`).format).toBe('csv');
  });
});
