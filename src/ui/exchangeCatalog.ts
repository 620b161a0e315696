/**
 * The exchange catalogue as the Accounts form lists it: the tested exchanges first (Binance,
 * Coinbase Advanced, Kraken, OKX, Bybit, KuCoin), then every other one by name, filtered by a
 * search. The catalogue module loads no ccxt, so the UI may import it.
 */
import { EXCHANGE_CATALOG } from '../exchange/ccxt/catalog';
import type { ExchangeCatalogEntry } from '../exchange/ccxt/types';

export interface CatalogGroups {
  tested: ExchangeCatalogEntry[];
  others: ExchangeCatalogEntry[];
}

/** Entries matching `query` (name or ccxt id), split into tested and others, each sorted. */
export function catalogGroups(
  query: string,
  catalog: readonly ExchangeCatalogEntry[] = EXCHANGE_CATALOG,
): CatalogGroups {
  const text = query.trim().toLowerCase();
  const matching = catalog.filter(
    (entry) => text === '' || entry.name.toLowerCase().includes(text) || entry.id.includes(text),
  );
  const byName = (a: ExchangeCatalogEntry, b: ExchangeCatalogEntry) => a.name.localeCompare(b.name);
  return {
    // The tested set keeps the catalogue's own order (the most used first).
    tested: matching.filter((entry) => entry.isTested),
    others: matching.filter((entry) => !entry.isTested).sort(byName),
  };
}

export function catalogEntry(id: string): ExchangeCatalogEntry | undefined {
  return EXCHANGE_CATALOG.find((entry) => entry.id === id);
}

/** "Binance" for "binance"; the id itself when the catalogue does not know it. */
export function exchangeName(id: string): string {
  return catalogEntry(id)?.name ?? id;
}
