import { describe, expect, it } from 'vitest';
import type { Candle } from '../../core/market/candle';
import type { ExchangeOrder, ExchangeTrade, OrderRequest } from '../../core/orders/types';
import { START_INDEX } from './simulatedExchange';
import { createTestExchange, flatSample } from './testSupport';

const order = (extra: Partial<OrderRequest> & { clientOrderId: string }): OrderRequest => ({
  symbol: 'BTC/USDT',
  type: 'limit',
  side: 'buy',
  amount: 1,
  ...extra,
});

/** A flat sample at 100 whose candles trade `volume` BTC each, with some candles replaced. */
function sample(volume: number, overrides: Record<number, [number, number, number, number]> = {}) {
  const candles = (flatSample(1_600, 100, overrides)['BTC/USDT'] as Candle[]).map((candle) => ({
    ...candle,
    volume,
  }));
  return { 'BTC/USDT': candles };
}

function record(exchange: ReturnType<typeof createTestExchange>['exchange']) {
  const trades: ExchangeTrade[] = [];
  const orders: ExchangeOrder[] = [];
  exchange.watchMyTrades((trade) => trades.push(trade));
  exchange.watchOrders((update) => orders.push(update));
  return { trades, orders };
}

describe('the liquidity share', () => {
  it('fills a large resting limit over several candles, partially filled in between', async () => {
    // Each candle trades 2 BTC and dips to 99; 25% of it is 0.5 BTC for our resting orders.
    const dips = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [
        START_INDEX + 1 + i,
        [100, 100, 99, 100] as [number, number, number, number],
      ]),
    );
    const { exchange, clock } = createTestExchange({
      samples: sample(2, dips),
      liquidityShare: 0.25,
      makerFee: 0.001,
    });
    const { trades, orders } = record(exchange);
    exchange.start();
    clock.advance(1_000);
    await exchange.createOrder(order({ price: 99.5, amount: 1.2, clientOrderId: 'big-1' }));
    const held = 1.2 * 99.5 * 1.001;
    expect((await exchange.fetchBalance())['USDT']?.used).toBeCloseTo(held, 9);

    clock.advance(1_000);
    expect(trades.map((trade) => trade.amount)).toEqual([0.5]);
    const partial = await exchange.fetchOrder('sim-o-1', 'BTC/USDT');
    expect(partial).toMatchObject({ status: 'open', filled: 0.5, remaining: 0.7 });
    // What it holds shrinks with what is left; the balance paid for what filled.
    const balance = (await exchange.fetchBalance())['USDT'];
    expect(balance?.used).toBeCloseTo(0.7 * 99.5 * 1.001, 9);
    expect(balance?.total).toBeCloseTo(10_000 - 0.5 * 99.5 * 1.001, 9);

    clock.advance(2_000);
    expect(trades.map((trade) => trade.amount)).toEqual([0.5, 0.5, 0.2]);
    expect(trades.every((trade) => trade.price === 99.5 && trade.takerOrMaker === 'maker')).toBe(
      true,
    );
    expect(new Set(trades.map((trade) => trade.id)).size).toBe(3);
    const closed = await exchange.fetchOrder('sim-o-1', 'BTC/USDT');
    expect(closed).toMatchObject({ status: 'closed', filled: 1.2, remaining: 0 });
    expect(closed.average).toBeCloseTo(99.5, 9);
    expect(closed.fee?.cost).toBeCloseTo(1.2 * 99.5 * 0.001, 12);
    expect(orders.map((update) => update.status)).toEqual(['open', 'open', 'open', 'closed']);
    const final = await exchange.fetchBalance();
    expect(final['BTC']?.total).toBeCloseTo(1.2, 12);
    expect(final['USDT']?.used).toBe(0);
    expect(final['USDT']?.total).toBeCloseTo(10_000 - 1.2 * 99.5 * 1.001, 9);
  });

  it('shares one candle’s liquidity between resting orders in path order; market orders are not capped', async () => {
    const { exchange, clock } = createTestExchange({
      samples: sample(1, { [START_INDEX + 1]: [100, 100, 98, 100] }),
      liquidityShare: 0.5,
    });
    const { trades } = record(exchange);
    exchange.start();
    clock.advance(1_000);
    await exchange.createOrder(order({ price: 98.5, amount: 0.4, clientOrderId: 'low-1' }));
    await exchange.createOrder(order({ price: 99.5, amount: 0.4, clientOrderId: 'high-1' }));
    await exchange.createOrder(order({ type: 'market', amount: 2, clientOrderId: 'mkt-1' }));
    clock.advance(1_000);
    // The market order fills whole at the open; 99.5 is reached before 98.5 on the way down.
    expect(trades.map((trade) => [trade.clientOrderId, trade.amount])).toEqual([
      ['mkt-1', 2],
      ['high-1', 0.4],
      ['low-1', 0.1],
    ]);
  });

  it('is refused outside (0, 1]', () => {
    expect(() => createTestExchange({ liquidityShare: 0 })).toThrow(/liquidityShare/);
    expect(() => createTestExchange({ liquidityShare: 1.5 })).toThrow(/liquidityShare/);
  });
});

