/**
 * Shapes shared by the ccxt adapter, the host that opens accounts and the UI that edits them.
 * Type-only: importing this module pulls in no ccxt code, so the UI may use it.
 */

/** How to reach one exchange account through ccxt. */
export interface CcxtConnectionConfig {
  /** ccxt exchange id, e.g. 'binance'. */
  exchangeId: string;
  /** apiKey, secret, password, uid… as ccxt names them; absent = public data only. */
  credentials?: Record<string, string>;
  /** The exchange's testnet / sandbox (ccxt `setSandboxMode(true)`). */
  sandbox?: boolean;
  /** ccxt `proxyUrl`: the user's CORS proxy (scripts/cors-proxy.ts), e.g. http://127.0.0.1:8787/ */
  proxyUrl?: string;
  /**
   * Base URL of a Binance-compatible local test exchange (e.g. http://127.0.0.1:4207, the
   * simulator in scripts/sim-exchange): REST and WebSocket URLs are rewritten to it.
   */
  apiUrl?: string;
  /** Trade over REST even where the exchange has a WebSocket API (tests, diagnostics). */
  preferRest?: boolean;
}

/**
 * How orders travel: the exchange's WebSocket API (not subject to CORS), direct REST, or REST
 * through the user's CORS proxy.
 */
export type TradingPath = 'websocket' | 'rest' | 'proxy';

export type ConnectionProblem =
  | 'auth'
  | 'clock_skew'
  | 'ip_not_allowed'
  | 'permission'
  | 'exchange_down'
  | 'cors'
  | 'rate_limited'
  | 'network'
  | 'not_supported'
  | 'unknown';

/** The answer of "Test connection". */
export type ConnectionReport =
  | {
      ok: true;
      marketCount: number;
      balances: Record<string, { free: number; used: number; total: number }>;
      tradingPath: TradingPath;
      /** Whether the key may withdraw, where the exchange lets ccxt tell over the allowed path. */
      withdrawalEnabled?: boolean;
      warnings: string[];
    }
  | { ok: false; problem: ConnectionProblem; message: string; fix: string };

/** One exchange of ccxt's list, as the account form needs it (catalog.ts). */
export interface ExchangeCatalogEntry {
  /** ccxt id, e.g. 'binance'. */
  id: string;
  /** Display name, e.g. 'Coinbase Advanced'. */
  name: string;
  /** One of the exchanges Flotilla is tested with (listed first). */
  isTested: boolean;
  /** The credentials ccxt requires, e.g. ['apiKey', 'secret', 'password']. */
  requiredCredentials: string[];
  /** ccxt knows a testnet / sandbox for it. */
  hasSandbox: boolean;
  /** ccxt can place orders over its WebSocket API (`createOrderWs`). */
  hasWebSocketTrading: boolean;
  /** ccxt streams candles over WebSocket (`watchOHLCV`). */
  hasWebSocketMarketData: boolean;
}
