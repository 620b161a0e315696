/**
 * Integration: the adapter trading over Binance's REST API (the proxy / Node path) with ccxt's
 * real binance class against the simulator: order round trips with client order ids, 429 with
 * Retry-After waited out and bounded, bans not waited out, and a dropped acknowledgement —
 * also when the lookup fails and the resend is refused as a duplicate — yielding ONE order.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExchangeError } from '../../core/exchangePort';
import type { CcxtExchangePort } from './ccxtExchange';
import { RATE_LIMIT_ATTEMPTS } from './retry';
import { openOnSim, simOrdersWithClientId, startSim, touch } from './testSupport';
import type { RecordingTimers, SimExchange } from './testSupport';

let sim: SimExchange;
let exchange: CcxtExchangePort;
let timers: RecordingTimers;

beforeAll(async () => {
  sim = await startSim({ balances: { USDT: 10_000, BTC: 0.1 } });
  ({ exchange, timers } = await openOnSim(sim, { config: { preferRest: true } }));
});
beforeEach(() => sim.faults.clear());
afterAll(async () => {
  await exchange.close();
  await sim.close();
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as ExchangeError,
  );

describe('ccxt adapter over REST', () => {
  it('trades market and limit orders with client order ids', async () => {
    expect(exchange.tradingPath).toBe('rest');
    const market = await exchange.createOrder({
      symbol: 'BTC/USDT',
      type: 'market',
      side: 'buy',
      amount: 0.002,
      clientOrderId: 'fltrest00000001',
    });
    expect(market).toMatchObject({
      status: 'closed',
      filled: 0.002,
      clientOrderId: 'fltrest00000001',
    });
    const price = Math.round(touch(sim).ask * 1.1);
    const limit = await exchange.createOrder({
      symbol: 'BTC/USDT',
      type: 'limit',
      side: 'sell',
      amount: 0.001,
      price,
      clientOrderId: 'fltrest00000002',
    });
    expect(limit).toMatchObject({ status: 'open', price, clientOrderId: 'fltrest00000002' });
    expect(await exchange.fetchOrderByClientId('fltrest00000001', 'BTC/USDT')).toMatchObject({
      id: market.id,
      status: 'closed',
    });
    expect(await exchange.fetchOrderByClientId('fltrest99999999', 'BTC/USDT')).toBeUndefined();
    expect((await exchange.fetchOpenOrders()).map((order) => order.clientOrderId)).toEqual([
      'fltrest00000002',
    ]);
    expect((await exchange.fetchBalance()).BTC?.used).toBeCloseTo(0.001, 9);
    const canceled = await exchange.cancelOrder(limit.id, 'BTC/USDT');
    expect(canceled).toMatchObject({ status: 'canceled', clientOrderId: 'fltrest00000002' });
    const trades = await exchange.fetchMyTrades('BTC/USDT');
    expect(trades.map((trade) => trade.clientOrderId)).toEqual(['fltrest00000001']);
  });

  it('honours Retry-After on 429 and then succeeds', async () => {
    sim.faults.add({
      kind: 'rate_limit',
      retryAfterSeconds: 3,
      match: { path: '/api/v3/account' },
    });
    const before = timers.delays.length;
    expect((await exchange.fetchBalance()).USDT?.total).toBeGreaterThan(0);
    expect(timers.delays.slice(before)).toContain(3_000);
  });

  it('gives up with rate_limited after a bounded number of 429s, and at once on a long ban', async () => {
    sim.faults.add({ kind: 'rate_limit', count: 10, match: { path: '/api/v3/account' } });
    const error = await failure(exchange.fetchBalance());
    expect(error).toBeInstanceOf(ExchangeError);
    expect(error?.kind).toBe('rate_limited');
    expect(sim.faults.list()[0]?.count).toBe(10 - RATE_LIMIT_ATTEMPTS);
    sim.faults.clear();
    sim.faults.add({ kind: 'ban', retryAfterSeconds: 600, count: 5 });
    expect((await failure(exchange.fetchBalance()))?.kind).toBe('rate_limited');
    expect(sim.faults.list()[0]?.count).toBe(4);
  });

  it('retries network failures and 5xx, then reports them', async () => {
    sim.faults.add({ kind: 'server_error', status: 503, match: { path: '/api/v3/account' } });
    expect((await exchange.fetchBalance()).USDT?.total).toBeGreaterThan(0);
    sim.faults.add({
      kind: 'server_error',
      status: 503,
      count: 5,
      match: { path: '/api/v3/account' },
    });
    expect((await failure(exchange.fetchBalance()))?.kind).toBe('exchange_unavailable');
  });

  it('places exactly one order when its acknowledgement is dropped', async () => {
    sim.faults.add({ kind: 'drop_response' });
    const order = await exchange.createOrder({
      symbol: 'BTC/USDT',
      type: 'market',
      side: 'buy',
      amount: 0.001,
      clientOrderId: 'fltrest00000003',
    });
    expect(order).toMatchObject({ clientOrderId: 'fltrest00000003', status: 'closed' });
    expect(simOrdersWithClientId(sim, 'fltrest00000003')).toHaveLength(1);
  });

  it('adopts the first order when the resend is refused as a duplicate', async () => {
    const price = Math.round(touch(sim).bid * 0.8);
    sim.faults.add({ kind: 'drop_response' });
    // The lookup after the drop fails too, so the order is sent again: Binance says duplicate.
    sim.faults.add({ kind: 'server_error', match: { method: 'GET', path: '/api/v3/order' } });
    const order = await exchange.createOrder({
      symbol: 'BTC/USDT',
      type: 'limit',
      side: 'buy',
      amount: 0.001,
      price,
      clientOrderId: 'fltrest00000004',
    });
    expect(order).toMatchObject({ clientOrderId: 'fltrest00000004', status: 'open', price });
    expect(simOrdersWithClientId(sim, 'fltrest00000004')).toHaveLength(1);
    expect(sim.faults.list()).toEqual([]);
  });
});
