import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import type { Market } from '../../core/market/types';
import type { CommandResult } from '../../host/engineApi';
import { createMarketLookup, stepsOf } from './marketCatalog';

function market(symbol: string, price: number, amount: number): Market {
  const [base = '', quote = ''] = symbol.split('/');
  return {
    id: symbol.replace('/', ''),
    symbol,
    base,
    quote,
    type: 'spot',
    spot: true,
    active: true,
    precision: { price, amount },
    limits: { amount: {}, price: {}, cost: {} },
    maker: 0.001,
    taker: 0.001,
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createMarketLookup', () => {
  it("lists an account's markets once, on first use, and then answers by symbol", async () => {
    const asked: string[] = [];
    const lookup = createRoot(() =>
      createMarketLookup(async (accountId): Promise<CommandResult<Market[]>> => {
        asked.push(accountId);
        return { ok: true, value: [market('ETH/BTC', 0.000001, 0.0001)] };
      }),
    );
    expect(lookup.marketOf('sim', 'ETH/BTC')).toBeUndefined();
    expect(lookup.marketOf('sim', 'BTC/USDT')).toBeUndefined();
    await tick();
    expect(stepsOf(lookup.marketOf('sim', 'ETH/BTC'))).toEqual({ price: 0.000001, amount: 0.0001 });
    expect(lookup.marketOf('sim', 'BTC/USDT')).toBeUndefined();
    expect(asked).toEqual(['sim']);
  });

  it('stays empty when the engine cannot list the markets', async () => {
    const lookup = createRoot(() =>
      createMarketLookup(async () => ({ ok: false, error: 'Unknown account' })),
    );
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      expect(lookup.marketOf('nope', 'BTC/USDT')).toBeUndefined();
      await tick();
      expect(lookup.marketOf('nope', 'BTC/USDT')).toBeUndefined();
      expect(stepsOf(undefined)).toEqual({});
    } finally {
      console.warn = warn;
    }
  });
});
