/**
 * Binance's JSON shapes for the simulator's records: order responses (ACK / RESULT / FULL and
 * query), cancels, trades, the account, klines and tickers, and the user-data events
 * (executionReport, outboundAccountPosition). Decimals are strings with 8 places, as Binance's.
 */
import type { Candle } from '../../src/core/market/candle';
import type { AssetBalance } from './ledger';
import { COMMISSION_RATE } from './orders';
import type { EngineEvent, SimOrder, SimTrade } from './orderTypes';
import type { SimSymbol } from './symbols';

export const d8 = (value: number) => value.toFixed(8);

export type ResponseType = 'ACK' | 'RESULT' | 'FULL';

const orderCore = (order: SimOrder) => ({
  symbol: order.symbol.id,
  orderId: order.orderId,
  orderListId: -1,
  clientOrderId: order.clientOrderId,
});

const orderState = (order: SimOrder) => ({
  price: d8(order.price),
  origQty: d8(order.origQty),
  executedQty: d8(order.executedQty),
  origQuoteOrderQty: d8(order.origQuoteOrderQty),
  cummulativeQuoteQty: d8(order.cumQuote),
  status: order.status,
  timeInForce: order.timeInForce,
  type: order.type,
  side: order.side,
});

export function placeResponse(order: SimOrder, type: ResponseType): Record<string, unknown> {
  const ack = { ...orderCore(order), transactTime: order.time };
  if (type === 'ACK') return ack;
  const result = {
    ...ack,
    ...orderState(order),
    workingTime: order.time,
    selfTradePreventionMode: 'EXPIRE_MAKER',
  };
  if (type === 'RESULT') return result;
  return {
    ...result,
    fills: order.fills.map((fill) => ({
      price: d8(fill.price),
      qty: d8(fill.qty),
      commission: d8(fill.commission),
      commissionAsset: fill.commissionAsset,
      tradeId: fill.id,
    })),
  };
}

export function queryResponse(order: SimOrder): Record<string, unknown> {
  return {
    ...orderCore(order),
    ...orderState(order),
    stopPrice: d8(0),
    icebergQty: d8(0),
    time: order.time,
    updateTime: order.updateTime,
    isWorking: true,
    workingTime: order.time,
    selfTradePreventionMode: 'EXPIRE_MAKER',
  };
}

export function cancelResponse(order: SimOrder, cancelClientId: string): Record<string, unknown> {
  return {
    symbol: order.symbol.id,
    origClientOrderId: order.clientOrderId,
    orderId: order.orderId,
    orderListId: -1,
    clientOrderId: cancelClientId,
    transactTime: order.updateTime,
    ...orderState(order),
    selfTradePreventionMode: 'EXPIRE_MAKER',
  };
}

export function tradeResponse(trade: SimTrade): Record<string, unknown> {
  return {
    symbol: trade.symbol.id,
    id: trade.id,
    orderId: trade.orderId,
    orderListId: -1,
    price: d8(trade.price),
    qty: d8(trade.qty),
    quoteQty: d8(trade.quoteQty),
    commission: d8(trade.commission),
    commissionAsset: trade.commissionAsset,
    time: trade.time,
    isBuyer: trade.isBuyer,
    isMaker: trade.isMaker,
    isBestMatch: true,
  };
}

export function accountResponse(balances: AssetBalance[], time: number): Record<string, unknown> {
  const rate = d8(COMMISSION_RATE);
  return {
    makerCommission: COMMISSION_RATE * 10_000,
    takerCommission: COMMISSION_RATE * 10_000,
    buyerCommission: 0,
    sellerCommission: 0,
    commissionRates: { maker: rate, taker: rate, buyer: d8(0), seller: d8(0) },
    canTrade: true,
    canWithdraw: false,
    canDeposit: true,
    brokered: false,
    requireSelfTradePrevention: false,
    preventSor: false,
    updateTime: time,
    accountType: 'SPOT',
    balances: balances.map((b) => ({ asset: b.asset, free: d8(b.free), locked: d8(b.locked) })),
    permissions: ['SPOT'],
    uid: 354937868,
  };
}

/** A REST kline row. */
export function klineRow(candle: Candle, intervalMs: number): unknown[] {
  const quoteVolume = candle.volume * candle.close;
  return [
    candle.time,
    d8(candle.open),
    d8(candle.high),
    d8(candle.low),
    d8(candle.close),
    d8(candle.volume),
    candle.time + intervalMs - 1,
    d8(quoteVolume),
    Math.max(1, Math.round(candle.volume * 40)),
    d8(candle.volume / 2),
    d8(quoteVolume / 2),
    '0',
  ];
}

