/**
 * The ccxt adapter's public shapes: how an exchange account is reached, what "Test connection"
 * reports, and the catalogue entry the UI lists. Plain data, structured-clone friendly; nothing
 * here imports ccxt, so the UI may import these types.
 */

export interface CcxtConnectionConfig {
  /** ccxt id, e.g. "binance". */
  exchangeId: string;
  /** apiKey, secret, password, uid… (absent = public data only). */
  credentials?: Record<string, string>;
  /** ccxt setSandboxMode(true): the exchange's testnet. */
  sandbox?: boolean;
  /** ccxt proxyUrl: the user's own CORS proxy (npm run cors-proxy). */
  proxyUrl?: string;
  /** Base URL of a Binance-compatible local test exchange, e.g. http://127.0.0.1:4207. */
  apiUrl?: string;
}

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

export type ConnectionReport =
  | {
      ok: true;
      marketCount: number;
      balances: Record<string, { free: number; used: number; total: number }>;
      tradingPath: TradingPath;
      withdrawalEnabled?: boolean;
      warnings: string[];
    }
  | { ok: false; problem: ConnectionProblem; message: string; fix: string };

export interface ExchangeCatalogEntry {
  id: string;
  name: string;
  isTested: boolean;
  requiredCredentials: string[];
  hasSandbox: boolean;
  hasWebSocketTrading: boolean;
  hasWebSocketMarketData: boolean;
}
