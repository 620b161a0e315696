import { describe, expect, it } from 'vitest';
import { DataError, loadMinuteCandles } from './data';

const HEADER = 'time,open,high,low,close,volume';
const row = (time: string, close = 100) => `${time},100,101,99,${close},1`;
const T0 = Date.UTC(2023, 2, 1);

function dataError(text: string): string {
  try {
    loadMinuteCandles(text, 'x.csv');
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as Error).message;
  }
  throw new Error('no DataError');
}

describe('loadMinuteCandles', () => {
  it('reads contiguous 1-minute candles, with or without a header', () => {
    const rows = [row('2023-03-01T00:00Z'), row('2023-03-01T00:01Z'), row('2023-03-01T00:02Z')];
    expect(loadMinuteCandles([HEADER, ...rows].join('\n'), 'x.csv')).toHaveLength(3);
    expect(loadMinuteCandles(rows.join('\n'), 'x.csv')).toHaveLength(3);
  });

  it('reads every JSON format the importers know', () => {
    const freqtrade = JSON.stringify([
      [T0, 1, 2, 0.5, 1, 1],
      [T0 + 60_000, 1, 2, 0.5, 1, 1],
    ]);
    const binance = JSON.stringify([
      [T0, '1', '2', '0.5', '1', '1', T0 + 59_999, '1', 1, '0', '0', '0'],
      [T0 + 60_000, '1', '2', '0.5', '1', '1', T0 + 119_999, '1', 1, '0', '0', '0'],
    ]);
    const objects = JSON.stringify([
      { date: '2023-03-01T00:00:00Z', open: 1, high: 2, low: 0.5, close: 1, volume: 1 },
      { date: '2023-03-01T00:01:00Z', open: 1, high: 2, low: 0.5, close: 1, volume: 1 },
    ]);
    for (const text of [freqtrade, binance, objects]) {
      expect(loadMinuteCandles(text, 'x.json').map((candle) => candle.time)).toEqual([
        T0,
        T0 + 60_000,
      ]);
    }
  });

  it('reports bad rows by line number and field', () => {
    const message = dataError(
      [
        HEADER,
        row('2023-03-01T00:00Z'),
        '2023-03-01T00:01Z,100,90,99,100,1',
        'oops,1,1,1,1,1',
      ].join('\n'),
    );
    expect(message).toMatch(/2 bad row\(s\); nothing was read/);
    expect(message).toMatch(/line 3: high is below close \(90 < 100\)/);
    expect(message).toMatch(/line 4: time "oops"/);
  });

  it('refuses hourly or daily data: the backtester needs 1-minute candles', () => {
    const hourly = [HEADER, row('2023-03-01T00:00Z'), row('2023-03-01T01:00Z')].join('\n');
    expect(dataError(hourly)).toMatch(/holds 1h candles \(CSV\); the backtester replays 1-minute/);
    const daily = [HEADER, row('2023-03-01'), row('2023-03-02')].join('\n');
    expect(dataError(daily)).toMatch(/holds 1d candles/);
  });

  it('refuses a gap, naming its line (counting the header and blank lines)', () => {
    const text = [
      HEADER,
      row('2023-03-01T00:00Z'),
      '',
      row('2023-03-01T00:01Z'),
      row('2023-03-01T00:02Z'),
      row('2023-03-01T00:06Z'),
    ];
    expect(dataError(text.join('\n'))).toMatch(/x.csv line 6: gap of 3 candles \(4m\)/);
  });

  it('refuses times that are not on a whole minute', () => {
    const text = [HEADER, row('2023-03-01T00:00:30Z'), row('2023-03-01T00:01:30Z')];
    expect(dataError(text.join('\n'))).toMatch(/not on a whole minute/);
  });
});
