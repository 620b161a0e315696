import { describe, expect, it } from 'vitest';
import type { Candle } from '../../core/market/candle';
import { firstTouch, intrabarPath } from '../../core/market/intrabarPath';
import type { ExchangeOrder, ExchangeTrade, OrderRequest } from '../../core/orders/types';
import { START_INDEX } from './simulatedExchange';
import { committedSamples, createTestExchange, flatSample } from './testSupport';

const usdt = () => committedSamples()['BTC/USDT'] as Candle[];
const cents = (price: number) => Math.round(price * 100) / 100;
const buy = (extra: Partial<OrderRequest> & { clientOrderId: string }): OrderRequest => ({
  symbol: 'BTC/USDT',
  type: 'market',
  side: 'buy',
  amount: 0.1,
  ...extra,
});

function record(exchange: ReturnType<typeof createTestExchange>['exchange']) {
  const trades: ExchangeTrade[] = [];
  const orders: ExchangeOrder[] = [];
  exchange.watchMyTrades((trade) => trades.push(trade));
  exchange.watchOrders((order) => orders.push(order));
  return { trades, orders };
}

describe('market orders', () => {
  it('fill at the next candle open + slippage with the taker fee in quote', async () => {
    const { exchange, clock } = createTestExchange({ slippageBps: 10 });
    const { trades, orders } = record(exchange);
    exchange.start();
    clock.advance(1_000); // candle START_INDEX played; the next one is forming
    const next = usdt()[START_INDEX + 1] as Candle;
    const placed = await exchange.createOrder(buy({ clientOrderId: 'flt-a-1' }));
    expect(placed).toMatchObject({ id: 'sim-o-1', status: 'open', filled: 0, remaining: 0.1 });
    expect(placed.timestamp).toBe(next.time);
    expect(trades).toHaveLength(0);

    clock.advance(1_000);
    const price = next.open * (1 + 10 / 10_000);
    const cost = price * 0.1;
    expect(trades).toEqual([
      {
        id: 'sim-t-1',
        order: 'sim-o-1',
        clientOrderId: 'flt-a-1',
        timestamp: next.time,
        symbol: 'BTC/USDT',
        side: 'buy',
        type: 'market',
        takerOrMaker: 'taker',
        price,
        amount: 0.1,
        cost,
        fee: { cost: cost * 0.001, currency: 'USDT', rate: 0.001 },
      },
    ]);
    const [trade] = trades as [ExchangeTrade];
    const balance = await exchange.fetchBalance();
    expect(balance['USDT']).toEqual({
      free: 10_000 - (trade.cost + trade.fee.cost),
      used: 0,
      total: 10_000 - (trade.cost + trade.fee.cost),
    });
    expect(balance['BTC']).toEqual({ free: 0.1, used: 0, total: 0.1 });
    expect(orders.map((order) => order.status)).toEqual(['open', 'closed']);
    const closed = await exchange.fetchOrder('sim-o-1', 'BTC/USDT');
    expect(closed).toMatchObject({
      status: 'closed',
      filled: 0.1,
      remaining: 0,
      average: price,
      cost,
    });
    expect(closed.fee).toEqual(trade.fee);
    expect(await exchange.fetchMyTrades('BTC/USDT')).toEqual(trades);
    expect(await exchange.fetchMyTrades('BTC/USDT', trade.timestamp + 1)).toEqual([]);
    expect(await exchange.fetchMyTrades('BTC/USDC')).toEqual([]);
    expect(await exchange.fetchOpenOrders()).toEqual([]);
  });

  it('sell receives cost minus the fee, in quote', async () => {
    const { exchange, clock } = createTestExchange({ balances: { BTC: 1 }, slippageBps: 5 });
    const { trades } = record(exchange);
    await exchange.createOrder(buy({ side: 'sell', amount: 0.25, clientOrderId: 's-1' }));
    expect((await exchange.fetchBalance())['BTC']).toEqual({ free: 0.75, used: 0.25, total: 1 });
    exchange.start();
    clock.advance(1_000);
    const [trade] = trades as [ExchangeTrade];
    expect(trade.price).toBe((usdt()[START_INDEX] as Candle).open * (1 - 5 / 10_000));
    const balance = await exchange.fetchBalance();
    expect(balance['USDT']?.total).toBe(trade.cost - trade.fee.cost);
    expect(balance['BTC']).toEqual({ free: 0.75, used: 0, total: 0.75 });
  });

  it('placed mid-candle at 1x, fill at the price showing then, not at the open', async () => {
    // Candle START_INDEX walks 100 -> 95 -> 101 -> 100; the low shows after 15 s.
    const samples = flatSample(1_500, 100, { [START_INDEX]: [100, 101, 95, 100] });
    const { exchange, clock } = createTestExchange({ samples, speed: 1 });
    const { trades } = record(exchange);
    exchange.start();
    clock.advance(20_000);
    expect(exchange.getLastPrice('BTC/USDT')).toBe(95);
    await exchange.createOrder(buy({ clientOrderId: 'mid-1' }));
    clock.advance(40_000);
    expect(trades[0]).toMatchObject({ price: 95, takerOrMaker: 'taker' });
    expect(trades[0]?.timestamp).toBe(exchange.getMarketTime() - 40_000);
  });
});

