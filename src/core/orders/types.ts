/**
 * Orders and trades in ccxt's unified shapes (what an exchange port returns), plus the
 * order intents strategies emit and the journal states Flotilla tracks per order.
 */
import type { TimestampMs } from '../time';

export type OrderSide = 'buy' | 'sell';
export type OrderType = 'market' | 'limit';

/** ccxt's unified order status. */
export type ExchangeOrderStatus = 'open' | 'closed' | 'canceled' | 'expired' | 'rejected';

export interface Fee {
  cost: number;
  currency: string;
  rate?: number;
}

/** An order as an exchange reports it (ccxt unified Order, the fields we use). */
export interface ExchangeOrder {
  id: string;
  clientOrderId: string;
  timestamp: TimestampMs;
  lastTradeTimestamp?: TimestampMs;
  symbol: string;
  type: OrderType;
  side: OrderSide;
  /** Limit price; undefined for market orders. */
  price?: number;
  /** A stop order's trigger (ccxt `triggerPrice`): a market order that waits for this price. */
  triggerPrice?: number;
  /** Average fill price, once anything filled. */
  average?: number;
  amount: number;
  filled: number;
  remaining: number;
  /** Filled notional in quote currency. */
  cost: number;
  status: ExchangeOrderStatus;
  fee?: Fee;
}

/** One execution (ccxt unified Trade from fetchMyTrades / watchMyTrades). */
export interface ExchangeTrade {
  id: string;
  /** Exchange order id. */
  order: string;
  clientOrderId: string;
  timestamp: TimestampMs;
  symbol: string;
  side: OrderSide;
  type: OrderType;
  takerOrMaker: 'taker' | 'maker';
  price: number;
  amount: number;
  cost: number;
  fee: Fee;
}

export interface OrderRequest {
  symbol: string;
  type: OrderType;
  side: OrderSide;
  amount: number;
  /** Required for limit orders. */
  price?: number;
  /**
   * Makes a market order a stop-market order (ccxt's `triggerPrice` param): it rests until the
   * price trades at or beyond this level (at or below for a sell), then fills at market.
   * Only on exchanges whose port says `supportsNativeStops`.
   */
  triggerPrice?: number;
  clientOrderId: string;
}

/**
 * Flotilla's own order lifecycle (the journal): new (journaled, not yet sent) -> sent (the
 * request went out, no answer yet) -> open -> partially_filled -> filled | canceled | rejected |
 * expired.
 */
export type OrderState =
  'new' | 'sent' | 'open' | 'partially_filled' | 'filled' | 'canceled' | 'rejected' | 'expired';

/** What a strategy asks for. Amounts are in base currency; `quote` sizes in quote currency. */
export type OrderIntent =
  | {
      /** Buys at market (also to add to a position, e.g. DCA). */
      kind: 'enter_long';
      /** Quote currency to spend; defaults to all of the bot's free cash. */
      quote?: number;
      tag?: string;
    }
  | {
      kind: 'exit_long';
      /** Fraction of the position to sell, (0, 1]; defaults to 1. */
      fraction?: number;
      tag?: string;
    }
  | {
      kind: 'place_limit';
      side: OrderSide;
      price: number;
      amount: number;
      tag?: string;
    }
  | {
      /** Moves a resting limit order: cancels it and places the new price/amount (same tag). */
      kind: 'amend';
      clientOrderId: string;
      price?: number;
      /** New total amount; defaults to what was still unfilled. */
      amount?: number;
    }
  | { kind: 'cancel'; clientOrderId: string }
  | { kind: 'cancel_all' };
