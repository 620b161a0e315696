/**
 * A bot's capital ledger: its own virtual sub-account on an exchange account. Fills are
 * attributed to it by client order id. Never rounded mid-way; sums reconcile to 1e-9.
 */
import type { OrderSide } from '../orders/types';
import type { TimestampMs } from '../time';

export interface Ledger {
  base: string;
  quote: string;
  /** Quote currency assigned at creation (plus later top-ups). */
  initialCash: number;
  /** Free quote currency. */
  cash: number;
  /** Base currency held. */
  position: number;
  /** Average entry price of `position`; 0 when flat. */
  averageEntry: number;
  /** Realized PnL in quote, before fees. */
  realizedPnl: number;
  /** Fees paid, in quote (base fees converted at the fill price). */
  feesPaid: number;
  tradeCount: number;
}

/** One execution attributed to a bot. */
export interface Fill {
  /** Exchange trade id (unique per account). */
  tradeId: string;
  clientOrderId: string;
  time: TimestampMs;
  side: OrderSide;
  price: number;
  amount: number;
  /** Fee charged, in `feeCurrency`. */
  fee: number;
  feeCurrency: string;
  takerOrMaker: 'taker' | 'maker';
}