describe('limit orders', () => {
  it('a resting buy below the price fills at its level when the path reaches it, as maker', async () => {
    const sample = usdt();
    let forming = START_INDEX + 1;
    while ((sample[forming] as Candle).open - (sample[forming] as Candle).low < 2) forming++;
    const candle = sample[forming] as Candle;
    const { exchange, clock } = createTestExchange({ makerFee: 0.0005, takerFee: 0.001 });
    const { trades } = record(exchange);
    exchange.start();
    clock.advance((forming - START_INDEX) * 1_000);
    expect(exchange.getLastPrice('BTC/USDT')).toBe(candle.open);

    const level = cents(candle.open - 1);
    await exchange.createOrder(buy({ type: 'limit', price: level, clientOrderId: 'lim-1' }));
    const held = 0.1 * level * 1.001;
    expect((await exchange.fetchBalance())['USDT']).toEqual({
      free: 10_000 - held,
      used: held,
      total: 10_000,
    });
    clock.advance(999);
    expect(trades).toHaveLength(0);
    clock.advance(1);
    const touch = firstTouch(intrabarPath(candle), level, 'at_or_below');
    const cost = level * 0.1;
    expect(trades).toEqual([
      expect.objectContaining({
        price: level,
        takerOrMaker: 'maker',
        timestamp: candle.time + (touch?.point ?? NaN) * 15_000,
        fee: { cost: cost * 0.0005, currency: 'USDT', rate: 0.0005 },
      }),
    ]);
    const balance = await exchange.fetchBalance();
    expect(balance['USDT']).toEqual({
      free: 10_000 - (cost + cost * 0.0005),
      used: 0,
      total: 10_000 - (cost + cost * 0.0005),
    });
  });

  it('fills at the open when a later candle gaps through the level', async () => {
    const samples = flatSample(1_500, 100, {
      [START_INDEX + 2]: [95, 96, 94, 95],
      [START_INDEX + 4]: [106, 107, 105, 106],
    });
    const { exchange, clock } = createTestExchange({ samples, balances: { USDT: 1_000, BTC: 1 } });
    const { trades } = record(exchange);
    exchange.start();
    await exchange.createOrder(buy({ type: 'limit', price: 97, clientOrderId: 'gap-b' }));
    await exchange.createOrder(
      buy({ type: 'limit', side: 'sell', price: 103, clientOrderId: 'gap-s' }),
    );
    clock.advance(2_000);
    expect(trades).toHaveLength(0);
    clock.advance(1_000);
    expect(trades).toEqual([
      expect.objectContaining({ side: 'buy', price: 95, takerOrMaker: 'maker' }),
    ]);
    clock.advance(2_000);
    expect(trades[1]).toMatchObject({ side: 'sell', price: 106, takerOrMaker: 'maker' });
  });

  it('fills levels on both sides of one candle in path order', async () => {
    for (const [ohlc, expectedSides] of [
      [
        [100, 103, 97, 102],
        ['buy', 'sell'],
      ], // up candle: 100 -> 97 -> 103 -> 102
      [
        [100, 103, 97, 98],
        ['sell', 'buy'],
      ], // down candle: 100 -> 103 -> 97 -> 98
    ] as const) {
      const samples = flatSample(1_500, 100, { [START_INDEX + 1]: [...ohlc] });
      const { exchange, clock } = createTestExchange({
        samples,
        balances: { USDT: 1_000, BTC: 1 },
      });
      const { trades } = record(exchange);
      await exchange.createOrder(
        buy({ type: 'limit', side: 'sell', price: 102.5, clientOrderId: 'both-s' }),
      );
      await exchange.createOrder(buy({ type: 'limit', price: 98, clientOrderId: 'both-b' }));
      exchange.start();
      clock.advance(2_000);
      expect(trades.map((trade) => [trade.id, trade.side])).toEqual([
        ['sim-t-1', expectedSides[0]],
        ['sim-t-2', expectedSides[1]],
      ]);
      expect(trades.map((trade) => trade.timestamp)).toEqual(
        [...trades.map((trade) => trade.timestamp)].sort((a, b) => a - b),
      );
    }
  });

  it('a limit marketable when placed fills as taker at the open, capped at its price', async () => {
    const samples = flatSample(1_500, 100);
    const { exchange, clock } = createTestExchange({
      samples,
      slippageBps: 100,
      makerFee: 0,
      balances: { USDT: 1_000 },
    });
    const { trades } = record(exchange);
    await exchange.createOrder(buy({ type: 'limit', price: 105, clientOrderId: 'mk-1' }));
    await exchange.createOrder(buy({ type: 'limit', price: 100.5, clientOrderId: 'mk-2' }));
    exchange.start();
    clock.advance(1_000);
    expect(trades.map((trade) => [trade.price, trade.takerOrMaker, trade.fee.rate])).toEqual([
      [101, 'taker', 0.001],
      [100.5, 'taker', 0.001],
    ]);
  });
});

