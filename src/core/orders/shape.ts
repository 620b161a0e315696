/**
 * Order shaping: fits a sized order to a market's rules before it is journaled — amount floored
 * to the amount step, limit price rounded to the tick in the trader's favour (buy down, sell
 * up), then the exchange's minimum/maximum amount, price and order value (notional) checked.
 * A refusal is a sentence with the numbers, shown to the user as is.
 */
import { ceilToStep, floorToStep } from '../market/steps';
import type { Market } from '../market/types';
import type { OrderSide, OrderType } from './types';

export interface ShapeRequest {
  side: OrderSide;
  type: OrderType;
  /** Base-currency amount, before rounding. */
  amount: number;
  /** Limit price (limit orders only), before rounding. */
  price?: number;
  /** The price that values a market order (last price), for the minimum-notional check. */
  referencePrice: number;
}

export type ShapeResult =
  { ok: true; amount: number; price?: number } | { ok: false; reason: string };

/** 12 significant digits: enough for any price or amount, short of float noise. */
function show(value: number): string {
  return String(Number(value.toPrecision(12)));
}

function checkLimits(
  market: Market,
  amount: number,
  price: number | undefined,
  notionalPrice: number,
): string | undefined {
  const { base, quote, symbol, limits } = market;
  const { min: minAmount, max: maxAmount } = limits.amount;
  if (minAmount !== undefined && amount < minAmount) {
    return `Amount ${show(amount)} ${base} is below the minimum of ${show(minAmount)} ${base} for ${symbol}.`;
  }
  if (maxAmount !== undefined && amount > maxAmount) {
    return `Amount ${show(amount)} ${base} is above the maximum of ${show(maxAmount)} ${base} for ${symbol}.`;
  }
  if (price !== undefined) {
    const { min: minPrice, max: maxPrice } = limits.price;
    if (minPrice !== undefined && price < minPrice) {
      return `Price ${show(price)} ${quote} is below the minimum of ${show(minPrice)} ${quote} for ${symbol}.`;
    }
    if (maxPrice !== undefined && price > maxPrice) {
      return `Price ${show(price)} ${quote} is above the maximum of ${show(maxPrice)} ${quote} for ${symbol}.`;
    }
  }
  const notional = amount * notionalPrice;
  const { min: minCost, max: maxCost } = limits.cost;
  if (minCost !== undefined && notional < minCost) {
    return `Order value ${show(notional)} ${quote} is below the minimum of ${show(minCost)} ${quote} for ${symbol}.`;
  }
  if (maxCost !== undefined && notional > maxCost) {
    return `Order value ${show(notional)} ${quote} is above the maximum of ${show(maxCost)} ${quote} for ${symbol}.`;
  }
  return undefined;
}

/**
 * Shapes an order to `market`'s precision and limits.
 *
 * @example
 * shapeOrder(btcUsdt, { side: 'buy', type: 'limit', amount: 0.0123456, price: 23142.318, referencePrice: 23150 });
 * // { ok: true, amount: 0.01234, price: 23142.31 }
 * shapeOrder(btcUsdt, { side: 'buy', type: 'market', amount: 0.0001, referencePrice: 23150 });
 * // { ok: false, reason: 'Order value 2.315 USDT is below the minimum of 5 USDT for BTC/USDT.' }
 */
export function shapeOrder(market: Market, request: ShapeRequest): ShapeResult {
  const { base, quote, symbol, precision } = market;
  if (!market.active) return { ok: false, reason: `${symbol} is not open for trading.` };
  if (!(Number.isFinite(request.amount) && request.amount > 0)) {
    return {
      ok: false,
      reason: `Amount ${show(request.amount)} ${base} is not a positive number.`,
    };
  }
  const amount = floorToStep(request.amount, precision.amount);
  if (amount <= 0) {
    return {
      ok: false,
      reason: `Amount ${show(request.amount)} ${base} is smaller than the smallest step of ${show(precision.amount)} ${base} for ${symbol}.`,
    };
  }
  let price: number | undefined;
  if (request.type === 'limit') {
    const raw = request.price;
    if (raw === undefined || !(Number.isFinite(raw) && raw > 0)) {
      return { ok: false, reason: `A limit order needs a positive price, got ${raw ?? 'none'}.` };
    }
    price =
      request.side === 'buy' ? floorToStep(raw, precision.price) : ceilToStep(raw, precision.price);
    if (price <= 0) {
      return {
        ok: false,
        reason: `Price ${show(raw)} ${quote} is below the smallest tick of ${show(precision.price)} ${quote} for ${symbol}.`,
      };
    }
  }
  const notionalPrice = price ?? request.referencePrice;
  if (!(Number.isFinite(notionalPrice) && notionalPrice > 0)) {
    return {
      ok: false,
      reason: `No valid price to value the order (got ${show(notionalPrice)} ${quote}).`,
    };
  }
  const refusal = checkLimits(market, amount, price, notionalPrice);
  if (refusal) return { ok: false, reason: refusal };
  return price === undefined ? { ok: true, amount } : { ok: true, amount, price };
}
