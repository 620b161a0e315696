import { describe, expect, it } from 'vitest';
import type { ExchangeCatalogEntry } from '../../exchange/ccxt/types';
import { emptyAccountDraft, parseBalances, toAccountInput } from './accountDraft';

const OKX: ExchangeCatalogEntry = {
  id: 'okx',
  name: 'OKX',
  isTested: true,
  requiredCredentials: ['apiKey', 'secret', 'password'],
  hasSandbox: true,
  hasWebSocketTrading: true,
  hasWebSocketMarketData: true,
};
const FEES = { makerFee: 0.001, takerFee: 0.001, slippageBps: 5 };

describe('account draft', () => {
  it('parses paper balances and names a bad entry', () => {
    expect(parseBalances('usdt=10000, BTC = 0.5,')).toEqual({
      ok: true,
      value: { USDT: 10_000, BTC: 0.5 },
    });
    expect(parseBalances('USDT=-1')).toMatchObject({ ok: false, error: /"USDT=-1" is not/ });
    expect(parseBalances('  ')).toMatchObject({ ok: false, error: /starting balance/ });
  });

  it('sends only the credentials the exchange requires, trimmed, and the testnet it offers', () => {
    const draft = {
      ...emptyAccountDraft(),
      exchange: 'okx',
      name: ' OKX main ',
      sandbox: true,
      proxyUrl: ' http://127.0.0.1:8787/ ',
      credentials: { apiKey: ' key ', secret: 's', password: '', uid: 'stray' },
    };
    expect(toAccountInput(draft, OKX, FEES)).toEqual({
      name: 'OKX main',
      exchange: 'okx',
      sandbox: true,
      proxyUrl: 'http://127.0.0.1:8787/',
      credentials: { apiKey: 'key', secret: 's' },
      paper: { startingBalances: { USDT: 10_000 }, ...FEES },
    });
    expect(toAccountInput(draft, { ...OKX, hasSandbox: false }, FEES).sandbox).toBe(false);
    expect(toAccountInput({ ...draft, paperBalances: 'x' }, OKX, FEES)).not.toHaveProperty('paper');
  });
});
