import { describe, expect, it } from 'vitest';
import { DataError, loadMinuteCandles } from './data';

const HEADER = 'time,open,high,low,close,volume';
const row = (time: string, close = 100) => `${time},100,101,99,${close},1`;

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

  it('reports every bad row by line number', () => {
    const message = dataError(
      [
        HEADER,
        row('2023-03-01T00:00Z'),
        '2023-03-01T00:01Z,100,90,99,100,1',
        'oops,1,1,1,1,1',
      ].join('\n'),
    );
    expect(message).toMatch(/2 bad row\(s\)/);
    expect(message).toMatch(/line 3: high 90 is below max\(open, close\)/);
    expect(message).toMatch(/line 4: /);
  });

  it('refuses hourly or daily data: the backtester needs 1-minute candles', () => {
    const hourly = [HEADER, row('2023-03-01T00:00Z'), row('2023-03-01T01:00Z')].join('\n');
    expect(dataError(hourly)).toMatch(/1 hour\(s\) apart; the backtester needs 1-minute candles/);
    const daily = [HEADER, row('2023-03-01'), row('2023-03-02')].join('\n');
    expect(dataError(daily)).toMatch(/1 day\(s\) apart/);
  });

  it('refuses a gap, naming its line (counting the header and blank lines)', () => {
    const text = [
      HEADER,
      row('2023-03-01T00:00Z'),
      '',
      row('2023-03-01T00:01Z'),
      row('2023-03-01T00:05Z'),
    ];
    expect(dataError(text.join('\n'))).toMatch(/x.csv line 5: .* 4 minutes after the previous one/);
  });

  it('refuses times that are not on a whole minute', () => {
    expect(dataError([HEADER, row('2023-03-01T00:00:30Z')].join('\n'))).toMatch(
      /line 2: .*whole minute/,
    );
  });
});
