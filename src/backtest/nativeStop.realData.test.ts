/**
 * A 3% stop-loss on real data (BTC/USDT 1m, 1–3 March 2023), enforced by the engine and placed
 * natively on the simulated exchange: both exit on the first candle whose low crosses the stop.
 * The difference in fill price is by design: the engine sees the cross when the candle closes
 * and sells at market at the next candle's open; the exchange's stop-market triggers inside
 * the candle and fills at the stop level (or at the open after a gap), both less slippage.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCandlesCsv } from '../core/market/csv';
import { floorToStep } from '../core/market/steps';
import type { OrderIntent } from '../core/orders/types';
import { defineStrategy } from '../core/strategy/defineStrategy';
import buyAndHold from '../../strategies/buyAndHold';
import { createBotRuntime } from '../core/engine/botRuntime';
import { createMemoryBotStore } from '../core/engine/memoryStore';
import { createManualClock } from '../core/time';
import { createMarketHub } from '../exchange/marketHub';
import { createSimulatedExchange } from '../exchange/simulated';
import { runBacktest } from './runBacktest';

const FIXTURE = new URL('../../tests/fixtures/btcusdt-1m-2023-03-01_03.csv', import.meta.url);
const candles = parseCandlesCsv(readFileSync(FIXTURE, 'utf8')).candles;
const SLIPPAGE_BPS = 5;

const run = (onExchange: boolean) =>
  runBacktest({
    strategy: buyAndHold,
    candles,
    slippageBps: SLIPPAGE_BPS,
    risk: { stopLoss: { kind: 'percent', percent: 3, ...(onExchange ? { onExchange } : {}) } },
  });

describe('a 3% stop-loss on real data, engine-enforced and on the exchange', () => {
  it('exits on the first candle whose low crosses the stop, at the modelled price in both modes', async () => {
    const [engine, native] = await Promise.all([run(false), run(true)]);
    const [entry] = engine.fills;
    expect(native.fills[0]).toEqual(entry);
    if (!entry) throw new Error('no entry');
    const level = entry.price * 0.97;
    const index = candles.findIndex((candle) => candle.time > entry.time && candle.low <= level);
    const crossing = candles[index];
    const next = candles[index + 1];
    if (!crossing || !next) throw new Error('the stop is never crossed in the fixture');
    const slip = 1 - SLIPPAGE_BPS / 10_000;

    // Engine: decided on the crossing candle's close, sold at the next open.
    const engineExit = engine.fills[1];
    expect(engine.fills).toHaveLength(2);
    expect(engineExit).toMatchObject({ side: 'sell', time: next.time, takerOrMaker: 'taker' });
    expect(engineExit?.price).toBeCloseTo(next.open * slip, 6);
    expect(engine.events.find((event) => event.type === 'risk_exit')?.data).toMatchObject({
      reason: 'stop_loss',
      candleTime: crossing.time,
    });

    // Exchange: a stop-market order, journaled with a client order id, filled in that candle.
    const stopOrder = native.orders.find((order) => order.triggerPrice !== undefined);
    const trigger = floorToStep(level, 0.01);
    expect(stopOrder).toMatchObject({
      side: 'sell',
      type: 'market',
      tag: 'risk:stop_loss',
      state: 'filled',
      triggerPrice: trigger,
    });
    expect(stopOrder?.clientOrderId).toMatch(/^flt/);
    const nativeExit = native.fills[1];
    expect(native.fills).toHaveLength(2);
    expect(nativeExit).toMatchObject({ side: 'sell', takerOrMaker: 'taker' });
    expect(nativeExit?.clientOrderId).toBe(stopOrder?.clientOrderId);
    expect(Math.floor((nativeExit?.time ?? 0) / 60_000) * 60_000).toBe(crossing.time);
    const modelled = Math.min(trigger, crossing.open) * slip;
    expect(nativeExit?.price).toBeCloseTo(modelled, 6);
    expect(nativeExit?.amount).toBe(engineExit?.amount);
    expect(native.ledger.position).toBe(0);
    expect(native.events.some((event) => event.type === 'risk_exit')).toBe(false);

    // Close: the two exits differ by the move from the stop level to the next open.
    const difference = Math.abs((nativeExit?.price ?? 0) - (engineExit?.price ?? 0));
    expect(difference / (engineExit?.price ?? 1)).toBeLessThan(0.005);
    expect(Math.abs(native.ledger.cash - engine.ledger.cash) / engine.ledger.cash).toBeLessThan(
      0.005,
    );
  });
});

describe('the native stop follows the position', () => {
  /** Buys twice (the second adds to the position), then sells everything by itself. */
  const scaleInThenExit = defineStrategy({
    id: 'scale-in-test',
    name: 'Scale in, then exit',
    description: 'Two entries, then an exit by the strategy.',
    category: 'benchmark',
    timeframe: '1m',
    params: {},
    warmup: () => 0,
    init: () => ({ seen: 0 }),
    onCandle(state, _candle, ctx): OrderIntent[] {
      if (ctx.isWarmup) return [];
      state.seen += 1;
      if (state.seen === 1) return [{ kind: 'enter_long', quote: 3_000, tag: 'first' }];
      if (state.seen === 30) return [{ kind: 'enter_long', quote: 3_000, tag: 'second' }];
      if (state.seen === 60) return [{ kind: 'exit_long', tag: 'done' }];
      return [];
    },
  });

  it('is replaced when the position grows and canceled when the strategy sells', async () => {
    const result = await runBacktest({
      strategy: scaleInThenExit,
      candles: candles.slice(0, 600),
      risk: { stopLoss: { kind: 'percent', percent: 3, onExchange: true } },
    });
    const stops = result.orders.filter((order) => order.triggerPrice !== undefined);
    expect(stops.map((order) => order.state)).toEqual(['canceled', 'canceled']);
    const [first, second] = stops;
    const buys = result.fills.filter((fill) => fill.side === 'buy');
    expect(first?.amount).toBeCloseTo(buys[0]?.amount ?? NaN, 5);
    expect(first?.triggerPrice).toBe(floorToStep((buys[0]?.price ?? 0) * 0.97, 0.01));
    // After the second buy: the whole position, at 97% of the new average entry.
    const held = (buys[0]?.amount ?? 0) + (buys[1]?.amount ?? 0);
    expect(second?.amount).toBeCloseTo(held, 5);
    const average =
      ((buys[0]?.price ?? 0) * (buys[0]?.amount ?? 0) +
        (buys[1]?.price ?? 0) * (buys[1]?.amount ?? 0)) /
      held;
    expect(second?.triggerPrice).toBeCloseTo(floorToStep(average * 0.97, 0.01), 1);
    // The strategy's exit went out after the stop was canceled, and sold everything.
    const exit = result.orders.find((order) => order.tag === 'done');
    expect(exit?.state).toBe('filled');
    expect((second?.updatedAt ?? Infinity) <= (exit?.createdAt ?? 0)).toBe(true);
    expect(result.ledger.position).toBe(0);
    expect(result.orders.filter((order) => order.state === 'open')).toEqual([]);
  });
});

