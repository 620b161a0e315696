import { describe, expect, it } from 'vitest';
import type { Candle } from '../../core/market/candle';
import { firstTouch, intrabarPath } from '../../core/market/intrabarPath';
import type { ExchangeOrder, ExchangeTrade, OrderRequest } from '../../core/orders/types';
import type { PaperExchange } from './paperExchange';
import { createTestPaper, fixtureCandles, flatCandles } from './testSupport';

const SYMBOL = 'BTC/USDT';
const cents = (price: number) => Math.round(price * 100) / 100;
const order = (extra: Partial<OrderRequest> & { clientOrderId: string }): OrderRequest => ({
  symbol: SYMBOL,
  type: 'market',
  side: 'buy',
  amount: 0.1,
  ...extra,
});

function record(paper: PaperExchange) {
  const trades: ExchangeTrade[] = [];
  const orders: ExchangeOrder[] = [];
  const events: string[] = [];
  paper.watchMyTrades((trade) => {
    trades.push(trade);
    events.push(`trade ${trade.id}`);
  });
  paper.watchOrders((update) => orders.push(update));
  paper.watchCandles(SYMBOL, (candle) => events.push(`candle ${candle.time}`));
  return { trades, orders, events };
}

describe('market data', () => {
  it('is the source’s: its markets (with the paper fees) and candles, under paper:<source>', async () => {
    const { paper, source } = createTestPaper({ makerFee: 0.0005, takerFee: 0.00075 });
    expect(paper.exchangeId).toBe('paper:fixture');
    expect(paper.supportsNativeStops).toBe(true);
    const real = await source.loadMarkets();
    expect(await paper.loadMarkets()).toEqual({
      [SYMBOL]: { ...real[SYMBOL], maker: 0.0005, taker: 0.00075 },
    });
    const candles = await paper.fetchOHLCV(SYMBOL, '5m', undefined, 3);
    expect(candles).toHaveLength(3);
    expect(candles).toEqual(await source.fetchOHLCV(SYMBOL, '5m', undefined, 3));
  });
});

describe('market orders', () => {
  it('fill at the next candle’s open + slippage with the taker fee, reported before the candle', async () => {
    const { paper, source } = createTestPaper({ slippageBps: 10 });
    const { trades, orders, events } = record(paper);
    await paper.start([SYMBOL]);
    source.closeNext(); // candle 100 closed, 101 forming
    const next = fixtureCandles[101] as Candle;
    const placed = await paper.createOrder(order({ clientOrderId: 'm-1' }));
    expect(placed).toMatchObject({ id: 'paper-o-1', status: 'open', timestamp: next.time });
    expect(trades).toHaveLength(0);

    source.closeNext();
    const price = next.open * (1 + 10 / 10_000);
    const cost = price * 0.1;
    expect(trades).toEqual([
      {
        id: 'paper-t-1',
        order: 'paper-o-1',
        clientOrderId: 'm-1',
        timestamp: next.time,
        symbol: SYMBOL,
        side: 'buy',
        type: 'market',
        takerOrMaker: 'taker',
        price,
        amount: 0.1,
        cost,
        fee: { cost: cost * 0.001, currency: 'USDT', rate: 0.001 },
      },
    ]);
    expect(events.slice(-2)).toEqual(['trade paper-t-1', `candle ${next.time}`]);
    expect(orders.map((update) => update.status)).toEqual(['open', 'closed']);
    const spent = cost + cost * 0.001;
    const balances = await paper.fetchBalance();
    expect(balances).toEqual({
      BTC: { free: 0.1, used: 0, total: 0.1 },
      USDT: { free: 10_000 - spent, used: 0, total: 10_000 - spent },
    });
    expect(paper.balances()).toEqual(balances);
    expect(await paper.fetchOrder('paper-o-1', SYMBOL)).toMatchObject({
      status: 'closed',
      filled: 0.1,
      average: price,
    });
    expect(await paper.fetchMyTrades(SYMBOL)).toEqual(trades);
    expect(await paper.fetchMyTrades(SYMBOL, next.time + 1)).toEqual([]);
    expect(await paper.fetchOpenOrders()).toEqual([]);
  });

  it('a sell receives cost minus the fee and holds the coins until it fills', async () => {
    const { paper, source } = createTestPaper({ balances: { BTC: 1 }, slippageBps: 5 });
    const { trades } = record(paper);
    await paper.start([SYMBOL]);
    await paper.createOrder(order({ side: 'sell', amount: 0.25, clientOrderId: 's-1' }));
    expect((await paper.fetchBalance())['BTC']).toEqual({ free: 0.75, used: 0.25, total: 1 });
    source.closeNext();
    const [trade] = trades as [ExchangeTrade];
    expect(trade.price).toBe((fixtureCandles[100] as Candle).open * (1 - 5 / 10_000));
    const balances = await paper.fetchBalance();
    expect(balances['USDT']?.total).toBe(trade.cost - trade.fee.cost);
    expect(balances['BTC']).toEqual({ free: 0.75, used: 0, total: 0.75 });
  });
});

