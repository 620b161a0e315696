/**
 * Integration: the adapter's streams against the simulator (speed 0, stepped by hand) —
 * closed 1m candles exactly once and in order over watchOHLCV, back-filled from REST after the
 * simulator drops the socket; the same by polling with ccxt's REST-only class; and this
 * account's order updates and executions, streamed (user data stream) and polled.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Candle } from '../../core/market/candle';
import type { ExchangeOrder, ExchangeTrade } from '../../core/orders/types';
import type { CcxtExchangePort } from './ccxtExchange';
import { eventually, openOnSim, startSim, touch } from './testSupport';
import type { SimExchange } from './testSupport';

const MINUTE = 60_000;
let sim: SimExchange;
let exchange: CcxtExchangePort;
let notices: string[];

beforeEach(async () => {
  sim = await startSim({ balances: { USDT: 10_000, BTC: 0.1 } });
});
afterEach(async () => {
  await exchange.close();
  await sim.close();
});

/** Steps the market one minute and waits until `got` holds `count` candles. */
async function nextMinute(got: Candle[], count: number) {
  sim.market.advance(MINUTE);
  await eventually(
    () => got.length,
    (length) => length >= count,
  );
}

/** The closed candles REST reports for the times of `got`. */
async function restCandles(got: Candle[]) {
  const first = got[0]?.time ?? 0;
  return exchange.fetchOHLCV('BTC/USDT', '1m', first, got.length);
}

// Real sockets and ccxt's rate limiter on a shared machine: allow more than the default 5 s.
const SLOW = { timeout: 20_000 };

describe('candle stream', () => {
  it(
    'emits each closed candle once over watchOHLCV and back-fills after a dropped socket',
    SLOW,
    async () => {
      ({ exchange, notices } = await openOnSim(sim));
      const start = Math.floor(sim.market.time() / MINUTE) * MINUTE;
      const got: Candle[] = [];
      const stop = exchange.watchCandles('BTC/USDT', (candle) => got.push(candle));
      for (let count = 1; count <= 3; count++) await nextMinute(got, count);

      expect(sim.disconnect('streams')).toBe(1);
      sim.market.advance(3 * MINUTE); // three candles close while the socket is down
      await eventually(
        () => got.length,
        (length) => length >= 6,
      );
      await nextMinute(got, 7);
      stop();

      expect(got.map((candle) => candle.time)).toEqual(
        [0, 1, 2, 3, 4, 5, 6].map((i) => start + i * MINUTE),
      );
      expect(got).toEqual(await restCandles(got));
      expect(notices.some((notice) => /interrupted.*reconnecting/.test(notice))).toBe(true);
      expect(notices.some((notice) => /Back-filled 3 candle/.test(notice))).toBe(true);
    },
  );

  it('polls closed candles where there is no WebSocket, each once', SLOW, async () => {
    ({ exchange, notices } = await openOnSim(sim, { restOnly: true, pollIntervalMs: 1_000 }));
    const start = Math.floor(sim.market.time() / MINUTE) * MINUTE;
    const got: Candle[] = [];
    const stop = exchange.watchCandles('BTC/USDT', (candle) => got.push(candle));
    await nextMinute(got, 1);
    sim.market.advance(2 * MINUTE);
    await eventually(
      () => got.length,
      (length) => length >= 3,
    );
    await nextMinute(got, 4);
    stop();
    expect(got.map((candle) => candle.time)).toEqual([0, 1, 2, 3].map((i) => start + i * MINUTE));
    expect(got).toEqual(await restCandles(got));
    const closed = await exchange.fetchOHLCV('BTC/USDT', '1m', undefined, 2);
    expect(closed.map((candle) => candle.time)).toEqual([start + 2 * MINUTE, start + 3 * MINUTE]);
  });
});

describe('account streams', () => {
  const watchAll = () => {
    const orders: ExchangeOrder[] = [];
    const trades: ExchangeTrade[] = [];
    exchange.watchOrders((order) => orders.push(order));
    exchange.watchMyTrades((trade) => trades.push(trade));
    return { orders, trades };
  };

  it('streams order updates and executions with our client order ids', SLOW, async () => {
    ({ exchange, notices } = await openOnSim(sim));
    const { orders, trades } = watchAll();
    await eventually(
      () => sim.userDataSubscriptions(),
      (count) => count >= 1,
    );
    const price = Math.round(touch(sim).bid * 0.9);
    const limit = await exchange.createOrder({
      symbol: 'BTC/USDT',
      type: 'limit',
      side: 'buy',
      amount: 0.001,
      price,
      clientOrderId: 'fltstream00001',
    });
    await exchange.cancelOrder(limit.id, 'BTC/USDT');
    await exchange.createOrder({
      symbol: 'BTC/USDT',
      type: 'market',
      side: 'sell',
      amount: 0.001,
      clientOrderId: 'fltstream00002',
    });
    await eventually(
      () => trades.length + orders.filter((order) => order.status !== 'open').length,
      (count) => count >= 3,
    );
    expect(
      orders.filter((order) => order.clientOrderId === 'fltstream00001').map((o) => o.status),
    ).toEqual(['open', 'canceled']);
    expect(trades).toHaveLength(1);
    expect(trades[0]).toMatchObject({
      clientOrderId: 'fltstream00002',
      side: 'sell',
      amount: 0.001,
    });

    // The socket drops: the streams reconnect and later executions still arrive, once each.
    sim.disconnect('api');
    await eventually(
      () => notices.filter((notice) => /interrupted/.test(notice)).length,
      (count) => count >= 2,
    );
    await exchange.createOrder({
      symbol: 'BTC/USDT',
      type: 'market',
      side: 'sell',
      amount: 0.001,
      clientOrderId: 'fltstream00003',
    });
    await eventually(
      () => trades.map((trade) => trade.clientOrderId),
      (ids) => ids.includes('fltstream00003'),
    );
    expect(new Set(trades.map((trade) => trade.id)).size).toBe(trades.length);
  });

  it('polls order changes and executions where there is no stream', SLOW, async () => {
    ({ exchange } = await openOnSim(sim, { restOnly: true, pollIntervalMs: 1_000 }));
    const { orders, trades } = watchAll();
    const price = Math.round(touch(sim).bid * 0.9);
    const limit = await exchange.createOrder({
      symbol: 'BTC/USDT',
      type: 'limit',
      side: 'buy',
      amount: 0.001,
      price,
      clientOrderId: 'fltpoll000001',
    });
    await eventually(
      () => orders.length,
      (length) => length >= 1,
    );
    await exchange.cancelOrder(limit.id, 'BTC/USDT');
    await exchange.createOrder({
      symbol: 'BTC/USDT',
      type: 'market',
      side: 'buy',
      amount: 0.001,
      clientOrderId: 'fltpoll000002',
    });
    await eventually(
      () => orders.length + trades.length,
      (count) => count >= 3,
    );
    expect(orders.map((order) => [order.clientOrderId, order.status])).toEqual([
      ['fltpoll000001', 'open'],
      ['fltpoll000001', 'canceled'],
    ]);
    expect(trades.map((trade) => trade.clientOrderId)).toEqual(['fltpoll000002']);
  });
});