describe('on an exchange without native stops', () => {
  it('the engine enforces the stop-loss and says so', async () => {
    const clock = createManualClock(0);
    const simulated = createSimulatedExchange({
      samples: { 'BTC/USDT': candles },
      clock,
      timers: clock,
      speed: 60_000,
      balances: { USDT: 10_000 },
      startIndex: 10,
    });
    const exchange = { ...simulated, supportsNativeStops: false };
    const market = (await exchange.loadMarkets())['BTC/USDT'];
    if (!market) throw new Error('no market');
    const store = createMemoryBotStore();
    const runtime = createBotRuntime({
      bot: {
        id: 'bot-1',
        shortId: 'abc123',
        config: {
          name: 'Hold',
          mode: 'simulated',
          accountId: 'acc',
          symbol: 'BTC/USDT',
          strategyId: buyAndHold.id,
          timeframe: '1m',
          params: {},
          allocation: 5_000,
          risk: { stopLoss: { kind: 'percent', percent: 3, onExchange: true } },
        },
        configVersion: 1,
        status: 'running',
        createdAt: 0,
        updatedAt: 0,
      },
      strategy: buyAndHold,
      market,
      exchange,
      store,
      clock,
      timers: clock,
    });
    await runtime.init('running');
    const hub = createMarketHub(exchange);
    hub.subscribeCandles('BTC/USDT', '1m', (candle) => void runtime.handleCandle(candle));
    exchange.watchMyTrades((trade) => void runtime.handleTrade(trade));
    exchange.start();
    for (let minute = 0; minute < 3_000; minute++) {
      clock.advance(1);
      await runtime.idle();
    }
    const notice = store.events.filter((event) => event.data?.rule === 'stopLoss.onExchange');
    expect(notice).toHaveLength(1);
    expect(notice[0]?.message).toMatch(/no native stop orders, so the engine enforces/);
    const orders = [...store.orders.values()];
    expect(orders.some((order) => order.triggerPrice !== undefined)).toBe(false);
    expect(orders.at(-1)).toMatchObject({ tag: 'risk:stop_loss', state: 'filled' });
    expect(store.events.some((event) => event.type === 'risk_exit')).toBe(true);
  });
});
