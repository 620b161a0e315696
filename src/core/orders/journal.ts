/**
 * The order journal's record: one row per order, written (state `new`) before the order is
 * sent, marked `sent` right before each request leaves, and updated on every transition. The
 * client order id is the key for reconciliation.
 */
import type { TimestampMs } from '../time';
import type { OrderRequest, OrderSide, OrderState, OrderType } from './types';

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

/** The fields a record's life changes (the rest are journaled with the order). */
type RecordProgress = Pick<
  OrderRecord,
  'state' | 'filled' | 'fee' | 'createdAt' | 'updatedAt' | 'history'
>;

/**
 * A record of `order` at `progress`, its fields in one fixed order, an absent optional field
 * undefined. Every record the engine makes is built here: records of one shape keep the code
 * that reads them fast, and each is one object literal rather than fields added one by one.
 */
function buildRecord(order: NewOrderRecord, progress: RecordProgress): OrderRecord {
  return {
    clientOrderId: order.clientOrderId,
    botId: order.botId,
    accountId: order.accountId,
    symbol: order.symbol,
    side: order.side,
    type: order.type,
    amount: order.amount,
    price: order.price,
    triggerPrice: order.triggerPrice,
    state: progress.state,
    exchangeOrderId: order.exchangeOrderId,
    filled: progress.filled,
    averagePrice: order.averagePrice,
    fee: progress.fee,
    tag: order.tag,
    reason: order.reason,
    configVersion: order.configVersion,
    createdAt: progress.createdAt,
    updatedAt: progress.updatedAt,
    history: progress.history,
  };
}

/** The journal record of an order not yet sent: state `new`, nothing filled, at `now`. */
export function newOrderRecord(fields: NewOrderRecord, now: TimestampMs): OrderRecord {
  const history = [{ state: 'new' as const, time: now }];
  return buildRecord(fields, {
    state: 'new',
    filled: 0,
    fee: 0,
    createdAt: now,
    updatedAt: now,
    history,
  });
}

/** A copy of `record` to change (a transition), built as every record is (see buildRecord). */
export function copyOrderRecord(record: OrderRecord): OrderRecord {
  return buildRecord(record, record);
}

/** The exchange request for a journaled order; every send and re-send carries the same id. */
export function orderRequest(record: OrderRecord): OrderRequest {
  const request: OrderRequest = {
    symbol: record.symbol,
    type: record.type,
    side: record.side,
    amount: record.amount,
    price: record.price,
    clientOrderId: record.clientOrderId,
  };
  // Set after, not spread in: on Node 20 a literal with fields after a spread is slow.
  if (record.triggerPrice !== undefined) request.triggerPrice = record.triggerPrice;
  return request;
}
