/**
 * Order checks the simulated and the paper exchange apply before accepting an order, with the
 * messages a trader sees: client order id, symbol, amount and price precision, the market's
 * limits (minimum and maximum amount, price and notional), funds.
 * Also decides what to hold for the order. Throws ExchangeError; pure otherwise.
 */
import { ExchangeError } from '../../core/exchangePort';
import type { Market } from '../../core/market/types';
import type { OrderRequest } from '../../core/orders/types';
import { isAlignedTo } from './markets';

/** Binance's limit for client order ids; the strictest of the exchanges Flotilla targets. */
const CLIENT_ORDER_ID = /^[.A-Za-z0-9:/_-]{1,36}$/;
/**
 * Extra price headroom held for a market buy, as a real exchange would want for a price that
 * may move before the fill. Here a market buy fills at the price showing when it was placed
 * (plus slippage), so the hold always covers it; 0.5% keeps the check honest for a trader.
 */
export const MARKET_BUY_BUFFER = 0.005;

export interface ValidationContext {
  market: Market | undefined;
  lastPrice: number;
  slippageBps: number;
  isSeen(clientOrderId: string): boolean;
  free(currency: string): number;
}

export interface AcceptedOrder {
  market: Market;
  /** Amount to hold: quote for a buy, base for a sell. */
  reserved: number;
}

const invalid = (message: string) => new ExchangeError('invalid_order', message);

/** Validates `request`; returns what to hold, or throws 'invalid_order' / 'insufficient_funds'. */
export function validateOrder(request: OrderRequest, context: ValidationContext): AcceptedOrder {
  const { clientOrderId, symbol, type, side, amount, price, triggerPrice } = request;
  if (typeof clientOrderId !== 'string' || !CLIENT_ORDER_ID.test(clientOrderId)) {
    throw invalid(`clientOrderId must be 1-36 characters of [.A-Za-z0-9:/_-]: "${clientOrderId}"`);
  }
  if (context.isSeen(clientOrderId)) {
    throw invalid(`Duplicate clientOrderId ${clientOrderId}: this account already used it`);
  }
  const { market } = context;
  if (!market) throw invalid(`Unknown symbol ${symbol}`);
  if (!market.active) throw invalid(`Market ${symbol} is not active`);
  if (type !== 'market' && type !== 'limit') throw invalid(`Unsupported order type ${type}`);
  if (side !== 'buy' && side !== 'sell') throw invalid(`Unsupported order side ${side}`);

  const minAmount = market.limits.amount.min ?? market.precision.amount;
  if (!(Number.isFinite(amount) && amount > 0)) throw invalid(`Amount must be positive: ${amount}`);
  if (!isAlignedTo(amount, market.precision.amount)) {
    throw invalid(
      `Amount ${amount} is not a multiple of ${market.precision.amount} ${market.base}`,
    );
  }
  if (amount < minAmount) throw invalid(`Amount ${amount} is below ${minAmount} ${market.base}`);

  if (type === 'limit') {
    if (price === undefined || !(Number.isFinite(price) && price > 0)) {
      throw invalid(`A limit order needs a positive price, got ${String(price)}`);
    }
    if (!isAlignedTo(price, market.precision.price)) {
      throw invalid(
        `Price ${price} is not a multiple of ${market.precision.price} ${market.quote}`,
      );
    }
  }
  if (triggerPrice !== undefined) checkTrigger(request, market, context.lastPrice);
  const limitPrice = type === 'limit' ? (price as number) : undefined;
  const notional = amount * (limitPrice ?? triggerPrice ?? context.lastPrice);
  const minCost = market.limits.cost.min ?? 0;
  if (notional < minCost) {
    throw invalid(`Order value ${notional.toFixed(2)} ${market.quote} is below ${minCost}`);
  }
  checkMaximums(request, market, notional);

  if (side === 'sell') {
    requireFunds(context.free(market.base), amount, market.base);
    return { market, reserved: amount };
  }
  // A limit may fill as maker or (if marketable) as taker: hold for the dearer fee.
  const feeRate = type === 'market' ? market.taker : Math.max(market.maker, market.taker);
  const holdPrice =
    limitPrice ??
    (triggerPrice ?? context.lastPrice) * (1 + context.slippageBps / 10_000 + MARKET_BUY_BUFFER);
  const reserved = amount * holdPrice * (1 + feeRate);
  requireFunds(context.free(market.quote), reserved, market.quote);
  return { market, reserved };
}

/**
 * The market's other limits, where it has them (a real exchange's metadata does; the
 * simulator's markets set none of these beyond the price step): the largest amount and order
 * value, and the price range of a limit order.
 */
function checkMaximums(request: OrderRequest, market: Market, notional: number): void {
  const { amount, price, type } = request;
  const { limits } = market;
  if (limits.amount.max !== undefined && amount > limits.amount.max) {
    throw invalid(`Amount ${amount} is above ${limits.amount.max} ${market.base}`);
  }
  if (type === 'limit' && price !== undefined) {
    if (limits.price.min !== undefined && price < limits.price.min) {
      throw invalid(`Price ${price} is below ${limits.price.min} ${market.quote}`);
    }
    if (limits.price.max !== undefined && price > limits.price.max) {
      throw invalid(`Price ${price} is above ${limits.price.max} ${market.quote}`);
    }
  }
  if (limits.cost.max !== undefined && notional > limits.cost.max) {
    throw invalid(`Order value ${notional.toFixed(2)} ${market.quote} is above ${limits.cost.max}`);
  }
}

/** A stop-market order: a market order with a trigger on the far side of the last price. */
function checkTrigger(request: OrderRequest, market: Market, lastPrice: number): void {
  const { triggerPrice, side, type } = request;
  if (type !== 'market') throw invalid('A trigger price is only supported on market orders');
  if (!(typeof triggerPrice === 'number' && Number.isFinite(triggerPrice) && triggerPrice > 0)) {
    throw invalid(`A stop order needs a positive trigger price, got ${String(triggerPrice)}`);
  }
  if (!isAlignedTo(triggerPrice, market.precision.price)) {
    throw invalid(
      `Trigger price ${triggerPrice} is not a multiple of ${market.precision.price} ${market.quote}`,
    );
  }
  // As real exchanges do: a stop that would trigger at once is refused, not filled.
  if (side === 'sell' ? triggerPrice >= lastPrice : triggerPrice <= lastPrice) {
    throw invalid(
      `Stop ${side} trigger ${triggerPrice} would trigger immediately (last price ${lastPrice})`,
    );
  }
}

/**
 * Balances are float sums of fills, so selling exactly what was bought can look short by one
 * ulp (0.01485 vs 0.014849999999999999). Differences below a billionth are not a shortage.
 */
const FUNDS_TOLERANCE = 1e-9;

function requireFunds(free: number, needed: number, currency: string): void {
  if (needed - free > FUNDS_TOLERANCE * Math.max(1, Math.abs(needed))) {
    throw new ExchangeError(
      'insufficient_funds',
      `Insufficient ${currency}: the order needs ${needed} but ${free} is free`,
    );
  }
}
