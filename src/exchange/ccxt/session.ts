/**
 * Opening an account's ccxt session: the client (createClient.ts), the trading path and the
 * shared context — what both the port (ccxtExchange.ts) and "Test connection" start from.
 */
import type { Market } from '../../core/market/types';
import type { Clock, Timers } from '../../core/time';
import { createAdapterContext } from './context';
import type { AdapterContext } from './context';
import { toMarket } from './convert';
import { chooseTradingPath, createCcxtClient } from './createClient';
import type { CcxtClient, ExchangeClass } from './loadExchangeClass';
import type { CcxtConnectionConfig } from './types';

/** ccxt's default precisionMode (precision given as step sizes). */
const TICK_SIZE = 4;

/** How often market data and account updates are polled where there is no stream. */
export const DEFAULT_POLL_INTERVAL_MS = 5_000;

/** What the adapter needs from its host. */
export interface CcxtExchangeDeps {
  clock: Clock;
  timers: Timers;
  /** Loads the ccxt class of an exchange id (default: loadExchangeClass; tests pass their own). */
  loadClass?: (id: string) => Promise<ExchangeClass>;
  /** Told about reconnects and back-fills (never secrets). */
  onNotice?: (message: string) => void;
  pollIntervalMs?: number;
}

/** The ccxt client and shared context of an account (markets not loaded yet). */
export async function openContext(
  config: CcxtConnectionConfig,
  deps: CcxtExchangeDeps,
): Promise<AdapterContext> {
  const client = await createCcxtClient(config, deps.loadClass);
  return createAdapterContext({
    client,
    config,
    clock: deps.clock,
    timers: deps.timers,
    tradingPath: chooseTradingPath(client, config),
    pollIntervalMs: deps.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
    ...(deps.onNotice ? { onNotice: deps.onNotice } : {}),
  });
}

/** Spot markets of the loaded client, by symbol. */
export function convertMarkets(client: CcxtClient): Record<string, Market> {
  const markets: Record<string, Market> = {};
  for (const market of Object.values(client.markets ?? {})) {
    const converted = toMarket(market, client.precisionMode ?? TICK_SIZE);
    if (converted) markets[converted.symbol] = converted;
  }
  return markets;
}
