/**
 * The markets of each exchange account as the UI needs them for display (price and amount
 * steps), asked of the engine once per account per tab and shared by every page. Until they
 * arrive — or if the engine cannot list them — lookups return undefined, and numbers fall
 * back to their currency's precision (src/ui/format.ts).
 */
import { createSignal } from 'solid-js';
import type { Market } from '../../core/market/types';
import type { CommandResult } from '../../host/engineApi';
import { useEngine } from '../EngineProvider';

export interface MarketLookup {
  /** The market `symbol` of account `accountId` (reactive; undefined until known). */
  marketOf(accountId: string, symbol: string): Market | undefined;
}

/** A market's display steps, when it is known. */
export interface MarketSteps {
  price?: number;
  amount?: number;
}

/** The price and amount steps of `market` (empty without one). */
export function stepsOf(market: Market | undefined): MarketSteps {
  return market ? { price: market.precision.price, amount: market.precision.amount } : {};
}

/**
 * A lookup that lists an account's markets the first time one of them is asked for.
 * @param listMarkets the engine's `listMarkets`
 */
export function createMarketLookup(
  listMarkets: (accountId: string) => Promise<CommandResult<Market[]>>,
): MarketLookup {
  const [byAccount, setByAccount] = createSignal<ReadonlyMap<string, ReadonlyMap<string, Market>>>(
    new Map(),
  );
  const requested = new Set<string>();
  const request = (accountId: string): void => {
    requested.add(accountId);
    listMarkets(accountId)
      .then((result) => {
        if (!result.ok) throw new Error(result.error);
        const markets = new Map(result.value.map((market) => [market.symbol, market]));
        setByAccount((current) => new Map(current).set(accountId, markets));
      })
      .catch((cause: unknown) =>
        console.warn(`Could not list the markets of account ${accountId}`, cause),
      );
  };
  return {
    marketOf(accountId, symbol) {
      if (!requested.has(accountId)) request(accountId);
      return byAccount().get(accountId)?.get(symbol);
    },
  };
}

const lookups = new WeakMap<object, MarketLookup>();

/** The tab's shared market lookup (one per engine connection). */
export function useMarkets(): MarketLookup {
  const { api } = useEngine();
  let lookup = lookups.get(api);
  if (!lookup) {
    lookup = createMarketLookup((accountId) => api.listMarkets(accountId));
    lookups.set(api, lookup);
  }
  return lookup;
}
