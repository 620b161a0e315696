/**
 * The simulator's matching engine for one account: places, fills, cancels and looks up orders
 * against the modelled market price (market.ts). Market orders and marketable limits fill at
 * once as takers at the touch (bid = modelled price, ask = one tick above); other limits rest
 * and fill as makers at their price when the price path crosses them (checked from the last
 * `advance` to now). Commission is 0.1%, in the asset received (Binance without BNB).
 * Emits executionReport-style order events and balance changes to listeners.
 */
import { AMOUNT_STEP, PRICE_STEP, roundToStep } from '../../src/exchange/simulated/markets';
import { errors } from './errors';
import type { Ledger } from './ledger';
import { MINUTE_MS } from './market';
import type { MarketModel } from './market';
import type { EngineEvent, OrderType, Side, SimOrder, SimTrade, TimeInForce } from './orderTypes';
import { isOpen } from './orderTypes';
import { checkNotional, checkPrice, checkQuantity } from './symbols';
import type { SimSymbol } from './symbols';

export const COMMISSION_RATE = 0.001;
const round8 = (value: number) => Math.round(value * 1e8) / 1e8;
const floorStep = (value: number) =>
  Math.floor(value / AMOUNT_STEP + 1e-9) / Math.round(1 / AMOUNT_STEP);

export interface PlaceRequest {
  symbol: SimSymbol;
  side: Side;
  type: OrderType;
  timeInForce?: TimeInForce;
  quantity?: number;
  quoteOrderQty?: number;
  price?: number;
  newClientOrderId: string;
  /** Partial-fill fault: fill only this share of the quantity at first. */
  partialFraction?: number;
}

export interface OrderRef {
  orderId?: number;
  origClientOrderId?: string;
}

export interface Engine {
  /** Fills resting orders the price path crossed since the last call. */
  advance(): void;
  place(request: PlaceRequest): SimOrder;
  cancel(symbol: SimSymbol, ref: OrderRef, cancelClientId: string): SimOrder;
  find(symbol: SimSymbol, ref: OrderRef): SimOrder;
  openOrders(symbol?: SimSymbol): SimOrder[];
  allOrders(symbol: SimSymbol): SimOrder[];
  trades(symbol: SimSymbol): SimTrade[];
  /** Best bid / ask of a symbol now. */
  touch(symbol: SimSymbol): { bid: number; ask: number };
  onEvent(listener: (event: EngineEvent) => void): () => void;
}

