import { describe, expect, it } from 'vitest';
import type { Market } from '../market/types';
import { shapeOrder, type ShapeRequest } from './shape';

const BTC_USDT: Market = {
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
    cost: { min: 5 },
  },
  maker: 0.001,
  taker: 0.001,
};

const buy = (overrides: Partial<ShapeRequest> = {}): ShapeRequest => ({
  side: 'buy',
  type: 'market',
  amount: 0.01,
  referencePrice: 23_000,
  ...overrides,
});

describe('shapeOrder', () => {
  it('floors the amount to the step and drops the price of a market order', () => {
    expect(shapeOrder(BTC_USDT, buy({ amount: 0.0123456789, price: 1 }))).toEqual({
      ok: true,
      amount: 0.01234,
    });
  });

  it('rounds a limit price down for buys and up for sells', () => {
    const limit = { type: 'limit', amount: 0.01, price: 23142.318 } as const;
    expect(shapeOrder(BTC_USDT, buy(limit))).toEqual({ ok: true, amount: 0.01, price: 23142.31 });
    expect(shapeOrder(BTC_USDT, buy({ ...limit, side: 'sell' }))).toEqual({
      ok: true,
      amount: 0.01,
      price: 23142.32,
    });
  });

  it('leaves on-grid values alone despite float noise', () => {
    expect(shapeOrder(BTC_USDT, buy({ amount: 0.1 + 0.2 }))).toEqual({ ok: true, amount: 0.3 });
    const limit = buy({ type: 'limit', side: 'sell', price: 0.1 + 0.2 + 23000 });
    expect(shapeOrder(BTC_USDT, limit)).toMatchObject({ price: 23000.3 });
  });

  it('checks the minimum order value against the limit price, or the reference price', () => {
    expect(shapeOrder(BTC_USDT, buy({ amount: 0.0002 }))).toEqual({
      ok: false,
      reason: 'Order value 4.6 USDT is below the minimum of 5 USDT for BTC/USDT.',
    });
    expect(shapeOrder(BTC_USDT, buy({ amount: 0.0002, referencePrice: 25_000 }))).toMatchObject({
      ok: true,
    });
    const limit = buy({ type: 'limit', amount: 0.0002, price: 24_000, referencePrice: 26_000 });
    expect(shapeOrder(BTC_USDT, limit)).toMatchObject({
      ok: false,
      reason: /Order value 4.8 USDT/,
    });
  });

  it('explains amounts below one step and outside the amount limits', () => {
    expect(shapeOrder(BTC_USDT, buy({ amount: 0.000004 }))).toEqual({
      ok: false,
      reason: 'Amount 0.000004 BTC is smaller than the smallest step of 0.00001 BTC for BTC/USDT.',
    });
    expect(shapeOrder(BTC_USDT, buy({ amount: 9500 }))).toEqual({
      ok: false,
      reason: 'Amount 9500 BTC is above the maximum of 9000 BTC for BTC/USDT.',
    });
    const strict = { ...BTC_USDT, limits: { ...BTC_USDT.limits, amount: { min: 0.001 } } };
    expect(shapeOrder(strict, buy({ amount: 0.0009 }))).toEqual({
      ok: false,
      reason: 'Amount 0.0009 BTC is below the minimum of 0.001 BTC for BTC/USDT.',
    });
  });

  it('refuses bad input with a sentence instead of throwing', () => {
    expect(shapeOrder(BTC_USDT, buy({ amount: 0 }))).toMatchObject({ ok: false });
    expect(shapeOrder(BTC_USDT, buy({ amount: -1 }))).toMatchObject({ ok: false });
    expect(shapeOrder(BTC_USDT, buy({ amount: Number.NaN }))).toMatchObject({ ok: false });
    expect(shapeOrder(BTC_USDT, buy({ type: 'limit' }))).toEqual({
      ok: false,
      reason: 'A limit order needs a positive price, got none.',
    });
    expect(shapeOrder(BTC_USDT, buy({ type: 'limit', price: 0.004 }))).toMatchObject({
      ok: false,
      reason: /Price 0.004 USDT is below the smallest tick of 0.01 USDT/,
    });
    expect(shapeOrder(BTC_USDT, buy({ referencePrice: 0 }))).toMatchObject({ ok: false });
    expect(shapeOrder({ ...BTC_USDT, active: false }, buy())).toEqual({
      ok: false,
      reason: 'BTC/USDT is not open for trading.',
    });
  });

  it('handles integer steps (e.g. SHIB amounts in lots of 1)', () => {
    const shib: Market = {
      ...BTC_USDT,
      symbol: 'SHIB/USDT',
      base: 'SHIB',
      precision: { amount: 1, price: 1e-8 },
      limits: { amount: { min: 1 }, price: {}, cost: { min: 5 } },
    };
    const request = buy({ type: 'limit', amount: 1_000_000.9, price: 0.000012345 });
    expect(shapeOrder(shib, request)).toEqual({ ok: true, amount: 1_000_000, price: 0.00001234 });
  });
});
