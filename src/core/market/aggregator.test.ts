import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCandleAggregator, resampleCandles } from './aggregator';
import type { Candle } from './candle';
import { parseCandlesCsv } from './csv';
import type { Timeframe } from './timeframe';

const MINUTE = 60_000;
const T0 = Date.UTC(2023, 2, 1);

function minute(index: number, close = 100 + index): Candle {
  return {
    time: T0 + index * MINUTE,
    open: close - 0.5,
    high: close + 1,
    low: close - 1,
    close,
    volume: 1,
  };
}

function pushAll(timeframe: Timeframe, candles: Candle[]) {
  const aggregator = createCandleAggregator(timeframe);
  return candles.map((candle) => aggregator.push(candle));
}

describe('createCandleAggregator', () => {
  it('passes 1m candles through unchanged', () => {
    const candles = [minute(0), minute(1), minute(2)];
    expect(pushAll('1m', candles)).toEqual(candles);
  });

  it('emits a 5m candle as soon as its last minute arrives', () => {
    const out = pushAll(
      '5m',
      Array.from({ length: 10 }, (_, i) => minute(i)),
    );
    expect(out.map((c) => c !== undefined)).toEqual([
      false,
      false,
      false,
      false,
      true,
      false,
      false,
      false,
      false,
      true,
    ]);
    expect(out[4]).toEqual({
      time: T0,
      open: 99.5,
      high: 105,
      low: 99,
      close: 104,
      volume: 5,
    });
    expect(out[9]?.time).toBe(T0 + 5 * MINUTE);
  });

  it('aligns buckets to UTC when the feed starts mid-bucket', () => {
    const out = pushAll('15m', [minute(13), minute(14), minute(15)]);
    expect(out[0]).toBeUndefined();
    expect(out[1]).toMatchObject({ time: T0, open: 112.5, close: 114, volume: 2 });
    expect(out[2]).toBeUndefined();
  });

  it('closes a bucket early when a later bucket starts (gap in the feed)', () => {
    const out = pushAll('5m', [minute(0), minute(1), minute(7), minute(8), minute(9)]);
    expect(out[2]).toMatchObject({ time: T0, close: 101, volume: 2 });
    expect(out[3]).toBeUndefined();
    expect(out[4]).toMatchObject({ time: T0 + 5 * MINUTE, open: 106.5, close: 109, volume: 3 });
  });

  it('returns a bucket completed by a gap-closing candle on the next push', () => {
    const aggregator = createCandleAggregator('5m');
    expect(aggregator.push(minute(0))).toBeUndefined();
    // minute 9 closes bucket 0 by gap and completes bucket 5 at once.
    expect(aggregator.push(minute(9))).toMatchObject({ time: T0, volume: 1 });
    expect(aggregator.push(minute(10))).toMatchObject({ time: T0 + 5 * MINUTE, volume: 1 });
    expect(aggregator.push(minute(11))).toBeUndefined();
  });

  it('ignores duplicate and late candles instead of emitting a bucket twice', () => {
    const aggregator = createCandleAggregator('5m');
    for (let i = 0; i < 4; i++) aggregator.push(minute(i));
    expect(aggregator.push(minute(4))).toBeDefined();
    expect(aggregator.push(minute(4))).toBeUndefined();
    expect(aggregator.push(minute(2))).toBeUndefined();
    expect(aggregator.push(minute(5))).toBeUndefined();
  });

  it('rejects candles that are not minute-aligned', () => {
    const aggregator = createCandleAggregator('5m');
    expect(() => aggregator.push({ ...minute(0), time: T0 + 1 })).toThrow(RangeError);
  });

  it('does not mutate its input', () => {
    const candles = [minute(0), minute(1), minute(2)];
    const copy = structuredClone(candles);
    pushAll('3m', candles);
    expect(candles).toEqual(copy);
  });

  it('emits the same candles as resampleCandles, in order, for any gappy feed', () => {
    const feed = fc
      .uniqueArray(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 120 })
      .map((minutes) => minutes.sort((a, b) => a - b).map((m) => minute(m, 100 + (m % 7))));
    fc.assert(
      fc.property(
        feed,
        fc.constantFrom<Timeframe>('3m', '5m', '15m', '1h'),
        (candles, timeframe) => {
          const aggregator = createCandleAggregator(timeframe);
          const streamed = candles
            .map((c) => aggregator.push(c))
            .filter((c): c is Candle => c !== undefined);
          const batch = resampleCandles(candles, timeframe);
          // The stream may still hold one closed bucket that only the next push returns.
          expect(batch.slice(0, streamed.length)).toEqual(streamed);
          expect(batch.length - streamed.length).toBeLessThanOrEqual(1);
          expect(new Set(streamed.map((c) => c.time)).size).toBe(streamed.length);
        },
      ),
    );
  });
});

