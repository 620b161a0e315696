/**
 * Integration: the real ccxt binance class against the simulator's REST API — markets,
 * balances, tickers, klines, order round trips with client order ids, and Binance's errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimExchange } from './server';
import { binanceFor, ccxt, startSim } from './testSupport';
import type { Binance } from './testSupport';

const { AuthenticationError, BadRequest, InsufficientFunds, OrderNotFound } = ccxt;
let sim: SimExchange;
let exchange: Binance;

beforeAll(async () => {
  sim = await startSim({ balances: { USDT: 10_000, BTC: 0.1 } });
  exchange = binanceFor(sim);
});
afterAll(async () => {
  await exchange.close();
  await sim.close();
});

describe('sim exchange REST with ccxt binance', () => {
  it('loads spot markets from exchangeInfo with their filters', async () => {
    const markets = await exchange.loadMarkets();
    const market = markets['BTC/USDT'];
    expect(market).toMatchObject({
      id: 'BTCUSDT',
      spot: true,
      active: true,
      base: 'BTC',
      quote: 'USDT',
    });
    expect(market?.precision).toMatchObject({ amount: 0.00001, price: 0.01 });
    expect(market?.limits.cost?.min).toBe(5);
    expect(market?.limits.amount?.min).toBe(0.00001);
    expect(Object.keys(markets).sort()).toEqual(['BTC/USDC', 'BTC/USDT']);
  });

  it('answers fetchTime with the wall clock and fetchBalance with the account', async () => {
    const before = Date.now();
    const time = await exchange.fetchTime();
    expect(time).toBeGreaterThanOrEqual(before - 1);
    const balance = await exchange.fetchBalance();
    expect(balance.USDT).toMatchObject({ free: 10_000, used: 0, total: 10_000 });
    expect(balance.BTC?.free).toBe(0.1);
  });

  it('serves tickers and klines from the replayed candles', async () => {
    const ticker = await exchange.fetchTicker('BTC/USDT');
    expect(ticker.symbol).toBe('BTC/USDT');
    expect(ticker.last).toBeGreaterThan(10_000);
    expect(ticker.ask).toBeGreaterThan(ticker.bid as number);
    const tickers = await exchange.fetchTickers(['BTC/USDT', 'BTC/USDC']);
    expect(Object.keys(tickers).sort()).toEqual(['BTC/USDC', 'BTC/USDT']);

    const candles = await exchange.fetchOHLCV('BTC/USDT', '1m', undefined, 5);
    expect(candles).toHaveLength(5);
    const times = candles.map((candle) => candle[0] as number);
    expect(times.every((time, i) => i === 0 || time - (times[i - 1] as number) === 60_000)).toBe(
      true,
    );
    const fiveMinutes = await exchange.fetchOHLCV('BTC/USDT', '5m', undefined, 3);
    expect(fiveMinutes).toHaveLength(3);
    expect((fiveMinutes[0]?.[0] as number) % 300_000).toBe(0);
    const since = await exchange.fetchOHLCV('BTC/USDT', '1m', times[0], 2);
    expect(since.map((row) => row[0])).toEqual(times.slice(0, 2));
  });

  it('fills a market order at the current price and finds it by id and client order id', async () => {
    const { ask } = sim.engine.touch({
      id: 'BTCUSDT',
      symbol: 'BTC/USDT',
      base: 'BTC',
      quote: 'USDT',
    });
    const order = await exchange.createOrder('BTC/USDT', 'market', 'buy', 0.001, undefined, {
      clientOrderId: 'rest-market-1',
    });
    expect(order).toMatchObject({
      status: 'closed',
      filled: 0.001,
      clientOrderId: 'rest-market-1',
    });
    expect(order.average).toBe(ask);
    const byId = await exchange.fetchOrder(order.id as string, 'BTC/USDT');
    expect(byId.clientOrderId).toBe('rest-market-1');
    const byClientId = await exchange.fetchOrder('', 'BTC/USDT', {
      clientOrderId: 'rest-market-1',
    });
    expect(byClientId.id).toBe(order.id);
    const trades = await exchange.fetchMyTrades('BTC/USDT');
    expect(trades.at(-1)).toMatchObject({
      order: order.id,
      amount: 0.001,
      side: 'buy',
      takerOrMaker: 'taker',
    });
    const balance = await exchange.fetchBalance();
    expect(balance.BTC?.total).toBeCloseTo(0.1 + 0.001 * 0.999, 8);
    expect(balance.USDT?.total).toBeCloseTo(10_000 - 0.001 * ask, 6);
  });

  it('rests a limit order, lists it, cancels it and releases the funds', async () => {
    const { bid } = sim.engine.touch({
      id: 'BTCUSDT',
      symbol: 'BTC/USDT',
      base: 'BTC',
      quote: 'USDT',
    });
    const price = Math.round(bid * 0.9);
    const order = await exchange.createOrder('BTC/USDT', 'limit', 'buy', 0.001, price, {
      clientOrderId: 'rest-limit-1',
    });
    expect(order).toMatchObject({
      status: 'open',
      filled: 0,
      price,
      clientOrderId: 'rest-limit-1',
    });
    expect((await exchange.fetchBalance()).USDT?.used).toBeCloseTo(0.001 * price, 6);
    const open = await exchange.fetchOpenOrders('BTC/USDT');
    expect(open.map((o) => o.id)).toEqual([order.id]);
    const canceled = await exchange.cancelOrder(order.id as string, 'BTC/USDT');
    expect(canceled.status).toBe('canceled');
    expect(await exchange.fetchOpenOrders('BTC/USDT')).toEqual([]);
    expect((await exchange.fetchBalance()).USDT?.used).toBe(0);
    await expect(exchange.cancelOrder(order.id as string, 'BTC/USDT')).rejects.toBeInstanceOf(
      OrderNotFound,
    );
    await expect(exchange.fetchOrder('999999', 'BTC/USDT')).rejects.toBeInstanceOf(OrderNotFound);
    const all = await exchange.fetchOrders('BTC/USDT');
    expect(all.map((o) => o.clientOrderId)).toEqual(['rest-market-1', 'rest-limit-1']);
  });

  it('fills a resting limit when the replayed price path crosses it', async () => {
    const symbol = 'BTC/USDT';
    const now = sim.market.time();
    const { low } = sim.market.rangeBetween(symbol, now, now + 30 * 60_000);
    const { bid } = sim.engine.touch({ id: 'BTCUSDT', symbol, base: 'BTC', quote: 'USDT' });
    expect(low).toBeLessThan(bid);
    const order = await exchange.createOrder(symbol, 'limit', 'buy', 0.001, low, {
      clientOrderId: 'rest-rest-1',
    });
    expect(order.status).toBe('open');
    sim.market.advance(30 * 60_000);
    const filled = await exchange.fetchOrder(order.id as string, symbol);
    expect(filled).toMatchObject({ status: 'closed', filled: 0.001, price: low, average: low });
    const trade = (await exchange.fetchMyTrades(symbol)).at(-1);
    expect(trade).toMatchObject({ order: order.id, takerOrMaker: 'maker', price: low });
  });

  it('maps Binance errors to ccxt errors', async () => {
    await expect(exchange.createOrder('BTC/USDT', 'market', 'buy', 5)).rejects.toBeInstanceOf(
      InsufficientFunds,
    );
    await expect(
      exchange.createOrder('BTC/USDT', 'limit', 'buy', 0.0001, 100, { clientOrderId: 'too-small' }),
    ).rejects.toThrow(/NOTIONAL/);
    const badSecret = binanceFor(sim, { secret: 'not-the-secret' });
    await expect(badSecret.fetchBalance()).rejects.toBeInstanceOf(AuthenticationError);
    await expect(badSecret.fetchBalance()).rejects.toThrow(/-1022/);
    const badKey = binanceFor(sim, { apiKey: 'someone-else' });
    await expect(badKey.fetchBalance()).rejects.toBeInstanceOf(AuthenticationError);
    await expect(badKey.fetchBalance()).rejects.toThrow(/-2015/);
    const skewed = binanceFor(sim);
    skewed.nonce = () => Date.now() - 60_000;
    await expect(skewed.fetchBalance()).rejects.toThrow(/-1021/);
    await expect(exchange.fetchOHLCV('BTC/USDT', '1w')).rejects.toBeInstanceOf(BadRequest);
  });
});