describe('limit orders', () => {
  it('rest and fill at their price where the real candle’s intrabar path reaches them, as maker', async () => {
    let forming = 101;
    const dips = (candle: Candle) => candle.open - candle.low >= 2;
    while (!dips(fixtureCandles[forming] as Candle)) forming++;
    const candle = fixtureCandles[forming] as Candle;
    const { paper, source } = createTestPaper({ makerFee: 0.0005 });
    const { trades } = record(paper);
    await paper.start([SYMBOL]);
    source.closeUntil(forming);
    const level = cents(candle.open - 1);
    await paper.createOrder(order({ type: 'limit', price: level, clientOrderId: 'l-1' }));
    const held = 0.1 * level * 1.001;
    expect((await paper.fetchBalance())['USDT']).toEqual({
      free: 10_000 - held,
      used: held,
      total: 10_000,
    });
    source.closeNext();
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
    expect((await paper.fetchBalance())['USDT']?.total).toBe(10_000 - (cost + cost * 0.0005));
  });

  it('fill at the open when a candle gaps through them; a marketable one as taker', async () => {
    const samples = {
      [SYMBOL]: flatCandles(20, 100, { 12: [95, 96, 94, 95], 14: [106, 107, 105, 106] }),
    };
    const { paper, source } = createTestPaper({
      samples,
      start: 10,
      balances: { USDT: 1_000, BTC: 1 },
    });
    const { trades } = record(paper);
    await paper.start([SYMBOL]);
    await paper.createOrder(order({ type: 'limit', price: 97, clientOrderId: 'gap-b' }));
    await paper.createOrder(
      order({ type: 'limit', side: 'sell', price: 103, clientOrderId: 'gap-s' }),
    );
    await paper.createOrder(order({ type: 'limit', price: 101, clientOrderId: 'mkt-b' }));
    source.closeNext(); // candle 10: flat at 100
    expect(trades.map((trade) => [trade.clientOrderId, trade.price, trade.takerOrMaker])).toEqual([
      ['mkt-b', 100, 'taker'],
    ]);
    source.closeUntil(13);
    expect(trades[1]).toMatchObject({ clientOrderId: 'gap-b', price: 95, takerOrMaker: 'maker' });
    source.closeUntil(15);
    expect(trades[2]).toMatchObject({ clientOrderId: 'gap-s', price: 106, takerOrMaker: 'maker' });
  });
});

describe('stop-market orders', () => {
  it('trigger where the path crosses the stop and fill there ± slippage (taker), or at the open on a gap', async () => {
    // Candle 12 walks 100 -> 101 -> 96 -> 97 (down); candle 14 opens at 94, below both stops.
    const samples = {
      [SYMBOL]: flatCandles(20, 100, { 12: [100, 101, 96, 97], 14: [94, 95, 93, 94] }),
    };
    const { paper, source } = createTestPaper({
      samples,
      start: 10,
      balances: { BTC: 2 },
      slippageBps: 10,
      takerFee: 0.002,
    });
    const { trades } = record(paper);
    await paper.start([SYMBOL]);
    source.closeNext();
    const stop = (triggerPrice: number, clientOrderId: string) =>
      paper.createOrder(order({ side: 'sell', amount: 1, triggerPrice, clientOrderId }));
    expect(await stop(97.5, 'stop-1')).toMatchObject({ status: 'open', triggerPrice: 97.5 });
    source.closeNext(); // flat: nothing
    expect(trades).toHaveLength(0);
    source.closeNext();
    const price = 97.5 * (1 - 10 / 10_000);
    expect(trades).toHaveLength(1);
    expect(trades[0]).toMatchObject({ side: 'sell', takerOrMaker: 'taker', amount: 1 });
    expect(trades[0]?.price).toBeCloseTo(price, 9);
    expect(trades[0]?.fee.cost).toBeCloseTo(price * 0.002, 12);
    // Reached between the high and the low: path point 2, 30 s into candle 12.
    expect(trades[0]?.timestamp).toBe((samples[SYMBOL][12] as Candle).time + 30_000);
    await stop(95, 'stop-2'); // the last price is candle 12's close, 97
    source.closeUntil(15);
    expect(trades[1]?.price).toBeCloseTo(94 * (1 - 10 / 10_000), 9);
    await expect(stop(98, 'stop-3')).rejects.toThrow(/would trigger immediately/);
  });
});

