/**
 * Integration: ccxt's binance pro class over the simulator's WebSockets — market streams
 * (watchOHLCV, watchTicker) and the WebSocket API (fetchBalanceWs, createOrderWs,
 * cancelOrderWs, fetchOrderWs, fetchOpenOrdersWs) with watchOrders fed by executionReport.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimExchange } from './server';
import { binanceFor, ccxt, eventually, startSim } from './testSupport';
import type { Binance } from './testSupport';

const { AuthenticationError, InsufficientFunds, RateLimitExceeded } = ccxt;
const BTCUSDT = { id: 'BTCUSDT', symbol: 'BTC/USDT', base: 'BTC', quote: 'USDT' };
let sim: SimExchange;
let exchange: Binance;

beforeAll(async () => {
  sim = await startSim({ balances: { USDT: 10_000, BTC: 0.1 } });
  exchange = binanceFor(sim);
  // In Node, ccxt needs an http agent for ws:// (non-TLS) URLs; browsers do not.
  await exchange.loadHttpProxyAgent();
  await exchange.loadMarkets();
});
afterAll(async () => {
  await exchange.close();
  await sim.close();
});

describe('sim exchange WebSockets with ccxt binance pro', () => {
  it('streams klines: the current candle at once, the next one when the market moves', async () => {
    const first = await exchange.watchOHLCV('BTC/USDT', '1m');
    const current = first.at(-1) as number[];
    const [rest] = await exchange.fetchOHLCV('BTC/USDT', '1m', current[0], 1);
    expect(current.slice(0, 2)).toEqual(rest?.slice(0, 2));

    sim.market.advance(60_000);
    const cached = () => exchange.ohlcvs['BTC/USDT']?.['1m'] as unknown as number[][];
    const rows = await eventually(cached, (all) =>
      all.some((row) => row[0] === (current[0] as number) + 60_000),
    );
    const closed = rows.find((row) => row[0] === current[0]);
    const [closedRest] = await exchange.fetchOHLCV('BTC/USDT', '1m', current[0], 1);
    expect(closed).toEqual(closedRest);
  });

  it('streams the 24h mini ticker (watchTicker default), the full ticker and the book ticker', async () => {
    const { bid, ask } = sim.engine.touch(BTCUSDT);
    const mini = await exchange.watchTicker('BTC/USDT');
    expect(mini).toMatchObject({ symbol: 'BTC/USDT', last: bid });
    const usdc = await exchange.watchTicker('BTC/USDC', { name: 'ticker' });
    expect(usdc.symbol).toBe('BTC/USDC');
    expect(usdc.ask).toBeGreaterThan(usdc.bid as number);
    const book = await exchange.watchBidsAsks(['BTC/USDT']);
    expect(book['BTC/USDT']).toMatchObject({ bid, ask });
  });

  it('trades over the WebSocket API and pushes executionReports to watchOrders', async () => {
    // ccxt 4.5.84 parses account.status without the account type, so fetchBalanceWs leaves the
    // unified fields empty for spot; the raw account is in `info` (docs/exchange-simulator.md).
    const balance = await exchange.fetchBalanceWs();
    const usdt = (balance.info as { balances: { asset: string; free: string }[] }).balances.find(
      (entry) => entry.asset === 'USDT',
    );
    expect(usdt?.free).toBe('10000.00000000');

    const updates = exchange.watchOrders('BTC/USDT');
    await eventually(
      () => sim.userDataSubscriptions(),
      (count) => count === 1,
    );
    const price = Math.round(sim.engine.touch(BTCUSDT).bid * 0.9);
    const order = await exchange.createOrderWs('BTC/USDT', 'limit', 'buy', 0.001, price, {
      clientOrderId: 'ws-limit-1',
    });
    expect(order).toMatchObject({
      status: 'open',
      clientOrderId: 'ws-limit-1',
      amount: 0.001,
      price,
    });
    const seen = await updates;
    expect(seen.at(-1)).toMatchObject({
      id: order.id,
      status: 'open',
      clientOrderId: 'ws-limit-1',
    });

    expect(await exchange.fetchOrderWs(order.id as string, 'BTC/USDT')).toMatchObject({
      status: 'open',
    });
    const open = await exchange.fetchOpenOrdersWs('BTC/USDT');
    expect(open.map((o) => o.id)).toEqual([order.id]);

    const nextUpdate = exchange.watchOrders('BTC/USDT');
    const canceled = await exchange.cancelOrderWs(order.id as string, 'BTC/USDT');
    expect(canceled.status).toBe('canceled');
    const afterCancel = await nextUpdate;
    expect(afterCancel.find((o) => o.id === order.id)).toMatchObject({
      status: 'canceled',
      clientOrderId: 'ws-limit-1',
    });

    const filledUpdate = exchange.watchOrders('BTC/USDT');
    const market = await exchange.createOrderWs('BTC/USDT', 'market', 'sell', 0.001, undefined, {
      clientOrderId: 'ws-market-1',
    });
    expect(market).toMatchObject({ status: 'closed', filled: 0.001 });
    const filled = await eventually(
      async () => (await filledUpdate).concat(exchange.orders ? [...exchange.orders] : []),
      (all) => all.some((o) => o.clientOrderId === 'ws-market-1' && o.status === 'closed'),
    );
    expect(filled.some((o) => o.id === market.id)).toBe(true);
    const after = await exchange.fetchBalance();
    expect(after.BTC?.total).toBeCloseTo(0.099, 8);
  });

  it('maps WebSocket API errors to ccxt errors', async () => {
    await expect(exchange.createOrderWs('BTC/USDT', 'market', 'buy', 5)).rejects.toBeInstanceOf(
      InsufficientFunds,
    );
    sim.faults.add({ kind: 'rate_limit', match: { method: 'WS', path: 'account.status' } });
    await expect(exchange.fetchBalanceWs()).rejects.toBeInstanceOf(RateLimitExceeded);
    const badSecret = binanceFor(sim, { secret: 'wrong' });
    try {
      await badSecret.loadHttpProxyAgent();
      await badSecret.loadMarkets();
      await expect(badSecret.fetchBalanceWs()).rejects.toBeInstanceOf(AuthenticationError);
    } finally {
      await badSecret.close();
    }
  });
});
