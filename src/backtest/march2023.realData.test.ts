/**
 * Protective exits through the whole engine on the full committed sample (BTC/USDT 1m,
 * 1–21 March 2023, Binance.US): the sharp drop to ~19.6k on 10 March and the rally from the
 * 13th. Each expectation is computed here, independently, from the raw candles, then pinned
 * where the data makes it well known. The sample is checked against ../shared/data's CSV when
 * that folder is present.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Candle } from '../core/market/candle';
import { parseCandlesCsv } from '../core/market/csv';
import { intrabarPath } from '../core/market/intrabarPath';
import { floorToStep } from '../core/market/steps';
import type { OrderIntent } from '../core/orders/types';
import type { RiskConfig } from '../core/risk/riskConfig';
import { defineStrategy } from '../core/strategy/defineStrategy';
import { committedSamples } from '../exchange/simulated/testSupport';
import { runBacktest } from './runBacktest';

const candles = committedSamples()['BTC/USDT'] as Candle[];
const CSV = new URL('../../../shared/data/binanceus-BTCUSDT-1m-2023-03-01_21.csv', import.meta.url);
const MINUTE = 60_000;
const SLIPPAGE_BPS = 5;
const SLIP = 1 - SLIPPAGE_BPS / 10_000;

const iso = (time: number) => new Date(time).toISOString().slice(0, 16).replace('T', ' ');
const indexOf = (time: number) => (time - (candles[0]?.time ?? 0)) / MINUTE;
const at = (index: number) => candles[index] as Candle;

/** Buys with all its cash on the first candle at or after `time`, once; never sells. */
const longFrom = (time: number) =>
  defineStrategy({
    id: 'long-from-test',
    name: 'Long from a time',
    description: 'One entry at a given time.',
    category: 'benchmark',
    timeframe: '1m',
    params: {},
    warmup: () => 0,
    init: () => ({ entered: false }),
    onCandle(state, candle, ctx): OrderIntent[] {
      if (ctx.isWarmup || state.entered || candle.time < time) return [];
      state.entered = true;
      return [{ kind: 'enter_long', tag: 'entry' }];
    },
  });

const run = (from: number, risk: RiskConfig) =>
  runBacktest({ strategy: longFrom(from), candles, slippageBps: SLIPPAGE_BPS, risk });

describe('the committed March 2023 sample', () => {
  it('spans 1–21 March with the 10 March low and the rally after the 13th', () => {
    expect(candles).toHaveLength(30_240);
    expect(iso(at(0).time)).toBe('2023-03-01 00:00');
    expect(iso(at(candles.length - 1).time)).toBe('2023-03-21 23:59');
    const low = candles.reduce((best, candle) => (candle.low < best.low ? candle : best));
    expect(low.low).toBe(19_565.4);
    expect(iso(low.time)).toBe('2023-03-10 10:48');
    const high = candles.reduce((best, candle) => (candle.high > best.high ? candle : best));
    expect(high.high).toBeGreaterThan(28_400);
    expect(high.time).toBeGreaterThan(Date.UTC(2023, 2, 13));
  });

  it.skipIf(!existsSync(CSV))('equals the CSV in ../shared/data', () => {
    const csv = parseCandlesCsv(readFileSync(CSV, 'utf8')).candles;
    const prices = (rows: readonly Candle[]) =>
      rows.map(({ time, open, high, low, close }) => [time, open, high, low, close]);
    expect(prices(candles)).toEqual(prices(csv));
    const volumeError = Math.max(
      ...csv.map((row, index) => Math.abs(row.volume - at(index).volume)),
    );
    expect(volumeError).toBeLessThan(1e-6);
  });
});

