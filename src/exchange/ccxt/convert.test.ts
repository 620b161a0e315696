/** ccxt structures → ours: precision modes, order types and fills, fees, balances, candles. */
import type { MarketInterface, Order, Trade } from 'ccxt';
import { describe, expect, it } from 'vitest';
import { toBalances, toCandle, toMarket, toOrder, toOrderType, toTrade } from './convert';

const TICK_SIZE = 4;
const DECIMAL_PLACES = 2;

const market = (overrides: Partial<MarketInterface>): MarketInterface =>
  ({
    id: 'ETHBTC',
    symbol: 'ETH/BTC',
    base: 'ETH',
    quote: 'BTC',
    type: 'spot',
    spot: true,
    active: true,
    precision: { amount: 0.001, price: 0.000001 },
    limits: { amount: { min: 0.001, max: undefined }, cost: { min: 0.0001, max: undefined } },
    maker: 0.0008,
    taker: 0.001,
    ...overrides,
  }) as MarketInterface;

describe('toMarket', () => {
  it('keeps step sizes, limits and fees of a spot market', () => {
    expect(toMarket(market({}), TICK_SIZE)).toEqual({
      id: 'ETHBTC',
      symbol: 'ETH/BTC',
      base: 'ETH',
      quote: 'BTC',
      type: 'spot',
      spot: true,
      active: true,
      precision: { amount: 0.001, price: 0.000001 },
      limits: { amount: { min: 0.001 }, price: {}, cost: { min: 0.0001 } },
      maker: 0.0008,
      taker: 0.001,
    });
  });

  it('turns decimal places into steps and skips what is not spot', () => {
    const decimals = toMarket(market({ precision: { amount: 3, price: 6 } }), DECIMAL_PLACES);
    expect(decimals?.precision).toEqual({ amount: 0.001, price: 0.000001 });
    expect(toMarket(market({ type: 'swap', spot: false }), TICK_SIZE)).toBeUndefined();
    expect(toMarket(market({ active: false }), TICK_SIZE)?.active).toBe(false);
  });
});

describe('toOrder', () => {
  const base = {
    id: '42',
    clientOrderId: 'fltabcdef000001',
    timestamp: 1_000,
    symbol: 'BTC/USDT',
    side: 'sell',
    amount: 0.002,
    filled: 0.001,
    remaining: 0.001,
    status: 'open',
  } as Order;

  it('reads a stop-market order as a market order with its trigger', () => {
    const order = toOrder(
      { ...base, type: 'stop_loss', price: undefined, triggerPrice: 25_000 } as Order,
      {
        now: 5,
      },
    );
    expect(order).toMatchObject({ type: 'market', triggerPrice: 25_000, side: 'sell' });
    expect(order.price).toBeUndefined();
  });

  it('fills what an answer leaves out and sums fees of one currency', () => {
    const order = toOrder(
      {
        ...base,
        clientOrderId: undefined,
        timestamp: undefined,
        type: 'limit',
        price: 30_000,
        average: 30_000,
        cost: undefined,
        status: 'canceled',
        fees: [
          { cost: 0.01, currency: 'USDT' },
          { cost: 0.02, currency: 'USDT' },
        ],
      } as unknown as Order,
      { clientOrderId: 'fltknown000001', now: 7 },
    );
    expect(order).toMatchObject({
      clientOrderId: 'fltknown000001',
      timestamp: 7,
      type: 'limit',
      price: 30_000,
      cost: 30,
      status: 'canceled',
    });
    expect(order.fee?.cost).toBeCloseTo(0.03, 12);
  });

  it('types orders by name, else by price', () => {
    expect(toOrderType('LIMIT_MAKER', undefined)).toBe('limit');
    expect(toOrderType(undefined, 10)).toBe('limit');
    expect(toOrderType(undefined, undefined)).toBe('market');
  });
});

describe('toTrade, toBalances, toCandle', () => {
  it('gives a trade its order’s client id and a zero fee when none is reported', () => {
    const trade = toTrade(
      {
        id: 't1',
        order: '42',
        timestamp: 9,
        symbol: 'BTC/USDT',
        side: 'buy',
        price: 2,
        amount: 3,
      } as Trade,
      { clientOrderId: 'fltabcdef000001', type: 'limit', quote: 'USDT' },
    );
    expect(trade).toMatchObject({
      clientOrderId: 'fltabcdef000001',
      type: 'limit',
      cost: 6,
      takerOrMaker: 'taker',
    });
    expect(trade.fee).toEqual({ cost: 0, currency: 'USDT' });
  });

  it('reads held currencies from unified balances, or Binance’s info when ccxt left them empty', () => {
    const unified = {
      info: {},
      BTC: { free: 1, used: 0.5, total: 1.5 },
      DOGE: { free: 0, used: 0, total: 0 },
    };
    expect(toBalances(unified as never)).toEqual({ BTC: { free: 1, used: 0.5, total: 1.5 } });
    const wsSpot = {
      info: {
        balances: [
          { asset: 'USDT', free: '10.5', locked: '2.0' },
          { asset: 'BNB', free: '0.00000000', locked: '0.00000000' },
        ],
      },
      free: {},
      used: {},
      total: {},
    };
    expect(toBalances(wsSpot as never)).toEqual({ USDT: { free: 10.5, used: 2, total: 12.5 } });
  });

  it('builds candles from complete rows only', () => {
    expect(toCandle([60_000, 1, 2, 0.5, 1.5, undefined])).toEqual({
      time: 60_000,
      open: 1,
      high: 2,
      low: 0.5,
      close: 1.5,
      volume: 0,
    });
    expect(toCandle([60_000, 1, undefined, 0.5, 1.5, 3])).toBeUndefined();
  });
});
