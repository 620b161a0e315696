/**
 * Integration: injected faults as the real ccxt binance class sees them — 429 / 418 with
 * Retry-After, 5xx, timeouts, a dropped order acknowledgement retried with the same client order
 * id (exactly one order), partial fills — and the /__sim/faults admin endpoint.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SimExchange } from './server';
import { binanceFor, ccxt, startSim } from './testSupport';
import type { Binance } from './testSupport';

const {
  DDoSProtection,
  ExchangeError,
  InvalidOrder,
  NetworkError,
  OperationFailed,
  RequestTimeout,
} = ccxt;
const BTCUSDT = { id: 'BTCUSDT', symbol: 'BTC/USDT', base: 'BTC', quote: 'USDT' };
let sim: SimExchange;
let exchange: Binance;

beforeAll(async () => {
  sim = await startSim({ balances: { USDT: 10_000, BTC: 0.1 } });
  exchange = binanceFor(sim, { timeout: 1_000 });
  await exchange.loadMarkets();
});
beforeEach(() => sim.faults.clear());
afterAll(async () => {
  await exchange.close();
  await sim.close();
});

/** Calls `call`; on 429/418 waits the Retry-After seconds ccxt saw, once, and calls again. */
async function withRetryAfter<T>(
  call: () => Promise<T>,
): Promise<{ result: T; waitedSeconds: number }> {
  try {
    return { result: await call(), waitedSeconds: 0 };
  } catch (error) {
    if (!(error instanceof DDoSProtection)) throw error;
    const seconds = Number(exchange.last_response_headers?.['Retry-After']);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1_000));
    return { result: await call(), waitedSeconds: seconds };
  }
}

describe('sim exchange faults with ccxt binance', () => {
  it('answers 429 with Retry-After; ccxt raises DDoSProtection and a retry after the wait works', async () => {
    sim.faults.add({ kind: 'rate_limit', retryAfterSeconds: 1 });
    await expect(exchange.fetchBalance()).rejects.toThrow(/429.*-1003/s);
    expect(exchange.last_response_headers?.['Retry-After']).toBe('1');

    sim.faults.add({ kind: 'rate_limit', retryAfterSeconds: 1 });
    const { result, waitedSeconds } = await withRetryAfter(() => exchange.fetchBalance());
    expect(waitedSeconds).toBe(1);
    expect(result.USDT?.total).toBe(10_000);
    expect(sim.faults.list()).toEqual([]);
  });

  it('answers 418 bans and 5xx errors', async () => {
    sim.faults.add({ kind: 'ban', retryAfterSeconds: 120 });
    const ban = exchange.fetchTicker('BTC/USDT');
    await expect(ban).rejects.toBeInstanceOf(DDoSProtection);
    await expect(ban).rejects.toThrow(/418.*IP banned until/s);
    expect(exchange.last_response_headers?.['Retry-After']).toBe('120');

    // Binance's 5xx body is -1001 "Internal error"; ccxt maps it to OperationFailed (retryable).
    sim.faults.add({ kind: 'server_error', status: 503, count: 2 });
    const failed = exchange.fetchTime();
    await expect(failed).rejects.toBeInstanceOf(OperationFailed);
    await expect(failed).rejects.not.toBeInstanceOf(ExchangeError);
    await expect(exchange.fetchTime()).rejects.toThrow(/-1001/);
    expect(await exchange.fetchTime()).toBeGreaterThan(0);
  });

  it('never answers a timed-out request; ccxt gives up with RequestTimeout', async () => {
    sim.faults.add({ kind: 'timeout', match: { path: '/api/v3/account' } });
    await expect(exchange.fetchBalance()).rejects.toBeInstanceOf(RequestTimeout);
    expect((await exchange.fetchBalance()).USDT?.total).toBe(10_000);
  });

  it('accepts an order whose acknowledgement is dropped; the retry with the same client id is refused as a duplicate', async () => {
    const price = Math.round(sim.engine.touch(BTCUSDT).bid * 0.8);
    sim.faults.add({ kind: 'drop_response' });
    const place = () =>
      exchange.createOrder('BTC/USDT', 'limit', 'buy', 0.001, price, {
        clientOrderId: 'drop-ack-1',
      });
    await expect(place()).rejects.toBeInstanceOf(NetworkError);
    const retry = place();
    await expect(retry).rejects.toBeInstanceOf(InvalidOrder);
    await expect(retry).rejects.toThrow(/-2010.*Duplicate order sent/s);
    const found = await exchange.fetchOrder('', 'BTC/USDT', { clientOrderId: 'drop-ack-1' });
    expect(found).toMatchObject({ status: 'open', clientOrderId: 'drop-ack-1', amount: 0.001 });
    const open = await exchange.fetchOpenOrders('BTC/USDT');
    expect(open.filter((order) => order.clientOrderId === 'drop-ack-1')).toHaveLength(1);
    await exchange.cancelOrder(found.id as string, 'BTC/USDT');
  });

  it('partially fills the next orders: a market order expires with the rest, a limit keeps it open', async () => {
    sim.faults.add({ kind: 'partial_fill', fraction: 0.5, count: 2 });
    const market = await exchange.createOrder('BTC/USDT', 'market', 'buy', 0.002, undefined, {
      clientOrderId: 'partial-market',
    });
    expect(market).toMatchObject({ status: 'expired', filled: 0.001, remaining: 0.001 });

    const price = Math.round(sim.engine.touch(BTCUSDT).ask * 1.02);
    const limit = await exchange.createOrder('BTC/USDT', 'limit', 'buy', 0.002, price, {
      clientOrderId: 'partial-limit',
    });
    expect(limit).toMatchObject({ status: 'open', filled: 0.001, remaining: 0.001 });
    sim.market.advance(3 * 60_000);
    const done = await exchange.fetchOrder(limit.id as string, 'BTC/USDT');
    expect(done).toMatchObject({ status: 'closed', filled: 0.002, remaining: 0 });
    const trades = await exchange.fetchMyTrades('BTC/USDT', undefined, undefined, {
      orderId: limit.id,
    });
    expect(trades.map((trade) => trade.takerOrMaker)).toEqual(['taker', 'maker']);
  });

  it('arms faults over the admin endpoint and names a bad field', async () => {
    const armed = await fetch(`${sim.url}/__sim/faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'rate_limit', count: 2, retryAfterSeconds: 3 }),
    });
    expect(armed.status).toBe(200);
    expect(await armed.json()).toMatchObject({
      kind: 'rate_limit',
      count: 2,
      retryAfterSeconds: 3,
    });
    const response = await fetch(`${sim.url}/api/v3/time`);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3');
    expect(await response.json()).toMatchObject({ code: -1003 });
    const listed = (await (await fetch(`${sim.url}/__sim/faults`)).json()) as { count: number }[];
    expect(listed.map((fault) => fault.count)).toEqual([1]);
    await fetch(`${sim.url}/__sim/faults`, { method: 'DELETE' });
    expect((await fetch(`${sim.url}/api/v3/time`)).status).toBe(200);

    const bad = await fetch(`${sim.url}/__sim/faults`, {
      method: 'POST',
      body: '{"kind":"meteor"}',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^kind must be one of/);
    const badCount = await fetch(`${sim.url}/__sim/faults`, {
      method: 'POST',
      body: '{"kind":"timeout","count":0}',
    });
    expect(((await badCount.json()) as { error: string }).error).toBe('count is out of range');
  });
});
