/**
 * Integration: the adapter with ccxt's real binance pro class against the local simulator,
 * trading over Binance's WebSocket API (the browser path): markets, balances, order round trips
 * with our client order ids, lookups by client order id, errors by kind, a dropped
 * acknowledgement that still yields exactly one order, and a rate limit waited out.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExchangeError } from '../../core/exchangePort';
import type { CcxtExchangePort } from './ccxtExchange';
import { openOnSim, simOrdersWithClientId, startSim, touch } from './testSupport';
import type { RecordingTimers, SimExchange } from './testSupport';

let sim: SimExchange;
let exchange: CcxtExchangePort;
let timers: RecordingTimers;

beforeAll(async () => {
  sim = await startSim({ balances: { USDT: 10_000, BTC: 0.1 } });
  ({ exchange, timers } = await openOnSim(sim));
});
beforeEach(() => sim.faults.clear());
afterAll(async () => {
  await exchange.close();
  await sim.close();
});

const kindOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof ExchangeError ? error.kind : String(error)),
  );

describe('ccxt adapter over the WebSocket API', () => {
  it('loads spot markets with precision steps, limits and fees', async () => {
    expect(exchange.tradingPath).toBe('websocket');
    expect(exchange.exchangeId).toBe('binance');
    // The simulator lists no STOP_LOSS order type, so stops stay with the engine.
    expect(exchange.supportsNativeStops).toBe(false);
    const markets = await exchange.loadMarkets();
    expect(Object.keys(markets).sort()).toEqual(['BTC/USDC', 'BTC/USDT']);
    expect(markets['BTC/USDT']).toEqual({
      id: 'BTCUSDT',
      symbol: 'BTC/USDT',
      base: 'BTC',
      quote: 'USDT',
      type: 'spot',
      spot: true,
      active: true,
      precision: { amount: 0.00001, price: 0.01 },
      limits: {
        amount: { min: 0.00001, max: 9000 },
        price: { min: 0.01, max: 1_000_000 },
        cost: { min: 5, max: 9_000_000 },
      },
      maker: 0.001,
      taker: 0.001,
    });
  });

  it('fetches balances over the WebSocket API (from Binance info, as ccxt leaves them empty)', async () => {
    const balances = await exchange.fetchBalance();
    expect(balances.USDT).toEqual({ free: 10_000, used: 0, total: 10_000 });
    expect(balances.BTC).toEqual({ free: 0.1, used: 0, total: 0.1 });
  });

  it('rests a limit order, finds it by id and client id, lists and cancels it', async () => {
    const price = Math.round(touch(sim).bid * 0.9);
    const order = await exchange.createOrder({
      symbol: 'BTC/USDT',
      type: 'limit',
      side: 'buy',
      amount: 0.0012345,
      price: price + 0.004,
      clientOrderId: 'fltwsbot000001',
    });
    expect(order).toMatchObject({
      clientOrderId: 'fltwsbot000001',
      status: 'open',
      type: 'limit',
      side: 'buy',
      amount: 0.00123,
      price,
      filled: 0,
      remaining: 0.00123,
    });
    expect(await exchange.fetchOrder(order.id, 'BTC/USDT')).toMatchObject({
      id: order.id,
      clientOrderId: 'fltwsbot000001',
    });
    expect(await exchange.fetchOrderByClientId('fltwsbot000001', 'BTC/USDT')).toMatchObject({
      id: order.id,
      status: 'open',
    });
    expect(await exchange.fetchOrderByClientId('fltnever000001', 'BTC/USDT')).toBeUndefined();
    expect((await exchange.fetchOpenOrders('BTC/USDT')).map((each) => each.id)).toEqual([order.id]);
    expect((await exchange.fetchBalance()).USDT?.used).toBeCloseTo(0.00123 * price, 6);

    const canceled = await exchange.cancelOrder(order.id, 'BTC/USDT');
    expect(canceled).toMatchObject({
      id: order.id,
      status: 'canceled',
      clientOrderId: 'fltwsbot000001',
    });
    expect(await exchange.fetchOpenOrders('BTC/USDT')).toEqual([]);
    expect(await kindOf(exchange.cancelOrder(order.id, 'BTC/USDT'))).toBe('order_not_found');
  });

  it('fills a market order and reports its trade with our client order id', async () => {
    const { ask } = touch(sim);
    const order = await exchange.createOrder({
      symbol: 'BTC/USDT',
      type: 'market',
      side: 'buy',
      amount: 0.001,
      clientOrderId: 'fltwsbot000002',
    });
    expect(order).toMatchObject({ status: 'closed', filled: 0.001, average: ask, type: 'market' });
    expect(order.price).toBeUndefined();
    const trades = await exchange.fetchMyTrades('BTC/USDT');
    expect(trades.at(-1)).toMatchObject({
      order: order.id,
      clientOrderId: 'fltwsbot000002',
      side: 'buy',
      type: 'market',
      takerOrMaker: 'taker',
      price: ask,
      amount: 0.001,
      fee: { cost: 0.000001, currency: 'BTC' },
    });
    expect((await exchange.fetchBalance()).BTC?.total).toBeCloseTo(0.1 + 0.000999, 9);
  });

  it('maps refusals to kinds: insufficient funds, invalid order, no native stops', async () => {
    const base = { symbol: 'BTC/USDT', side: 'buy', clientOrderId: 'fltwsbot000003' } as const;
    expect(await kindOf(exchange.createOrder({ ...base, type: 'market', amount: 5 }))).toBe(
      'insufficient_funds',
    );
    expect(
      await kindOf(exchange.createOrder({ ...base, type: 'limit', amount: 0.0001, price: 100 })),
    ).toBe('invalid_order');
    expect(
      await kindOf(
        exchange.createOrder({ ...base, type: 'market', amount: 0.001, triggerPrice: 1 }),
      ),
    ).toBe('invalid_order');
    expect(simOrdersWithClientId(sim, 'fltwsbot000003')).toEqual([]);
  });

  it('places exactly one order when the acknowledgement of the first attempt is lost', async () => {
    const price = Math.round(touch(sim).bid * 0.8);
    sim.faults.add({ kind: 'drop_response', match: { method: 'WS', path: 'order.place' } });
    const order = await exchange.createOrder({
      symbol: 'BTC/USDT',
      type: 'limit',
      side: 'buy',
      amount: 0.001,
      price,
      clientOrderId: 'fltwsbot000004',
    });
    expect(order).toMatchObject({ clientOrderId: 'fltwsbot000004', status: 'open' });
    expect(simOrdersWithClientId(sim, 'fltwsbot000004')).toHaveLength(1);
    await exchange.cancelOrder(order.id, 'BTC/USDT');

    // A market order is no longer open after it filled: found by lookup, not sent twice.
    sim.faults.add({ kind: 'drop_response', match: { method: 'WS', path: 'order.place' } });
    const market = await exchange.createOrder({
      symbol: 'BTC/USDT',
      type: 'market',
      side: 'sell',
      amount: 0.001,
      clientOrderId: 'fltwsbot000005',
    });
    expect(market).toMatchObject({ clientOrderId: 'fltwsbot000005', status: 'closed' });
    expect(simOrdersWithClientId(sim, 'fltwsbot000005')).toHaveLength(1);
  });

  it('waits out a rate limit and then answers', async () => {
    sim.faults.add({ kind: 'rate_limit', match: { method: 'WS', path: 'account.status' } });
    const before = timers.delays.length;
    expect((await exchange.fetchBalance()).USDT?.total).toBeGreaterThan(0);
    expect(timers.delays.slice(before).some((delay) => delay >= 500)).toBe(true);
    expect(sim.faults.list()).toEqual([]);
  });

  it('maps a wrong secret to auth', async () => {
    const { exchange: wrong } = await openOnSim(sim, {
      config: { credentials: { apiKey: sim.credentials.apiKey, secret: 'not-the-secret' } },
    });
    try {
      expect(await kindOf(wrong.fetchBalance())).toBe('auth');
    } finally {
      await wrong.close();
    }
  });
});