describe('a 3% stop-loss, long before the 10 March drop', () => {
  const ENTRY = Date.UTC(2023, 2, 9, 22, 0);

  it('on the exchange: fills inside the first candle whose low crosses it, at the stop or the gapped open', async () => {
    const result = await run(ENTRY, {
      stopLoss: { kind: 'percent', percent: 3, onExchange: true },
    });
    const [entry, exit] = result.fills;
    if (!entry || !exit) throw new Error('expected an entry and an exit');
    expect(result.fills).toHaveLength(2);
    expect(entry.time).toBe(ENTRY + MINUTE); // decided on the 22:00 candle, filled at the next open

    // Reference: the first candle after the entry candle whose low reaches the trigger.
    const trigger = floorToStep(entry.price * 0.97, 0.01);
    const entryIndex = indexOf(entry.time);
    expect(at(entryIndex).low).toBeGreaterThan(trigger);
    let crossing = entryIndex + 1;
    while (at(crossing).low > trigger) crossing++;
    const candle = at(crossing);

    const stop = result.orders.find((order) => order.tag === 'risk:stop_loss');
    expect(stop).toMatchObject({ triggerPrice: trigger, state: 'filled', side: 'sell' });
    expect(exit).toMatchObject({ side: 'sell', clientOrderId: stop?.clientOrderId });
    expect(Math.floor(exit.time / MINUTE) * MINUTE).toBe(candle.time);
    expect(exit.price).toBeCloseTo(Math.min(trigger, candle.open) * SLIP, 6);
    expect(exit.amount).toBe(entry.amount);
    expect(result.ledger.position).toBe(0);
    // The data: held through the night, stopped out a minute before the low of 10 March,
    // inside a candle that opened above the stop, so at the stop level.
    expect(iso(candle.time)).toBe('2023-03-10 10:47');
    expect(candle.open).toBeGreaterThan(trigger);
    expect(exit.price).toBeCloseTo(trigger * SLIP, 6);
  });

  it("on the exchange: a stop the market gaps through fills at that candle's open", async () => {
    // Reference: after the entry, the first candle that opens below every low before it (since
    // the entry candle) by more than a dollar: a stop between the two is reached only by the gap.
    const entryIndex = indexOf(ENTRY + MINUTE);
    let lowest = at(entryIndex).low;
    let gap = entryIndex + 1;
    while (!(at(gap).open < lowest - 1)) lowest = Math.min(lowest, at(gap++).low);
    const stop = Math.round(((at(gap).open + lowest) / 2) * 100) / 100;
    expect(at(entryIndex).open).toBeGreaterThan(stop);

    const result = await run(ENTRY, { stopLoss: { kind: 'price', price: stop, onExchange: true } });
    const exit = result.fills[1];
    expect(result.orders.find((order) => order.tag === 'risk:stop_loss')?.triggerPrice).toBe(stop);
    expect(Math.floor((exit?.time ?? 0) / MINUTE) * MINUTE).toBe(at(gap).time);
    expect(exit?.price).toBeCloseTo(at(gap).open * SLIP, 6);
    expect(exit?.price).toBeLessThan(stop * SLIP);
    expect(iso(at(gap).time).startsWith('2023-03-10')).toBe(true);
  });

  it('in the engine: decided on that same candle at the stop (or the gapped open), sold at the next open', async () => {
    const result = await run(ENTRY, { stopLoss: { kind: 'percent', percent: 3 } });
    const [entry, exit] = result.fills;
    if (!entry || !exit) throw new Error('expected an entry and an exit');
    const level = entry.price * 0.97;
    let crossing = indexOf(entry.time);
    while (at(crossing).low > level) crossing++;
    const candle = at(crossing);

    const event = result.events.find((each) => each.type === 'risk_exit');
    expect(event?.data).toMatchObject({ reason: 'stop_loss', candleTime: candle.time });
    expect(event?.data?.price).toBeCloseTo(Math.min(level, candle.open), 6);
    expect(exit).toMatchObject({ side: 'sell', time: candle.time + MINUTE, amount: entry.amount });
    expect(exit.price).toBeCloseTo(at(crossing + 1).open * SLIP, 6);
    expect(result.fills).toHaveLength(2);
    expect(iso(candle.time)).toBe('2023-03-10 10:47');
  });
});

describe('a trailing stop with activation through the rally after the 13th', () => {
  const ENTRY = Date.UTC(2023, 2, 13, 0, 0);
  const TRAIL = 4;
  const ACTIVATION = 5;

  it('arms, follows the highs and exits on the reversal at its level, sold at the next open', async () => {
    const result = await run(ENTRY, {
      trailingStop: { percent: TRAIL, activationPercent: ACTIVATION },
    });
    const [entry, exit] = result.fills;
    if (!entry || !exit) throw new Error('expected an entry and an exit');

    // Reference walk over each candle's path from the entry candle: armed once the high is
    // ACTIVATION% over the entry, out at the first point TRAIL% under the highest price.
    let high = entry.price;
    let armed = false;
    let expected: { index: number; price: number; high: number } | undefined;
    for (let index = indexOf(entry.time); index < candles.length && !expected; index++) {
      intrabarPath(at(index)).forEach((price, point) => {
        if (expected) return;
        const level = high * (1 - TRAIL / 100);
        if (armed && price <= level) {
          expected = { index, price: point === 0 ? price : level, high };
          return;
        }
        high = Math.max(high, price);
        armed ||= high >= entry.price * (1 + ACTIVATION / 100);
      });
    }
    if (!expected) throw new Error('the reference never exits');

    const event = result.events.find((each) => each.type === 'risk_exit');
    expect(event?.data).toMatchObject({
      reason: 'trailing_stop',
      candleTime: at(expected.index).time,
    });
    expect(event?.data?.price).toBeCloseTo(expected.price, 6);
    expect(exit).toMatchObject({ side: 'sell', amount: entry.amount });
    expect(exit.time).toBe(at(expected.index + 1).time);
    expect(exit.price).toBeCloseTo(at(expected.index + 1).open * SLIP, 6);
    // The data: armed on the 13th, it rode the rally to the high of 26 375.50 (14 March 13:05)
    // and sold on the afternoon's reversal, 4% under it, for a gain of about 15%.
    expect(expected.high).toBe(26_375.5);
    expect(iso(at(expected.index).time)).toBe('2023-03-14 18:07');
    expect(expected.price).toBeCloseTo(26_375.5 * 0.96, 6);
    expect(exit.price / entry.price - 1).toBeGreaterThan(0.14);
  });
});
