import { describe, expect, it } from 'vitest';
import type { ExchangeCatalogEntry } from '../exchange/ccxt/types';
import { catalogGroups } from './exchangeCatalog';

const entry = (id: string, name: string, isTested: boolean): ExchangeCatalogEntry => ({
  id,
  name,
  isTested,
  requiredCredentials: ['apiKey', 'secret'],
  hasSandbox: false,
  hasWebSocketTrading: false,
  hasWebSocketMarketData: false,
});

const CATALOG = [
  entry('zeta', 'Zeta', false),
  entry('binance', 'Binance', true),
  entry('alpha', 'Alpha', false),
  entry('kraken', 'Kraken', true),
];

describe('catalogGroups', () => {
  it('lists the tested exchanges first in their order, then the others by name', () => {
    const groups = catalogGroups('', CATALOG);
    expect(groups.tested.map((each) => each.id)).toEqual(['binance', 'kraken']);
    expect(groups.others.map((each) => each.id)).toEqual(['alpha', 'zeta']);
  });

  it('filters by name or id, ignoring case and spaces', () => {
    expect(catalogGroups(' KRA ', CATALOG)).toEqual({ tested: [CATALOG[3]], others: [] });
    expect(catalogGroups('zet', CATALOG).others.map((each) => each.name)).toEqual(['Zeta']);
    expect(catalogGroups('nothing', CATALOG)).toEqual({ tested: [], others: [] });
  });
});
