/**
 * The Binance spot API operations, shared by the REST router and the WebSocket API: each takes
 * Binance's string parameters and returns Binance's JSON (or throws a BinanceError). Signing
 * is checked by the callers (auth.ts); this is what happens after.
 */
import { randomUUID } from 'node:crypto';
import { errors } from './errors';
import { apiRestrictionsResponse } from './keyPermissions';
import type { KeyPermissions } from './keyPermissions';
import {
  accountResponse,
  cancelResponse,
  klineRow,
  placeResponse,
  queryResponse,
  ticker24h,
  tradeResponse,
  d8,
} from './format';
import type { ResponseType } from './format';
import type { Ledger } from './ledger';
import type { MarketModel } from './market';
import { dayStats, depth, intervalMs, klines } from './marketData';
import type { Engine } from './orders';
import type { OrderType, Side, SimOrder, TimeInForce } from './orderTypes';
import { decimalParam, exchangeInfoSymbol } from './symbols';
import type { SimSymbol } from './symbols';

export type Params = Record<string, string>;

export interface ApiContext {
  market: MarketModel;
  engine: Engine;
  ledger: Ledger;
  symbols: readonly SimSymbol[];
  /** Wall-clock ms (what `timestamp` is checked against and /api/v3/time answers). */
  serverTime(): number;
  /** What GET /sapi/v1/account/apiRestrictions says the test API key may do. */
  keyPermissions: KeyPermissions;
}

const intParam = (params: Params, name: string): number | undefined => {
  const raw = params[name];
  if (raw === undefined || raw === '') return undefined;
  if (!/^-?\d+$/.test(raw)) throw errors.illegalChars(name);
  return Number(raw);
};

const limitParam = (params: Params, fallback: number, max: number) => {
  const limit = intParam(params, 'limit') ?? fallback;
  return Math.max(1, Math.min(max, limit));
};

/** Binance's `symbols` parameter: a JSON array of ids. */
function symbolList(raw: string): string[] {
  try {
    const list: unknown = JSON.parse(raw);
    if (Array.isArray(list) && list.every((item) => typeof item === 'string')) return list;
  } catch {
    // fall through
  }
  throw errors.illegalChars('symbols');
}