describe('cancel', () => {
  it('releases the hold, and refuses closed or unknown orders', async () => {
    const { exchange } = createTestExchange();
    const { orders } = record(exchange);
    const order = await exchange.createOrder(
      buy({ type: 'limit', price: 20_000, amount: 0.2, clientOrderId: 'c-1' }),
    );
    expect((await exchange.fetchBalance())['USDT']?.used).toBeCloseTo(0.2 * 20_000 * 1.001, 9);
    const canceled = await exchange.cancelOrder(order.id, 'BTC/USDT');
    expect(canceled).toMatchObject({ id: order.id, status: 'canceled', filled: 0 });
    expect((await exchange.fetchBalance())['USDT']).toEqual({
      free: 10_000,
      used: 0,
      total: 10_000,
    });
    expect(orders.map((update) => update.status)).toEqual(['open', 'canceled']);
    await expect(exchange.cancelOrder(order.id, 'BTC/USDT')).rejects.toMatchObject({
      kind: 'invalid_order',
    });
    await expect(exchange.cancelOrder('sim-o-99', 'BTC/USDT')).rejects.toMatchObject({
      kind: 'order_not_found',
    });
    await expect(exchange.fetchOrder('sim-o-99', 'BTC/USDT')).rejects.toMatchObject({
      kind: 'order_not_found',
    });
  });
});

describe('balances summed from fills', () => {
  it('allow selling exactly what was bought despite float noise', async () => {
    const { exchange, clock } = createTestExchange({ speed: 60 });
    exchange.start();
    // 0.00053 + 0.01432 is 0.014849999999999999 in float64, one ulp below 0.01485.
    const amounts = [0.00053, 0.01432];
    for (const [index, amount] of amounts.entries()) {
      await exchange.createOrder(buy({ clientOrderId: `noise-buy-${index}`, amount }));
      clock.advance(1_000);
    }
    const held = (await exchange.fetchBalance()).BTC?.free ?? 0;
    expect(held).not.toBe(0.01485);
    const sold = await exchange.createOrder({
      symbol: 'BTC/USDT',
      type: 'market',
      side: 'sell',
      amount: 0.01485,
      clientOrderId: 'noise-sell',
    });
    expect(sold.status).toBe('open');
  });
});