export function klineEvent(
  symbol: SimSymbol,
  interval: string,
  candle: Candle,
  intervalMs: number,
  eventTime: number,
  closed: boolean,
) {
  const row = klineRow(candle, intervalMs);
  return {
    e: 'kline',
    E: eventTime,
    s: symbol.id,
    k: {
      t: candle.time,
      T: row[6],
      s: symbol.id,
      i: interval,
      f: 100,
      L: 200,
      o: row[1],
      c: row[4],
      h: row[2],
      l: row[3],
      v: row[5],
      n: row[8],
      x: closed,
      q: row[7],
      V: row[9],
      Q: row[10],
      B: '0',
    },
  };
}

export interface DayStats {
  open: number;
  high: number;
  low: number;
  last: number;
  volume: number;
  openTime: number;
  closeTime: number;
  bid: number;
  ask: number;
}

export function ticker24h(symbol: SimSymbol, day: DayStats): Record<string, unknown> {
  const change = day.last - day.open;
  return {
    symbol: symbol.id,
    priceChange: d8(change),
    priceChangePercent: (day.open === 0 ? 0 : (change / day.open) * 100).toFixed(3),
    weightedAvgPrice: d8((day.high + day.low + day.last) / 3),
    prevClosePrice: d8(day.open),
    lastPrice: d8(day.last),
    lastQty: d8(0.001),
    bidPrice: d8(day.bid),
    bidQty: d8(1),
    askPrice: d8(day.ask),
    askQty: d8(1),
    openPrice: d8(day.open),
    highPrice: d8(day.high),
    lowPrice: d8(day.low),
    volume: d8(day.volume),
    quoteVolume: d8(day.volume * day.last),
    openTime: day.openTime,
    closeTime: day.closeTime,
    firstId: 1,
    lastId: 2,
    count: 2,
  };
}

/** The market stream's 24hrTicker event. */
export function tickerEvent(symbol: SimSymbol, day: DayStats, eventTime: number) {
  const rest = ticker24h(symbol, day);
  return {
    e: '24hrTicker',
    E: eventTime,
    s: symbol.id,
    p: rest.priceChange,
    P: rest.priceChangePercent,
    w: rest.weightedAvgPrice,
    x: rest.prevClosePrice,
    c: rest.lastPrice,
    Q: rest.lastQty,
    b: rest.bidPrice,
    B: rest.bidQty,
    a: rest.askPrice,
    A: rest.askQty,
    o: rest.openPrice,
    h: rest.highPrice,
    l: rest.lowPrice,
    v: rest.volume,
    q: rest.quoteVolume,
    O: day.openTime,
    C: day.closeTime,
    F: 1,
    L: 2,
    n: 2,
  };
}

export function bookTickerEvent(symbol: SimSymbol, bid: number, ask: number, updateId: number) {
  return { u: updateId, s: symbol.id, b: d8(bid), B: d8(1), a: d8(ask), A: d8(1) };
}

/** executionReport / outboundAccountPosition for an engine event. */
export function userDataEvent(event: EngineEvent, balances: (assets: string[]) => AssetBalance[]) {
  if (event.kind === 'account') {
    return {
      e: 'outboundAccountPosition',
      E: event.time,
      u: event.time,
      B: balances(event.assets).map((b) => ({ a: b.asset, f: d8(b.free), l: d8(b.locked) })),
    };
  }
  const { order, trade } = event;
  const isCancel = event.execution === 'CANCELED';
  return {
    e: 'executionReport',
    E: event.time,
    s: order.symbol.id,
    c: isCancel ? (event.cancelClientId ?? order.clientOrderId) : order.clientOrderId,
    S: order.side,
    o: order.type,
    f: order.timeInForce,
    q: d8(order.origQty),
    p: d8(order.price),
    P: d8(0),
    F: d8(0),
    g: -1,
    C: isCancel ? order.clientOrderId : '',
    x: event.execution,
    X: order.status,
    r: 'NONE',
    i: order.orderId,
    l: d8(trade?.qty ?? 0),
    z: d8(order.executedQty),
    L: d8(trade?.price ?? 0),
    n: d8(trade?.commission ?? 0),
    N: trade?.commissionAsset ?? null,
    T: event.time,
    t: trade?.id ?? -1,
    v: 0,
    I: 0,
    w: event.execution === 'NEW' || order.status === 'PARTIALLY_FILLED',
    m: trade?.isMaker ?? false,
    M: false,
    O: order.time,
    Z: d8(order.cumQuote),
    Y: d8(trade?.quoteQty ?? 0),
    Q: d8(order.origQuoteOrderQty),
    W: order.time,
    V: 'EXPIRE_MAKER',
  };
}
