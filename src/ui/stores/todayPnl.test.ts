import { describe, expect, it } from 'vitest';
import {
  clockKindOf,
  countOpenPositions,
  dayStartEquity,
  isOpenPosition,
  newestMarketTime,
  startOfLocalDay,
  sumTodayPnl,
} from './todayPnl';

const HOUR = 3_600_000;

describe('startOfLocalDay', () => {
  it('is 00:00 local time of the same day, at most a day (plus a DST hour) earlier', () => {
    for (const time of [Date.UTC(2023, 2, 14, 15, 30), Date.UTC(2023, 2, 26, 1, 30), 0]) {
      const start = startOfLocalDay(time);
      const local = new Date(start);
      expect([local.getHours(), local.getMinutes(), local.getSeconds()]).toEqual([0, 0, 0]);
      expect(local.getDate()).toBe(new Date(time).getDate());
      expect(time - start).toBeGreaterThanOrEqual(0);
      expect(time - start).toBeLessThan(25 * HOUR);
    }
  });

  it('is its own start of day (idempotent)', () => {
    const start = startOfLocalDay(Date.UTC(2023, 2, 14, 15, 30));
    expect(startOfLocalDay(start)).toBe(start);
    expect(startOfLocalDay(start - 1)).toBeLessThan(start);
  });
});

describe('clocks', () => {
  it('reads simulated bots on the market clock and the others on the wall clock', () => {
    expect(clockKindOf('simulated')).toBe('market');
    expect(clockKindOf('paper')).toBe('wall');
    expect(clockKindOf('live')).toBe('wall');
  });

  it('takes the newest known market time, ignoring unknown ones', () => {
    expect(newestMarketTime([undefined, 5, 9, undefined, 7])).toBe(9);
    expect(newestMarketTime([undefined, Number.NaN])).toBeUndefined();
    expect(newestMarketTime([])).toBeUndefined();
  });
});

describe('dayStartEquity', () => {
  it('is the equity of the last point before 00:00, else the starting capital', () => {
    expect(dayStartEquity({ equity: 1040 }, 1000)).toBe(1040);
    expect(dayStartEquity(undefined, 1000)).toBe(1000);
  });
});

describe('sumTodayPnl', () => {
  it('sums the change since 00:00 per quote currency, as a share of the equity then', () => {
    const totals = sumTodayPnl([
      { quote: 'USDT', equity: 1050, startEquity: 1000 },
      { quote: 'USDC', equity: 480, startEquity: 500 },
      { quote: 'USDT', equity: 2970, startEquity: 3000 },
    ]);
    expect(totals.map((total) => total.quote)).toEqual(['USDT', 'USDC']);
    expect(totals[0]?.pnl).toBeCloseTo(20, 9);
    expect(totals[0]?.pnlRatio).toBeCloseTo(20 / 4000, 12);
    expect(totals[1]?.pnl).toBeCloseTo(-20, 9);
    expect(totals[1]?.pnlRatio).toBeCloseTo(-0.04, 12);
  });

  it('gives a ratio of 0 when the day started with no equity, and nothing for no bots', () => {
    expect(sumTodayPnl([{ quote: 'USDT', equity: 0, startEquity: 0 }])).toEqual([
      { quote: 'USDT', pnl: 0, pnlRatio: 0 },
    ]);
    expect(sumTodayPnl([])).toEqual([]);
  });
});

describe('open positions', () => {
  it('counts positions of at least one amount step (dust is flat)', () => {
    expect(isOpenPosition(0.00001, 0.00001)).toBe(true);
    expect(isOpenPosition(0.000009, 0.00001)).toBe(false);
    expect(isOpenPosition(0.000009)).toBe(true);
    expect(isOpenPosition(0)).toBe(false);
    expect(
      countOpenPositions([
        { position: 0.5, amountStep: 0.00001 },
        { position: 0 },
        { position: 0.000001, amountStep: 0.00001 },
        { position: 2 },
      ]),
    ).toBe(2);
  });
});