export function createApi(ctx: ApiContext) {
  const { market, engine, ledger } = ctx;
  const byId = new Map(ctx.symbols.map((symbol) => [symbol.id, symbol]));
  const symbol = (params: Params): SimSymbol => {
    if (!params.symbol) throw errors.mandatory('symbol');
    const found = byId.get(params.symbol.toUpperCase());
    if (!found) throw errors.invalidSymbol();
    return found;
  };
  const selected = (params: Params): SimSymbol[] | undefined => {
    if (params.symbol) return [symbol(params)];
    if (params.symbols) return symbolList(params.symbols).map((id) => symbol({ symbol: id }));
    return undefined;
  };
  const orderRef = (params: Params) => {
    const orderId = intParam(params, 'orderId');
    return {
      ...(orderId !== undefined ? { orderId } : {}),
      ...(params.origClientOrderId ? { origClientOrderId: params.origClientOrderId } : {}),
    };
  };
  const window = <T>(
    items: T[],
    params: Params,
    timeOf: (item: T) => number,
    idOf: (item: T) => number,
    idParam: string,
  ) => {
    const start = intParam(params, 'startTime');
    const end = intParam(params, 'endTime');
    const fromId = intParam(params, idParam);
    const limit = limitParam(params, 500, 1000);
    const chosen = items.filter(
      (item) =>
        (start === undefined || timeOf(item) >= start) &&
        (end === undefined || timeOf(item) <= end) &&
        (fromId === undefined || idOf(item) >= fromId),
    );
    return fromId !== undefined || start !== undefined
      ? chosen.slice(0, limit)
      : chosen.slice(-limit);
  };

  return {
    ping: () => ({}),
    time: () => ({ serverTime: ctx.serverTime() }),

    exchangeInfo(params: Params) {
      const list = selected(params) ?? [...ctx.symbols];
      return {
        timezone: 'UTC',
        serverTime: ctx.serverTime(),
        rateLimits: [
          { rateLimitType: 'REQUEST_WEIGHT', interval: 'MINUTE', intervalNum: 1, limit: 6000 },
          { rateLimitType: 'ORDERS', interval: 'SECOND', intervalNum: 10, limit: 100 },
          { rateLimitType: 'ORDERS', interval: 'DAY', intervalNum: 1, limit: 200000 },
          { rateLimitType: 'RAW_REQUESTS', interval: 'MINUTE', intervalNum: 5, limit: 61000 },
        ],
        exchangeFilters: [],
        symbols: list.map(exchangeInfoSymbol),
      };
    },

    ticker24hr(params: Params) {
      const list = selected(params);
      if (params.symbol)
        return ticker24h(list?.[0] as SimSymbol, dayStats(market, engine, list?.[0] as SimSymbol));
      return (list ?? [...ctx.symbols]).map((one) => ticker24h(one, dayStats(market, engine, one)));
    },

    tickerPrice(params: Params) {
      const row = (one: SimSymbol) => ({ symbol: one.id, price: d8(engine.touch(one).bid) });
      return params.symbol ? row(symbol(params)) : (selected(params) ?? [...ctx.symbols]).map(row);
    },

    bookTicker(params: Params) {
      const row = (one: SimSymbol) => {
        const { bid, ask } = engine.touch(one);
        return {
          symbol: one.id,
          bidPrice: d8(bid),
          bidQty: d8(1),
          askPrice: d8(ask),
          askQty: d8(1),
        };
      };
      return params.symbol ? row(symbol(params)) : (selected(params) ?? [...ctx.symbols]).map(row);
    },

    avgPrice(params: Params) {
      const one = symbol(params);
      return { mins: 5, price: d8(engine.touch(one).bid), closeTime: market.time() };
    },

    depth(params: Params) {
      return depth(
        engine,
        symbol(params),
        limitParam(params, 100, 5000),
        Math.floor(market.time()),
      );
    },

    klines(params: Params) {
      const one = symbol(params);
      const length = intervalMs(params.interval);
      const startTime = intParam(params, 'startTime');
      const endTime = intParam(params, 'endTime');
      const candles = klines(market, one, {
        length,
        limit: limitParam(params, 500, 1000),
        ...(startTime !== undefined ? { startTime } : {}),
        ...(endTime !== undefined ? { endTime } : {}),
      });
      return candles.map((candle) => klineRow(candle, length));
    },

    account: () => accountResponse(ledger.list(), market.time()),

    apiRestrictions: () => apiRestrictionsResponse(ctx.keyPermissions, ctx.serverTime()),

    placeOrder(params: Params, options: { test?: boolean; partialFraction?: number } = {}) {
      const one = symbol(params);
      const side = params.side?.toUpperCase();
      if (!side) throw errors.mandatory('side');
      if (side !== 'BUY' && side !== 'SELL') throw errors.invalidSide();
      const type = params.type?.toUpperCase();
      if (!type) throw errors.mandatory('type');
      if (type !== 'LIMIT' && type !== 'MARKET' && type !== 'LIMIT_MAKER')
        throw errors.invalidOrderType();
      const timeInForce = params.timeInForce?.toUpperCase();
      if (type === 'LIMIT' && !timeInForce) throw errors.mandatory('timeInForce');
      if (timeInForce !== undefined && !['GTC', 'IOC', 'FOK'].includes(timeInForce)) {
        throw errors.invalidTimeInForce();
      }
      const responseType = (params.newOrderRespType?.toUpperCase() ??
        (type === 'MARKET' || type === 'LIMIT' ? 'FULL' : 'ACK')) as ResponseType;
      if (!['ACK', 'RESULT', 'FULL'].includes(responseType))
        throw errors.illegalChars('newOrderRespType');
      const clientOrderId =
        params.newClientOrderId || `sim${randomUUID().replaceAll('-', '').slice(0, 19)}`;
      if (!/^[a-zA-Z0-9-_]{1,36}$/.test(clientOrderId))
        throw errors.illegalChars('newClientOrderId');
      const quantity = decimalParam(params, 'quantity');
      const quoteOrderQty = decimalParam(params, 'quoteOrderQty');
      const price = decimalParam(params, 'price');
      const request = {
        symbol: one,
        side: side as Side,
        type: type as OrderType,
        ...(timeInForce ? { timeInForce: timeInForce as TimeInForce } : {}),
        ...(quantity !== undefined ? { quantity } : {}),
        ...(quoteOrderQty !== undefined ? { quoteOrderQty } : {}),
        ...(price !== undefined ? { price } : {}),
        newClientOrderId: clientOrderId,
        ...(options.partialFraction !== undefined
          ? { partialFraction: options.partialFraction }
          : {}),
      };
      if (type !== 'MARKET' && quantity === undefined) throw errors.mandatory('quantity');
      if (type === 'MARKET' && quantity === undefined && quoteOrderQty === undefined) {
        throw errors.eitherMandatory('quantity', 'quoteOrderQty');
      }
      if (options.test) return {};
      return placeResponse(engine.place(request), responseType);
    },

    queryOrder(params: Params) {
      return queryResponse(engine.find(symbol(params), orderRef(params)));
    },

    cancelOrder(params: Params) {
      const one = symbol(params);
      const ref = orderRef(params);
      if (ref.orderId === undefined && ref.origClientOrderId === undefined) {
        throw errors.eitherMandatory('orderId', 'origClientOrderId');
      }
      const cancelId =
        params.newClientOrderId || `sim${randomUUID().replaceAll('-', '').slice(0, 19)}`;
      return cancelResponse(engine.cancel(one, ref, cancelId), cancelId);
    },

    cancelOpenOrders(params: Params) {
      const one = symbol(params);
      const open = engine.openOrders(one);
      if (open.length === 0) throw errors.cancelUnknown();
      return open.map((order: SimOrder) => {
        const cancelId = `sim${randomUUID().replaceAll('-', '').slice(0, 19)}`;
        return cancelResponse(engine.cancel(one, { orderId: order.orderId }, cancelId), cancelId);
      });
    },

    openOrders(params: Params) {
      const one = params.symbol ? symbol(params) : undefined;
      return engine.openOrders(one).map(queryResponse);
    },

    allOrders(params: Params) {
      const orders = engine.allOrders(symbol(params));
      return window(
        orders,
        params,
        (o) => o.time,
        (o) => o.orderId,
        'orderId',
      ).map(queryResponse);
    },

    myTrades(params: Params) {
      const orderId = intParam(params, 'orderId');
      const trades = engine
        .trades(symbol(params))
        .filter((trade) => orderId === undefined || trade.orderId === orderId);
      return window(
        trades,
        params,
        (t) => t.time,
        (t) => t.id,
        'fromId',
      ).map(tradeResponse);
    },
  };
}

export type Api = ReturnType<typeof createApi>;
