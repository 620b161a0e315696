/**
 * Builds the one ccxt instance of an account: the class for its exchange (lazily loaded), ccxt's
 * rate limiter on, spot-only options, sandbox, the CORS proxy and the local test-exchange URLs —
 * and decides the trading path (WebSocket API, REST, or REST through the proxy).
 */
import type { CcxtConnectionConfig, TradingPath } from './types';
import { loadExchangeClass } from './loadExchangeClass';
import type { CcxtClient, ExchangeClass } from './loadExchangeClass';

/** Exchanges whose `fetchMarkets` option takes the market types to load. */
const TYPED_FETCH_MARKETS = new Set(['binance', 'okx', 'bybit', 'kucoin']);

/** Methods that have a WebSocket API twin (`<name>Ws`) in ccxt. */
export type WsCapableMethod =
  | 'createOrder'
  | 'cancelOrder'
  | 'fetchOrder'
  | 'fetchOpenOrders'
  | 'fetchMyTrades'
  | 'fetchBalance';

/** Node (tests, scripts) rather than a browser page or worker. */
export function isNodeRuntime(): boolean {
  return (
    typeof window === 'undefined' &&
    typeof process !== 'undefined' &&
    typeof process.versions?.node === 'string'
  );
}

/** ccxt options that keep an account to spot markets (and, for Binance, one exchangeInfo call). */
export function spotOptions(exchangeId: string): Record<string, unknown> {
  const options: Record<string, unknown> = { defaultType: 'spot' };
  if (TYPED_FETCH_MARKETS.has(exchangeId)) options.fetchMarkets = { types: ['spot'] };
  if (exchangeId === 'binance') {
    Object.assign(options, {
      fetchCurrencies: false,
      fetchMargins: false,
      // Polling open orders per known symbol only; no all-symbol call is made.
      warnOnFetchOpenOrdersWithoutSymbol: false,
    });
  }
  return options;
}

/**
 * Binance-compatible URLs of a local test exchange at `apiUrl` (what scripts/sim-exchange's
 * `ccxtUrls()` gives): REST under /api/v3, streams under /ws, the WebSocket API under /ws-api/v3.
 */
export function localExchangeUrls(apiUrl: string): Record<string, unknown> {
  const base = apiUrl.replace(/\/+$/, '');
  if (!/^https?:\/\//.test(base))
    throw new Error(`apiUrl must start with http:// or https://, got "${apiUrl}".`);
  const ws = base.replace(/^http/, 'ws');
  return {
    public: `${base}/api/v3`,
    private: `${base}/api/v3`,
    v1: `${base}/api/v1`,
    sapi: `${base}/sapi/v1`,
    ws: { spot: `${ws}/ws`, margin: `${ws}/ws`, 'ws-api': { spot: `${ws}/ws-api/v3` } },
  };
}

/** An error ccxt's way (recognised by name, see errorNames.ts). */
function notSupported(message: string): Error {
  const error = new Error(message);
  error.name = 'NotSupported';
  return error;
}

/** Creates and configures the ccxt instance for `config`. */
export async function createCcxtClient(
  config: CcxtConnectionConfig,
  loadClass: (id: string) => Promise<ExchangeClass> = loadExchangeClass,
): Promise<CcxtClient> {
  if (config.apiUrl !== undefined && !config.exchangeId.startsWith('binance')) {
    throw new Error(
      `apiUrl (a Binance-compatible test exchange) needs exchange "binance", not "${config.exchangeId}".`,
    );
  }
  const Class = await loadClass(config.exchangeId);
  const client = new Class({
    ...(config.credentials ?? {}),
    enableRateLimit: true,
    options: spotOptions(config.exchangeId),
  });
  if (config.sandbox) {
    // Some classes list `urls.test` without a value; ccxt would then switch to no URL at all.
    if (client.urls.test === undefined)
      throw notSupported(`${client.name} has no testnet (sandbox) in ccxt.`);
    client.setSandboxMode(true);
  }
  if (config.apiUrl !== undefined) {
    client.urls.api = localExchangeUrls(config.apiUrl) as typeof client.urls.api;
  }
  if (config.proxyUrl) client.proxyUrl = config.proxyUrl;
  // ccxt needs an http agent for ws:// (non-TLS) URLs in Node; browsers use their WebSocket.
  if (isNodeRuntime()) await client.loadHttpProxyAgent();
  return client;
}

/** Whether ccxt has the WebSocket API twin of `method` on this exchange. */
export function hasWsTwin(client: CcxtClient, method: WsCapableMethod): boolean {
  return client.has[`${method}Ws`] === true;
}

/**
 * Orders go over the WebSocket API where ccxt has it (not subject to CORS); otherwise REST,
 * through the CORS proxy when one is set.
 */
export function chooseTradingPath(client: CcxtClient, config: CcxtConnectionConfig): TradingPath {
  const canTradeOverWs = hasWsTwin(client, 'createOrder') && hasWsTwin(client, 'cancelOrder');
  if (canTradeOverWs && !config.preferRest) return 'websocket';
  return config.proxyUrl ? 'proxy' : 'rest';
}