describe('native stop-market orders', () => {
  it('trigger where the intrabar path crosses the stop and fill there with slippage, as taker', async () => {
    // The candle after placement walks 100 -> 101 -> 96 -> 97 (a down candle).
    const { exchange, clock } = createTestExchange({
      samples: sample(5, { [START_INDEX + 2]: [100, 101, 96, 97] }),
      balances: { BTC: 1 },
      slippageBps: 10,
      takerFee: 0.002,
    });
    const { trades } = record(exchange);
    exchange.start();
    clock.advance(1_000);
    const placed = await exchange.createOrder(
      order({ type: 'market', side: 'sell', triggerPrice: 97.5, clientOrderId: 'stop-1' }),
    );
    expect(placed).toMatchObject({ status: 'open', triggerPrice: 97.5 });
    expect((await exchange.fetchBalance())['BTC']).toEqual({ free: 0, used: 1, total: 1 });
    clock.advance(1_000); // a flat candle: nothing happens
    expect(trades).toHaveLength(0);
    clock.advance(1_000);
    expect(trades).toHaveLength(1);
    const [trade] = trades as [ExchangeTrade];
    const price = 97.5 * (1 - 10 / 10_000);
    expect(trade).toMatchObject({ side: 'sell', takerOrMaker: 'taker', amount: 1 });
    expect(trade.price).toBeCloseTo(price, 9);
    expect(trade.fee.cost).toBeCloseTo(price * 0.002, 12);
    // Reached on the way from the high (101) to the low (96): point 2, 30 s into the candle.
    expect(trade.timestamp).toBe(
      (flatSample(1, 100)['BTC/USDT']?.[0]?.time ?? 0) + (START_INDEX + 2) * 60_000 + 30_000,
    );
  });

  it('fill at the open when the candle gaps through the stop', async () => {
    const { exchange, clock } = createTestExchange({
      samples: sample(5, { [START_INDEX + 2]: [95, 96, 94, 95] }),
      balances: { BTC: 1 },
    });
    const { trades } = record(exchange);
    exchange.start();
    clock.advance(1_000);
    await exchange.createOrder(
      order({ type: 'market', side: 'sell', triggerPrice: 97, clientOrderId: 'gap-1' }),
    );
    clock.advance(2_000);
    expect(trades.map((trade) => trade.price)).toEqual([95]);
  });

  it('refuse a trigger that would fire at once, one on a limit order, and a misaligned one', async () => {
    const { exchange, clock } = createTestExchange({ samples: sample(5), balances: { BTC: 1 } });
    exchange.start();
    clock.advance(1_000);
    let ids = 0;
    const stop = (extra: Partial<OrderRequest>) =>
      exchange.createOrder(
        order({
          type: 'market',
          side: 'sell',
          clientOrderId: `x-${(ids += 1)}`,
          ...extra,
        }),
      );
    await expect(stop({ triggerPrice: 100 })).rejects.toThrow(/would trigger immediately/);
    await expect(stop({ type: 'limit', price: 90, triggerPrice: 95 })).rejects.toThrow(
      /only supported on market orders/,
    );
    await expect(stop({ triggerPrice: 95.001 })).rejects.toThrow(/not a multiple of 0.01/);
    await expect(stop({ triggerPrice: 95 })).resolves.toMatchObject({ status: 'open' });
    expect(exchange.supportsNativeStops).toBe(true);
  });
});