export function createEngine(market: MarketModel, ledger: Ledger): Engine {
  const orders: SimOrder[] = [];
  const trades: SimTrade[] = [];
  const listeners = new Set<(event: EngineEvent) => void>();
  let nextOrderId = 1_000;
  let nextTradeId = 5_000;
  let lastAdvance = market.time();

  const emit = (event: EngineEvent) => listeners.forEach((listener) => listener(event));
  const emitAccount = (symbol: SimSymbol, time: number) =>
    emit({ kind: 'account', assets: [symbol.base, symbol.quote], time });
  const touch = (symbol: SimSymbol, at = market.time()) => {
    const bid = market.priceAt(symbol.symbol, at);
    return { bid, ask: roundToStep(bid + PRICE_STEP, PRICE_STEP) };
  };

  /** Executes `qty` of `order` at `price`; moves funds; returns the trade. */
  const fill = (order: SimOrder, qty: number, price: number, isMaker: boolean, time: number) => {
    const { base, quote } = order.symbol;
    const quoteQty = round8(qty * price);
    const isBuy = order.side === 'BUY';
    const commission = round8((isBuy ? qty : quoteQty) * COMMISSION_RATE);
    if (isBuy) {
      if (order.type === 'MARKET') {
        ledger.credit(quote, -quoteQty);
      } else {
        const held = round8(qty * order.price);
        ledger.spendLocked(quote, held);
        ledger.credit(quote, held - quoteQty);
        order.locked = round8(order.locked - held);
      }
      ledger.credit(base, qty - commission);
    } else {
      if (order.type === 'MARKET') ledger.credit(base, -qty);
      else {
        ledger.spendLocked(base, qty);
        order.locked = round8(order.locked - qty);
      }
      ledger.credit(quote, quoteQty - commission);
    }
    const trade: SimTrade = {
      id: nextTradeId++,
      orderId: order.orderId,
      symbol: order.symbol,
      price,
      qty,
      quoteQty,
      commission,
      commissionAsset: isBuy ? base : quote,
      time,
      isBuyer: isBuy,
      isMaker,
    };
    trades.push(trade);
    order.fills.push(trade);
    order.executedQty = round8(order.executedQty + qty);
    order.cumQuote = round8(order.cumQuote + quoteQty);
    order.status = order.executedQty >= order.origQty ? 'FILLED' : 'PARTIALLY_FILLED';
    order.updateTime = time;
    emit({ kind: 'order', order, execution: 'TRADE', trade, time });
    return trade;
  };

  /** How much of `order` its next fill may take (the partial-fill fault takes a share once). */
  const nextFillQty = (order: SimOrder): number => {
    const remaining = round8(order.origQty - order.executedQty);
    if (order.partialFraction === undefined) return remaining;
    const share = Math.max(AMOUNT_STEP, floorStep(order.origQty * order.partialFraction));
    delete order.partialFraction;
    return Math.min(remaining, share);
  };

  const release = (order: SimOrder) => {
    if (order.locked > 0) {
      ledger.unlock(order.side === 'BUY' ? order.symbol.quote : order.symbol.base, order.locked);
      order.locked = 0;
    }
  };

  const end = (
    order: SimOrder,
    status: 'CANCELED' | 'EXPIRED',
    time: number,
    cancelClientId?: string,
  ) => {
    release(order);
    order.status = status;
    order.updateTime = time;
    emit({
      kind: 'order',
      order,
      execution: status,
      time,
      ...(cancelClientId ? { cancelClientId } : {}),
    });
  };

  const takeNow = (order: SimOrder, time: number) => {
    const { bid, ask } = touch(order.symbol, time);
    const price = order.side === 'BUY' ? ask : bid;
    const qty = nextFillQty(order);
    fill(order, qty, price, false, time);
    if (order.status === 'PARTIALLY_FILLED') order.restAfter = time + MINUTE_MS;
  };

  const advance = () => {
    const now = market.time();
    const from = lastAdvance;
    lastAdvance = now;
    if (now <= from) return;
    const touched = new Set<SimSymbol>();
    for (const order of orders.filter(isOpen)) {
      const start = Math.max(from, order.restAfter ?? from);
      if (start >= now) continue;
      const { low, high } = market.rangeBetween(order.symbol.symbol, start, now);
      const crossed = order.side === 'BUY' ? low <= order.price : high >= order.price;
      if (!crossed) continue;
      fill(order, nextFillQty(order), order.price, true, now);
      order.restAfter = order.status === 'PARTIALLY_FILLED' ? now + MINUTE_MS : undefined;
      touched.add(order.symbol);
    }
    touched.forEach((symbol) => emitAccount(symbol, now));
  };

  const place = (request: PlaceRequest): SimOrder => {
    advance();
    const time = market.time();
    const { symbol, side, type } = request;
    if (orders.some((order) => isOpen(order) && order.clientOrderId === request.newClientOrderId)) {
      throw errors.duplicateOrder();
    }
    const { bid, ask } = touch(symbol, time);
    const isBuy = side === 'BUY';
    let quantity = request.quantity;
    if (type === 'MARKET') {
      if (quantity === undefined) {
        if (request.quoteOrderQty === undefined)
          throw errors.eitherMandatory('quantity', 'quoteOrderQty');
        quantity = floorStep(request.quoteOrderQty / (isBuy ? ask : bid));
      }
      checkQuantity(quantity, true);
      checkNotional(quantity * bid);
      const needed = isBuy ? quantity * ask : quantity;
      if (needed > ledger.free(isBuy ? symbol.quote : symbol.base) + 1e-9) {
        throw errors.insufficientBalance();
      }
    } else {
      if (request.price === undefined) throw errors.mandatory('price');
      if (quantity === undefined) throw errors.mandatory('quantity');
      checkPrice(request.price);
      checkQuantity(quantity, false);
      checkNotional(quantity * request.price);
      const marketable = isBuy ? request.price >= ask : request.price <= bid;
      if (type === 'LIMIT_MAKER' && marketable) {
        throw errors.wouldMatch();
      }
      const hold = isBuy ? round8(quantity * request.price) : quantity;
      if (hold > ledger.free(isBuy ? symbol.quote : symbol.base) + 1e-9) {
        throw errors.insufficientBalance();
      }
    }
    const order: SimOrder = {
      symbol,
      orderId: nextOrderId++,
      clientOrderId: request.newClientOrderId,
      side,
      type,
      timeInForce: type === 'MARKET' ? 'GTC' : (request.timeInForce ?? 'GTC'),
      price: type === 'MARKET' ? 0 : roundToStep(request.price as number, PRICE_STEP),
      origQty: roundToStep(quantity, AMOUNT_STEP),
      origQuoteOrderQty: request.quoteOrderQty ?? 0,
      executedQty: 0,
      cumQuote: 0,
      status: 'NEW',
      time,
      updateTime: time,
      fills: [],
      locked: 0,
      ...(request.partialFraction !== undefined
        ? { partialFraction: request.partialFraction }
        : {}),
    };
    orders.push(order);
    if (type !== 'MARKET') {
      order.locked = isBuy ? round8(order.origQty * order.price) : order.origQty;
      ledger.lock(isBuy ? symbol.quote : symbol.base, order.locked);
    }
    emit({ kind: 'order', order, execution: 'NEW', time });
    const marketable = type === 'MARKET' || (isBuy ? order.price >= ask : order.price <= bid);
    if (marketable) {
      if (order.timeInForce === 'FOK' && order.partialFraction !== undefined) {
        end(order, 'EXPIRED', time);
      } else {
        takeNow(order, time);
        if (isOpen(order) && (type === 'MARKET' || order.timeInForce !== 'GTC'))
          end(order, 'EXPIRED', time);
      }
    } else if (order.timeInForce !== 'GTC') {
      end(order, 'EXPIRED', time);
    }
    emitAccount(symbol, time);
    return order;
  };

  const find = (symbol: SimSymbol, ref: OrderRef): SimOrder => {
    if (ref.orderId === undefined && ref.origClientOrderId === undefined) {
      throw errors.eitherMandatory('orderId', 'origClientOrderId');
    }
    for (let index = orders.length - 1; index >= 0; index--) {
      const order = orders[index] as SimOrder;
      if (order.symbol.id !== symbol.id) continue;
      if (ref.orderId !== undefined && order.orderId !== ref.orderId) continue;
      if (ref.origClientOrderId !== undefined && order.clientOrderId !== ref.origClientOrderId)
        continue;
      return order;
    }
    throw errors.orderMissing();
  };

  return {
    advance,
    place,
    cancel(symbol, ref, cancelClientId) {
      advance();
      let order: SimOrder;
      try {
        order = find(symbol, ref);
      } catch {
        throw errors.cancelUnknown();
      }
      if (!isOpen(order)) throw errors.cancelUnknown();
      const time = market.time();
      end(order, 'CANCELED', time, cancelClientId);
      emitAccount(symbol, time);
      return order;
    },
    find(symbol, ref) {
      advance();
      return find(symbol, ref);
    },
    openOrders(symbol) {
      advance();
      return orders.filter((order) => isOpen(order) && (!symbol || order.symbol.id === symbol.id));
    },
    allOrders(symbol) {
      advance();
      return orders.filter((order) => order.symbol.id === symbol.id);
    },
    trades(symbol) {
      advance();
      return trades.filter((trade) => trade.symbol.id === symbol.id);
    },
    touch: (symbol) => touch(symbol),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
