/**
 * The order journal's record: one row per order, written before the order is sent and
 * updated on every transition. The client order id is the key for reconciliation.
 */
import type { TimestampMs } from '../time';
import type { OrderSide, OrderState, OrderType } from './types';

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
  history: OrderTransition[];
}
