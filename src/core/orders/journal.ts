/**
 * The order journal's record: one row per order, written (state `new`) before the order is
 * sent, marked `sent` right before each request leaves, and updated on every transition. The
 * client order id is the key for reconciliation.
 */
import type { TimestampMs } from '../time';
import type { OrderRequest, OrderSide, OrderState, OrderType } from './types';
import { withFields } from '../withFields';

/** One entry of an order's history; a `sent` entry's time is when that request went out. */
export interface OrderTransition {
  state: OrderState;
  time: TimestampMs;
  note?: string;
}

export interface OrderRecord {
  clientOrderId: string;
  botId: string;
  accountId: string;
  symbol: string;
  side: OrderSide;
  type: OrderType;
  amount: number;
  price?: number;
  /** A stop order's trigger: it rests on the exchange until the price reaches it. */
  triggerPrice?: number;
  state: OrderState;
  exchangeOrderId?: string;
  filled: number;
  averagePrice?: number;
  /** Fees in quote currency. */
  fee: number;
  tag?: string;
  /** Why it was rejected / canceled / expired. */
  reason?: string;
  /** The bot config version whose decision created it. */
  configVersion: number;
  createdAt: TimestampMs;
  updatedAt: TimestampMs;
  /** Every transition, oldest first (a re-sent order has several `sent` entries). */
  history: OrderTransition[];
}

/** What an order is journaled with; the rest of the record starts empty. */
export type NewOrderRecord = Omit<
  OrderRecord,
  'state' | 'filled' | 'fee' | 'createdAt' | 'updatedAt' | 'history'
>;

/** The journal record of an order not yet sent: state `new`, nothing filled, at `now`. */
export function newOrderRecord(fields: NewOrderRecord, now: TimestampMs): OrderRecord {
  return withFields(fields, {
    state: 'new' as const,
    filled: 0,
    fee: 0,
    createdAt: now,
    updatedAt: now,
    history: [{ state: 'new' as const, time: now }],
  });
}

/** The exchange request for a journaled order; every send and re-send carries the same id. */
export function orderRequest(record: OrderRecord): OrderRequest {
  return {
    symbol: record.symbol,
    type: record.type,
    side: record.side,
    amount: record.amount,
    price: record.price,
    ...(record.triggerPrice === undefined ? {} : { triggerPrice: record.triggerPrice }),
    clientOrderId: record.clientOrderId,
  };
}
