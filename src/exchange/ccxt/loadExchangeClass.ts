/**
 * Lazy, per-exchange loading of ccxt classes — for workers only (the main thread must never
 * load ccxt). The tested exchanges are imported one file each (their `pro` class, which also
 * does REST), so Vite emits one chunk per exchange (~140 KB gzip) instead of the whole library
 * (~1.3 MB gzip); any other exchange falls back to a lazy chunk of the whole library.
 *
 * The deep `ccxt/js/src/…` paths are not in ccxt's package `exports`; vite.config.ts (alias)
 * and tsconfig.json (`paths`) map them to the files. See docs/architecture.md, "ccxt adapter".
 */
import type { Exchange } from 'ccxt';

/** A ccxt exchange instance (REST and, for `pro` classes, WebSocket methods). */
export type CcxtClient = Exchange;

/** A ccxt exchange class, e.g. `pro.binance`. */
export type ExchangeClass = new (config?: object) => CcxtClient;

/** The exchanges Flotilla is tested with, in the order the account form lists them. */
export const TESTED_EXCHANGE_IDS: readonly string[] = [
  'binance',
  'coinbase',
  'kraken',
  'okx',
  'bybit',
  'kucoin',
];

/**
 * The ccxt class for `id`: the `pro` class where ccxt has one, else the REST class.
 *
 * @throws Error naming the id when ccxt has no such exchange.
 * @example const Binance = await loadExchangeClass('binance'); new Binance({ enableRateLimit: true });
 */
export async function loadExchangeClass(id: string): Promise<ExchangeClass> {
  switch (id) {
    // One literal import per case: each becomes its own chunk.
    case 'binance':
      return (await import('ccxt/js/src/pro/binance.js')).default;
    case 'coinbase':
      return (await import('ccxt/js/src/pro/coinbase.js')).default;
    case 'kraken':
      return (await import('ccxt/js/src/pro/kraken.js')).default;
    case 'okx':
      return (await import('ccxt/js/src/pro/okx.js')).default;
    case 'bybit':
      return (await import('ccxt/js/src/pro/bybit.js')).default;
    case 'kucoin':
      return (await import('ccxt/js/src/pro/kucoin.js')).default;
    default:
      return loadFromWholeLibrary(id);
  }
}

async function loadFromWholeLibrary(id: string): Promise<ExchangeClass> {
  const ccxt = await import('ccxt');
  // The named `exchanges` export maps every id to its REST class; `pro` holds the WebSocket ones.
  const rest = ccxt.exchanges as unknown as Record<string, ExchangeClass>;
  const pro = ccxt.pro as unknown as Record<string, ExchangeClass | undefined>;
  if (!Object.hasOwn(rest, id)) throw new Error(`ccxt has no exchange "${id}".`);
  return pro[id] ?? (rest[id] as ExchangeClass);
}
