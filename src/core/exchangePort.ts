/**
 * The exchange port: everything the engine needs from an exchange, in ccxt's unified shapes.
 * The built-in simulator implements it; the ccxt adapter and the paper exchange will too.
 * Errors are thrown as ExchangeError with a kind the engine can act on.
 */
import type { Candle } from './market/candle';
import type { Market } from './market/types';
import type { ExchangeOrder, ExchangeTrade, OrderRequest } from './orders/types';
import type { TimestampMs } from './time';

export interface BalanceEntry {
  free: number;
  used: number;
  total: number;
}

export type Balances = Record<string, BalanceEntry>;

export type Unsubscribe = () => void;

export type ExchangeErrorKind =
  | 'insufficient_funds'
  | 'invalid_order'
  | 'order_not_found'
  | 'rate_limited'
  | 'network'
  | 'auth'
  | 'exchange_unavailable'
  | 'unknown';

export class ExchangeError extends Error {
  readonly kind: ExchangeErrorKind;
  constructor(kind: ExchangeErrorKind, message: string) {
    super(message);
    this.name = 'ExchangeError';
    this.kind = kind;
  }
}

/** A live price update (a tick along the current candle's path). */
export interface PriceTick {
  symbol: string;
  time: TimestampMs;
  price: number;
}

export interface ExchangePort {
  /** e.g. "simulated". */
  readonly exchangeId: string;
  /**
   * Whether createOrder accepts stop-market orders (`triggerPrice` on a market order) that
   * the exchange itself triggers. Where false, the engine enforces stops itself.
   */
  readonly supportsNativeStops: boolean;
  /**
   * How long after it was sent a request may still be executed by the exchange (a signed
   * request older than Binance's `recvWindow` is refused, for instance). Once that long has
   * passed since an order's last request, an exchange that does not know its client order id
   * never will, so reconciliation can re-send it without risking a duplicate. Absent or 0: a
   * request runs in-process or not at all (the simulator, the paper exchange).
   */
  readonly requestWindowMs?: number;
  loadMarkets(): Promise<Record<string, Market>>;
  fetchBalance(): Promise<Balances>;
  /** Closed 1m-or-coarser candles ending before now; `since` inclusive. */
  fetchOHLCV(
    symbol: string,
    timeframe: string,
    since?: TimestampMs,
    limit?: number,
  ): Promise<Candle[]>;
  createOrder(request: OrderRequest): Promise<ExchangeOrder>;
  cancelOrder(id: string, symbol: string): Promise<ExchangeOrder>;
  fetchOrder(id: string, symbol: string): Promise<ExchangeOrder>;
  /** Looks an order up by the client order id we gave it; undefined if the exchange never saw it. */
  fetchOrderByClientId(clientOrderId: string, symbol: string): Promise<ExchangeOrder | undefined>;
  fetchOpenOrders(symbol?: string): Promise<ExchangeOrder[]>;
  fetchMyTrades(symbol: string, since?: TimestampMs): Promise<ExchangeTrade[]>;
  /** Every closed 1m candle of `symbol`, as it closes. */
  watchCandles(symbol: string, onCandle: (candle: Candle) => void): Unsubscribe;
  /** Price ticks along the forming candle, for live display. */
  watchTicks(symbol: string, onTick: (tick: PriceTick) => void): Unsubscribe;
  /** Every execution of this account's orders, as it happens. */
  watchMyTrades(onTrade: (trade: ExchangeTrade) => void): Unsubscribe;
  /** Every change of this account's orders. */
  watchOrders(onOrder: (order: ExchangeOrder) => void): Unsubscribe;
}
