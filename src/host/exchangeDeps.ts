/**
 * What the host needs from the exchange adapters, injected so the host never imports ccxt:
 * the worker passes the ccxt adapter (src/exchange/ccxt) and the paper exchange
 * (src/exchange/paper); tests pass the built-in simulator. Shapes match those modules'
 * exports structurally (CcxtExchangePort, PaperExchange).
 */
import type { Balances, ExchangePort } from '../core/exchangePort';
import type { Clock, Timers } from '../core/time';
import type {
  CcxtConnectionConfig,
  ConnectionReport,
  ExchangeCatalogEntry,
  TradingPath,
} from '../exchange/ccxt/types';

/** One exchange client for one account (the ccxt adapter's CcxtExchangePort). */
export interface ConnectedExchange extends ExchangePort {
  /** How orders travel from the browser: the WebSocket API, REST, or REST through the proxy. */
  readonly tradingPath: TradingPath;
  /** Closes sockets and timers; the client is not used again. */
  close(): Promise<void>;
}

/** The paper exchange's options (src/exchange/paper createPaperExchange). */
export interface PaperExchangeOptions {
  /** Public prices come from here (a client of the account's exchange without keys). */
  source: ExchangePort;
  clock: Clock;
  timers: Timers;
  /** Pretend starting balances. */
  balances: Record<string, number>;
  makerFee?: number;
  takerFee?: number;
  slippageBps?: number;
  /** Saved state to resume from (opaque to the host). */
  state?: unknown;
  onStateChange?: (state: unknown) => void;
}

/** A paper exchange: real prices from its source, simulated fills. */
export interface PaperExchangePort extends ExchangePort {
  /** Starts following these symbols' prices (again with more symbols when bots are added). */
  start(symbols: string[]): Promise<void>;
  stop(): void;
  balances(): Balances;
}

export interface ExchangeFactories {
  /** The exchanges accounts may use (src/exchange/ccxt/catalog.ts). */
  catalog: readonly ExchangeCatalogEntry[];
  /** Opens a client; without credentials it reads public data only. */
  openLive(config: CcxtConnectionConfig): Promise<ConnectedExchange>;
  openPaper(options: PaperExchangeOptions): PaperExchangePort;
  /** Loads markets and (with credentials) the balance, mapping failures to a clear report. */
  testConnection(config: CcxtConnectionConfig): Promise<ConnectionReport>;
}
