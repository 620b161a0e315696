/**
 * Test helpers: start a simulator on a free port and build the real, unmodified ccxt binance
 * (pro) class pointed at it, with the options that make loadMarkets call exchangeInfo only.
 * ccxt is loaded through require (its CommonJS build) with its `ws` primed to the Node build
 * (see nodeWs.ts). Tests take ccxt's error classes from `ccxt` here, so that instanceof checks
 * use the same module instance.
 */
import { createRequire } from 'node:module';
import type * as CcxtModule from 'ccxt';
import { primeNodeWs } from './nodeWs';
import { createSimExchange } from './server';
import type { SimExchange, SimExchangeOptions } from './server';

const requireHere = createRequire(import.meta.url);
primeNodeWs(requireHere.resolve('ccxt'));
export const ccxt = requireHere('ccxt') as typeof CcxtModule;
const { pro } = ccxt;

export type Binance = InstanceType<typeof pro.binance>;

export function startSim(options: SimExchangeOptions = {}): Promise<SimExchange> {
  return createSimExchange({ port: 0, speed: 0, pushIntervalMs: 50, ...options });
}

export function binanceFor(
  sim: { ccxtUrls(): object; credentials: { apiKey: string; secret: string } },
  overrides: { apiKey?: string; secret?: string; timeout?: number; proxyUrl?: string } = {},
): Binance {
  const exchange = new pro.binance({
    apiKey: overrides.apiKey ?? sim.credentials.apiKey,
    secret: overrides.secret ?? sim.credentials.secret,
    enableRateLimit: false,
    timeout: overrides.timeout ?? 10_000,
    options: { fetchMarkets: { types: ['spot'] }, fetchCurrencies: false, fetchMargins: false },
  });
  exchange.urls.api = sim.ccxtUrls() as typeof exchange.urls.api;
  if (overrides.proxyUrl) exchange.proxyUrl = overrides.proxyUrl;
  return exchange;
}

/** Resolves when `predicate` holds, polling; rejects after `attempts` tries. */
export async function eventually<T>(
  read: () => T | Promise<T>,
  predicate: (value: T) => boolean,
  attempts = 100,
): Promise<T> {
  let last: T | undefined;
  for (let attempt = 0; attempt < attempts; attempt++) {
    last = await read();
    if (predicate(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`condition not met; last value ${JSON.stringify(last)}`);
}
