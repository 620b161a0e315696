/** The simulator's order and trade records (Binance field semantics) and the events they emit. */
import type { SimSymbol } from './symbols';

export type Side = 'BUY' | 'SELL';
export type OrderType = 'LIMIT' | 'MARKET' | 'LIMIT_MAKER';
export type TimeInForce = 'GTC' | 'IOC' | 'FOK';
export type OrderStatus =
  'NEW' | 'PARTIALLY_FILLED' | 'FILLED' | 'CANCELED' | 'EXPIRED' | 'REJECTED';

export interface SimTrade {
  id: number;
  orderId: number;
  symbol: SimSymbol;
  price: number;
  qty: number;
  quoteQty: number;
  commission: number;
  commissionAsset: string;
  time: number;
  isBuyer: boolean;
  isMaker: boolean;
}

export interface SimOrder {
  symbol: SimSymbol;
  orderId: number;
  clientOrderId: string;
  side: Side;
  type: OrderType;
  timeInForce: TimeInForce;
  /** Limit price; 0 for market orders. */
  price: number;
  origQty: number;
  origQuoteOrderQty: number;
  executedQty: number;
  cumQuote: number;
  status: OrderStatus;
  time: number;
  updateTime: number;
  fills: SimTrade[];
  /** Funds still locked for the order (quote for buys, base for sells). */
  locked: number;
  /** Partial-fill fault: the share of origQty its next fill may take. */
  partialFraction?: number;
  /** After a partial fill: the rest does not fill before this market time. */
  restAfter?: number;
}

export type ExecutionType = 'NEW' | 'TRADE' | 'CANCELED' | 'EXPIRED' | 'REJECTED';

export type EngineEvent =
  | {
      kind: 'order';
      order: SimOrder;
      execution: ExecutionType;
      trade?: SimTrade;
      /** For cancels: the cancel request's own client order id. */
      cancelClientId?: string;
      time: number;
    }
  | { kind: 'account'; assets: string[]; time: number };

export const isOpen = (order: SimOrder) =>
  order.status === 'NEW' || order.status === 'PARTIALLY_FILLED';
