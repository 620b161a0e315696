import { describe, expect, it } from 'vitest';
import { checkDataTimeframe, DataError, loadCandleData } from './data';

const HEADER = 'time,open,high,low,close,volume';
const row = (time: string, close = 100) => `${time},100,101,99,${close},1`;
const T0 = Date.UTC(2023, 2, 1);
const DAY = 86_400_000;

function dataError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as Error).message;
  }
  throw new Error('no DataError');
}

const load = (text: string) => loadCandleData(text, 'x.csv');

describe('loadCandleData', () => {
  it('reads 1-minute candles, with or without a header', () => {
    const rows = [row('2023-03-01T00:00Z'), row('2023-03-01T00:01Z'), row('2023-03-01T00:02Z')];
    const data = load([HEADER, ...rows].join('\n'));
    expect(data).toMatchObject({ candleMs: 60_000, timeframe: '1m', format: 'csv', gaps: 0 });
    expect(data.candles).toHaveLength(3);
    expect(load(rows.join('\n')).candles).toHaveLength(3);
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
      expect(loadCandleData(text, 'x.json').candles.map((candle) => candle.time)).toEqual([
        T0,
        T0 + 60_000,
      ]);
    }
  });

  it('reports bad rows by line number and field', () => {
    const message = dataError(() =>
      load(
        [
          HEADER,
          row('2023-03-01T00:00Z'),
          '2023-03-01T00:01Z,100,90,99,100,1',
          'oops,1,1,1,1,1',
        ].join('\n'),
      ),
    );
    expect(message).toMatch(/2 bad row\(s\); nothing was read/);
    expect(message).toMatch(/line 3: high is below close \(90 < 100\)/);
    expect(message).toMatch(/line 4: time "oops"/);
  });

  it('tells hourly and daily data from their spacing, weekends and other gaps allowed', () => {
    const hourly = [HEADER, row('2023-03-01T00:00Z'), row('2023-03-01T01:00Z')];
    expect(load(hourly.join('\n'))).toMatchObject({ candleMs: 3_600_000, timeframe: '1h' });
    // Thursday, Friday, then Monday to Wednesday: the weekend is a gap, the spacing one day.
    const daily = ['2023-03-02', '2023-03-03', '2023-03-06', '2023-03-07', '2023-03-08'];
    const data = load([',Open,High,Low,Close,Volume', ...daily.map((day) => row(day))].join('\n'));
    expect(data).toMatchObject({ candleMs: DAY, timeframe: '1d', gaps: 1 });
    expect(data.candles[2]?.time).toBe(Date.UTC(2023, 2, 6));
  });

  it('keeps a gap in minute data, counting it', () => {
    const text = [
      HEADER,
      row('2023-03-01T00:00Z'),
      '',
      row('2023-03-01T00:01Z'),
      row('2023-03-01T00:02Z'),
      row('2023-03-01T00:06Z'),
    ];
    expect(load(text.join('\n'))).toMatchObject({ timeframe: '1m', gaps: 1 });
  });

  it('refuses candles that do not open on a whole step of their length', () => {
    const text = [HEADER, row('2023-03-01T00:00:30Z'), row('2023-03-01T00:01:30Z')];
    expect(dataError(() => load(text.join('\n')))).toBe(
      'x.csv holds 1m candles (CSV), but: Candle 1 (2023-03-01T00:00:30.000Z) does not open on a whole 1m step (UTC); the backtester needs candles aligned to their length.',
    );
    const odd = [
      HEADER,
      row('2023-03-01T00:00Z'),
      row('2023-03-01T01:00Z'),
      row('2023-03-01T01:30Z'),
      row('2023-03-01T02:30Z'),
    ];
    expect(dataError(() => load(odd.join('\n')))).toMatch(
      /Candle 3 \(2023-03-01T01:30:00.000Z\) does not open on a whole 1h step/,
    );
  });

  it('refuses a file of one candle', () => {
    expect(dataError(() => load([HEADER, row('2023-03-01')].join('\n')))).toMatch(
      /line 2: only one candle: at least two are needed to tell the timeframe/,
    );
  });
});

describe('checkDataTimeframe', () => {
  const daily = load([HEADER, row('2023-03-01'), row('2023-03-02')].join('\n'));

  it('accepts data as fine as the timeframe or finer', () => {
    expect(() => checkDataTimeframe(daily, '1d', 'x.csv', 'set by --timeframe')).not.toThrow();
  });

  it('refuses coarser data, naming both timeframes and where the timeframe came from', () => {
    expect(dataError(() => checkDataTimeframe(daily, '4h', 'x.csv', 'set by --timeframe'))).toBe(
      'x.csv: The data holds 1d candles, coarser than the 4h timeframe: choose a timeframe of 1d or longer, or finer data. (4h: set by --timeframe)',
    );
  });
});
