/**
 * Market metadata in ccxt's unified shape (precision in TICK_SIZE mode: `precision.amount`
 * and `precision.price` are step sizes, e.g. 0.00001 and 0.01). Used to shape orders.
 */

export interface MinMax {
  min?: number;
  max?: number;
}

export interface Market {
  id: string;
  /** Unified symbol, e.g. "BTC/USDT". */
  symbol: string;
  base: string;
  quote: string;
  type: 'spot';
  spot: true;
  active: boolean;
  precision: { amount: number; price: number };
  limits: { amount: MinMax; price: MinMax; cost: MinMax };
  /** Fee rates as a fraction of notional (0.001 = 0.1%). */
  maker: number;
  taker: number;
}

export interface Ticker {
  symbol: string;
  timestamp: number;
  last: number;
}