describe('resampleCandles', () => {
  const fixture = parseCandlesCsv(
    readFileSync(
      new URL('../../../tests/fixtures/btcusdt-1m-2023-03-01_03.csv', import.meta.url),
      'utf8',
    ),
  ).candles;

  it('drops the trailing bucket unless it is complete', () => {
    const candles = Array.from({ length: 12 }, (_, i) => minute(i));
    expect(resampleCandles(candles, '5m').map((c) => c.time)).toEqual([T0, T0 + 5 * MINUTE]);
    expect(resampleCandles(candles.slice(0, 10), '5m')).toHaveLength(2);
    expect(resampleCandles(candles.slice(0, 9), '5m')).toHaveLength(1);
  });

  it('rejects unordered input', () => {
    expect(() => resampleCandles([minute(1), minute(0)], '5m')).toThrow(/increasing/);
  });

  it('resamples three real days of 1m BTC/USDT into 1h and 1d candles', () => {
    const hourly = resampleCandles(fixture, '1h');
    expect(hourly).toHaveLength(72);
    const firstHour = fixture.slice(0, 60);
    expect(hourly[0]).toEqual({
      time: T0,
      open: firstHour[0]?.open,
      high: Math.max(...firstHour.map((c) => c.high)),
      low: Math.min(...firstHour.map((c) => c.low)),
      close: firstHour[59]?.close,
      volume: firstHour.reduce((sum, c) => sum + c.volume, 0),
    });
    const daily = resampleCandles(fixture, '1d');
    expect(daily.map((c) => c.time)).toEqual([T0, T0 + 86_400_000, T0 + 2 * 86_400_000]);
  });
});

describe('coarser input candles (inputMs)', () => {
  const HOUR = 3_600_000;
  const DAY = 86_400_000;
  const hour = (index: number, close = 100 + index): Candle => ({
    ...minute(0, close),
    time: T0 + index * HOUR,
  });

  it('aggregates hourly candles into 4h candles as soon as the fourth hour arrives', () => {
    const aggregator = createCandleAggregator('4h', HOUR);
    const out = Array.from({ length: 8 }, (_, i) => aggregator.push(hour(i)));
    expect(out.map((c) => c !== undefined)).toEqual([
      false,
      false,
      false,
      true,
      false,
      false,
      false,
      true,
    ]);
    expect(out[3]).toEqual({ time: T0, open: 99.5, high: 104, low: 99, close: 103, volume: 4 });
  });

  it('passes daily candles through to 1d, across weekend gaps', () => {
    // Thursday 2 March, Friday 3 March, then Monday 6 March 2023.
    const days = [1, 2, 5].map((d) => ({ ...minute(0, 100 + d), time: T0 + d * DAY }));
    const aggregator = createCandleAggregator('1d', DAY);
    expect(days.map((c) => aggregator.push(c))).toEqual(days);
    expect(resampleCandles(days, '1d', DAY)).toEqual(days);
  });

  it('resamples hourly candles with a gap into whole days, closing the gappy day early', () => {
    const hours = [...Array.from({ length: 20 }, (_, i) => hour(i)), hour(24), hour(47)];
    const daily = resampleCandles(hours, '1d', HOUR);
    expect(daily.map((c) => [c.time, c.close, c.volume])).toEqual([
      [T0, 119, 20],
      [T0 + DAY, 147, 2],
    ]);
  });

  it('refuses input that is not aligned to its length or does not divide the timeframe', () => {
    expect(() =>
      createCandleAggregator('4h', HOUR).push({ ...hour(0), time: T0 + MINUTE }),
    ).toThrow(/not the open time of a 3600000 ms candle/);
    expect(() => createCandleAggregator('5m', 2 * MINUTE)).toThrow(/whole number/);
    expect(() => resampleCandles([], '1h', 7 * MINUTE)).toThrow(/whole number/);
  });
});