describe('refusals', () => {
  it('refuses a reused client order id and finds orders by theirs', async () => {
    const { paper } = createTestPaper();
    await paper.start([SYMBOL]);
    const placed = await paper.createOrder(
      order({ type: 'limit', price: 20_000, clientOrderId: 'dup' }),
    );
    await expect(
      paper.createOrder(order({ type: 'limit', price: 20_000, clientOrderId: 'dup' })),
    ).rejects.toMatchObject({
      kind: 'invalid_order',
      message: expect.stringMatching(/Duplicate clientOrderId dup/),
    });
    await expect(paper.createOrder(order({ clientOrderId: '' }))).rejects.toMatchObject({
      kind: 'invalid_order',
    });
    expect(await paper.fetchOrderByClientId('dup', SYMBOL)).toEqual(placed);
    expect(await paper.fetchOrderByClientId('never-sent', SYMBOL)).toBeUndefined();
  });

  it('refuses an order the free balance cannot cover, naming the currency and the amounts', async () => {
    const { paper } = createTestPaper({ balances: { USDT: 1_000 } });
    await paper.start([SYMBOL]);
    // 0.1 BTC x 20,000 x 1.001 = 2,002 USDT held for the limit buy.
    await expect(
      paper.createOrder(order({ type: 'limit', price: 20_000, clientOrderId: 'big' })),
    ).rejects.toMatchObject({
      kind: 'insufficient_funds',
      message: expect.stringMatching(
        /^Insufficient USDT: the order needs 2001\.99\d+ but 1000 is free$/,
      ),
    });
    await expect(
      paper.createOrder(order({ side: 'sell', clientOrderId: 'no-btc' })),
    ).rejects.toMatchObject({
      kind: 'insufficient_funds',
      message: 'Insufficient BTC: the order needs 0.1 but 0 is free',
    });
    expect(await paper.fetchOpenOrders()).toEqual([]);
  });

  it('checks amounts and prices against the source market’s own precision and limits', async () => {
    const { source } = createTestPaper();
    const [real] = Object.values(await source.loadMarkets());
    const strict = {
      ...real!,
      precision: { amount: 0.001, price: 0.1 },
      limits: {
        amount: { min: 0.001, max: 1 },
        price: { min: 1_000, max: 100_000 },
        cost: { min: 10, max: 50_000 },
      },
    };
    const { paper } = createTestPaper({ markets: { [SYMBOL]: strict }, balances: { USDT: 1e6 } });
    await paper.start([SYMBOL]);
    let sequence = 0;
    const refused = (extra: Partial<OrderRequest>, message: RegExp) =>
      expect(
        paper.createOrder(
          order({ type: 'limit', price: 20_000, clientOrderId: `x${sequence++}`, ...extra }),
        ),
      ).rejects.toMatchObject({ kind: 'invalid_order', message: expect.stringMatching(message) });
    await refused({ amount: 0.0005 }, /Amount 0.0005 is not a multiple of 0.001 BTC/);
    await refused({ price: 20_000.05 }, /Price 20000.05 is not a multiple of 0.1 USDT/);
    await refused({ amount: 2 }, /Amount 2 is above 1 BTC/);
    await refused({ price: 500 }, /Price 500 is below 1000 USDT/);
    await refused({ price: 200_000, amount: 0.1 }, /Price 200000 is above 100000 USDT/);
    await refused({ price: 2_000, amount: 0.001 }, /Order value 2.00 USDT is below 10/);
    await refused({ symbol: 'ETH/USDT' }, /Unknown symbol ETH\/USDT/);
    await expect(
      paper.createOrder(order({ type: 'limit', price: 20_000, amount: 0.5, clientOrderId: 'ok' })),
    ).resolves.toMatchObject({ status: 'open', amount: 0.5 });
  });

  it('cancels: the hold is released; closed and unknown orders are refused', async () => {
    const { paper } = createTestPaper();
    await paper.start([SYMBOL]);
    const placed = await paper.createOrder(
      order({ type: 'limit', price: 20_000, clientOrderId: 'c-1' }),
    );
    expect(await paper.cancelOrder(placed.id, SYMBOL)).toMatchObject({ status: 'canceled' });
    expect((await paper.fetchBalance())['USDT']).toEqual({ free: 10_000, used: 0, total: 10_000 });
    await expect(paper.cancelOrder(placed.id, SYMBOL)).rejects.toMatchObject({
      kind: 'invalid_order',
    });
    await expect(paper.cancelOrder('paper-o-9', SYMBOL)).rejects.toMatchObject({
      kind: 'order_not_found',
    });
    await expect(paper.fetchOrder('paper-o-9', SYMBOL)).rejects.toMatchObject({
      kind: 'order_not_found',
    });
  });
});
