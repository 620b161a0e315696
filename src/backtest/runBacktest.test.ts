import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resampleCandles } from '../core/market/aggregator';
import { parseCandlesCsv } from '../core/market/csv';
import { reconcileLedger } from '../core/portfolio/ledger';
import buyAndHold from '../../strategies/buyAndHold';
import smaCrossover from '../../strategies/smaCrossover';
import { runBacktest } from './runBacktest';

const candles = parseCandlesCsv(
  readFileSync(
    new URL('../../tests/fixtures/btcusdt-1m-2023-03-01_03.csv', import.meta.url),
    'utf8',
  ),
).candles;

describe('runBacktest', () => {
  it('runs a template through the engine on the simulator, reproducibly', async () => {
    const run = () =>
      runBacktest({
        strategy: smaCrossover,
        params: { fast: 9, slow: 21 },
        candles,
        timeframe: '5m',
      });
    const first = await run();
    const second = await run();
    expect(first.fills.length).toBeGreaterThan(10);
    expect(second.fills).toEqual(first.fills);
    expect(first.equity.length).toBeGreaterThan(800);
    expect(Math.abs(reconcileLedger(first.ledger))).toBeLessThan(1e-6);
    // Market orders fill at the open of the candle after the decision: no look-ahead.
    const byTime = new Map(candles.map((candle) => [candle.time, candle]));
    for (const fill of first.fills) expect(fill.price).toBe(byTime.get(fill.time)?.open);
  });

  it('logs a refusal repeated on every signal once a day, saying how many it folded', async () => {
    // 4 USDT is below the market's 5 USDT minimum order: every entry signal is refused.
    const result = await runBacktest({ strategy: smaCrossover, candles, cash: 4 });
    const refusals = result.events.filter((event) => event.type === 'risk_rejected');
    const signals =
      refusals.length +
      refusals.reduce((sum, event) => {
        const folded = / \(refused (\d+) more times? since /.exec(event.message)?.[1];
        return sum + Number(folded ?? 0);
      }, 0);
    expect(result.fills).toEqual([]);
    // Three days of candles: the first refusal, then one a day with the count folded since.
    expect(refusals.map((event) => event.message.replace(/[\d.]+ USDT is/, '… USDT is'))).toEqual([
      'enter_long not placed: Order value … USDT is below the minimum of 5 USDT for BTC/USDT.',
      expect.stringMatching(
        /^enter_long not placed: Order value … USDT is below the minimum of 5 USDT for BTC\/USDT\. \(refused \d+ more times since 2023-03-0\d \d\d:\d\d UTC\)$/,
      ),
      expect.stringMatching(/\(refused \d+ more times since 2023-03-0\d \d\d:\d\d UTC\)$/),
    ]);
    expect(refusals[0]?.message).not.toContain('refused');
    expect(signals).toBeGreaterThan(50);
  });

  it('says there is not enough data when it is given none', async () => {
    await expect(runBacktest({ strategy: smaCrossover, candles: [] })).rejects.toThrow(
      'Not enough data: 0 1m candles, but SMA crossover needs 22 1m candles of warm-up.',
    );
  });

  it('says when there is not enough data to warm up', async () => {
    await expect(
      runBacktest({
        strategy: smaCrossover,
        params: { fast: 9, slow: 21 },
        candles: candles.slice(0, 20),
      }),
    ).rejects.toThrow(/Not enough data/);
  });

  it('gives hourly data the same trades as the 1-minute data it was made of', async () => {
    const HOUR = 3_600_000;
    const hourly = resampleCandles(candles, '1h');
    const run = (data: typeof candles, candleMs?: number) =>
      runBacktest({
        strategy: smaCrossover,
        params: { fast: 3, slow: 6 },
        candles: data,
        ...(candleMs === undefined ? {} : { candleMs }),
        timeframe: '1h',
      });
    const fromMinutes = await run(candles);
    const fromHours = await run(hourly, HOUR);
    expect(fromMinutes.fills.length).toBeGreaterThan(4);
    const trades = (result: typeof fromHours) =>
      result.fills.map(({ time, side, price, amount }) => ({ time, side, price, amount }));
    expect(trades(fromHours)).toEqual(trades(fromMinutes));
    expect(Array.from(fromHours.equity.values)).toEqual(Array.from(fromMinutes.equity.values));
  });

  it('refuses data coarser than the timeframe, naming both', async () => {
    await expect(
      runBacktest({
        strategy: smaCrossover,
        candles: resampleCandles(candles, '1h'),
        candleMs: 3_600_000,
        timeframe: '5m',
      }),
    ).rejects.toThrow('The data holds 1h candles, coarser than the 5m timeframe');
  });

  it('refuses candles that do not open on whole steps of their length', async () => {
    const shifted = resampleCandles(candles, '1h').map((candle) => ({
      ...candle,
      time: candle.time + 60_000,
    }));
    await expect(
      runBacktest({
        strategy: smaCrossover,
        candles: shifted,
        candleMs: 3_600_000,
        timeframe: '1h',
      }),
    ).rejects.toThrow(/Candle 1 \(2023-03-01T00:01:00.000Z\) does not open on a whole 1h step/);
  });

  it('sizes an all-cash buy at the open it fills at, so a gap up over a weekend still fills', async () => {
    const DAY = 86_400_000;
    // Thursday, Friday, then Monday opening 8% above Friday's close.
    const days = [
      [0, 100, 100],
      [1, 100, 100],
      [4, 108, 110],
      [5, 110, 111],
    ].map(([day = 0, open = 0, close = 0]) => ({
      time: Date.UTC(2023, 2, 2) + day * DAY,
      open,
      high: Math.max(open, close) + 1,
      low: Math.min(open, close) - 1,
      close,
      volume: 1,
    }));
    const result = await runBacktest({
      strategy: buyAndHold,
      candles: days,
      candleMs: DAY,
      timeframe: '1d',
      cash: 1_000,
      takerFee: 0,
    });
    expect(result.events.filter((event) => event.type === 'order_rejected')).toEqual([]);
    expect(result.fills).toHaveLength(1);
    expect(result.fills[0]).toMatchObject({ side: 'buy', price: 108, time: days[2]?.time });
    // All the cash at 108, less the engine's 1% headroom.
    expect((result.fills[0]?.amount ?? 0) * 108).toBeCloseTo(1_000 / 1.01, 2);
  });
});
