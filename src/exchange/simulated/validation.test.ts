import { describe, expect, it } from 'vitest';
import { ExchangeError } from '../../core/exchangePort';
import type { OrderRequest } from '../../core/orders/types';
import { createTestExchange } from './testSupport';

const request = (extra: Partial<OrderRequest> = {}): OrderRequest => ({
  symbol: 'BTC/USDT',
  type: 'limit',
  side: 'buy',
  amount: 0.01,
  price: 20_000,
  clientOrderId: 'v-1',
  ...extra,
});

describe('order validation', () => {
  it('throws insufficient_funds when free quote or base does not cover the order', async () => {
    const { exchange } = createTestExchange({ balances: { USDT: 1_000 } });
    // 0.05 BTC x 20,000 x 1.001 = 1,001 USDT > 1,000.
    await expect(exchange.createOrder(request({ amount: 0.05 }))).rejects.toMatchObject({
      kind: 'insufficient_funds',
      message: expect.stringMatching(/Insufficient USDT/),
    });
    await expect(
      exchange.createOrder(request({ side: 'sell', type: 'market', price: undefined })),
    ).rejects.toMatchObject({ kind: 'insufficient_funds', message: expect.stringMatching(/BTC/) });
    // What is held for one order is not free for the next.
    await exchange.createOrder(request({ amount: 0.04, clientOrderId: 'v-2' }));
    await expect(
      exchange.createOrder(request({ amount: 0.01, clientOrderId: 'v-3' })),
    ).rejects.toBeInstanceOf(ExchangeError);
  });

  it('holds a market buy at the last price plus slippage and a 0.5% buffer', async () => {
    const { exchange } = createTestExchange({ slippageBps: 20 });
    const last = exchange.getLastPrice('BTC/USDT');
    await exchange.createOrder(request({ type: 'market', price: undefined, amount: 0.1 }));
    const used = (await exchange.fetchBalance())['USDT']?.used;
    expect(used).toBeCloseTo(0.1 * last * (1 + 0.002 + 0.005) * 1.001, 9);
  });

  it('refuses a duplicate client order id, even after the first order closed', async () => {
    const { exchange } = createTestExchange();
    const first = await exchange.createOrder(request({ clientOrderId: 'dup-1' }));
    await exchange.cancelOrder(first.id, 'BTC/USDT');
    await expect(exchange.createOrder(request({ clientOrderId: 'dup-1' }))).rejects.toMatchObject({
      kind: 'invalid_order',
      message: expect.stringMatching(/^Duplicate clientOrderId dup-1/),
    });
  });

  it.each([
    ['an unknown symbol', { symbol: 'ETH/USDT' }, /Unknown symbol/],
    ['a zero amount', { amount: 0 }, /positive/],
    ['a negative amount', { amount: -0.01 }, /positive/],
    ['an amount off the 0.00001 step', { amount: 0.000015 }, /multiple of 0.00001/],
    ['a limit without a price', { price: undefined }, /needs a positive price/],
    ['a price off the 0.01 tick', { price: 20_000.005 }, /multiple of 0.01/],
    ['an order below 5 quote', { amount: 0.0002 }, /below 5/],
    ['a client id too long for Binance', { clientOrderId: 'x'.repeat(37) }, /1-36 characters/],
    ['a client id with a space', { clientOrderId: 'a b' }, /1-36 characters/],
  ])('refuses %s as invalid_order', async (_name, extra, message) => {
    const { exchange } = createTestExchange();
    await expect(exchange.createOrder(request(extra))).rejects.toMatchObject({
      kind: 'invalid_order',
      message: expect.stringMatching(message),
    });
    expect(await exchange.fetchOpenOrders()).toEqual([]);
  });

  it('accepts amounts and prices on the steps despite float noise', async () => {
    const { exchange } = createTestExchange();
    const noisy = await exchange.createOrder(
      request({ amount: 0.1, price: 0.07 * 1e5, clientOrderId: 'ok-1' }),
    );
    expect(noisy.price).toBe(7_000);
    await exchange.createOrder(
      request({ amount: 0.00029, price: 19_999.99, clientOrderId: 'ok-2' }),
    );
    expect(await exchange.fetchOpenOrders('BTC/USDT')).toHaveLength(2);
  });
});

describe('fetchOrderByClientId', () => {
  it('is undefined for an id never seen, else the order in its latest state', async () => {
    const { exchange, clock } = createTestExchange();
    expect(await exchange.fetchOrderByClientId('never', 'BTC/USDT')).toBeUndefined();
    const order = await exchange.createOrder(
      request({ type: 'market', price: undefined, clientOrderId: 'fb-1' }),
    );
    expect(await exchange.fetchOrderByClientId('fb-1', 'BTC/USDT')).toEqual(order);
    exchange.start();
    clock.advance(1_000);
    expect(await exchange.fetchOrderByClientId('fb-1', 'BTC/USDT')).toMatchObject({
      id: order.id,
      status: 'closed',
    });
  });
});

describe('faults', () => {
  it('throws the injected error at the start of the named request, once', async () => {
    const pending = new Map([['createOrder', new ExchangeError('rate_limited', 'slow down')]]);
    const { exchange } = createTestExchange({
      faults: {
        failNext(method) {
          const error = pending.get(method);
          pending.delete(method);
          return error;
        },
      },
    });
    await expect(exchange.createOrder(request())).rejects.toMatchObject({ kind: 'rate_limited' });
    // Nothing was placed, so the same client id is still free to use.
    expect(await exchange.fetchOrderByClientId('v-1', 'BTC/USDT')).toBeUndefined();
    await expect(exchange.createOrder(request())).resolves.toMatchObject({ status: 'open' });
  });
});
