/** The account's ccxt instance: options, URLs, sandbox, proxy and the trading path. */
import { describe, expect, it } from 'vitest';
import { ccxt } from '../../../scripts/sim-exchange/testSupport';
import {
  chooseTradingPath,
  createCcxtClient,
  localExchangeUrls,
  spotOptions,
} from './createClient';
import type { ExchangeClass } from './loadExchangeClass';

const load = (Class: unknown) => async () => Class as ExchangeClass;

describe('createCcxtClient', () => {
  it('keeps Binance to spot and one exchangeInfo call, with the rate limiter on', async () => {
    const client = await createCcxtClient(
      {
        exchangeId: 'binance',
        credentials: { apiKey: 'k', secret: 's' },
        apiUrl: 'https://sim.test:4207/',
      },
      load(ccxt.pro.binance),
    );
    expect(client.enableRateLimit).toBe(true);
    expect(client.apiKey).toBe('k');
    expect(client.options).toMatchObject(spotOptions('binance'));
    expect(client.options).toMatchObject({
      defaultType: 'spot',
      fetchMarkets: { types: ['spot'] },
      fetchCurrencies: false,
      fetchMargins: false,
    });
    expect(client.urls.api).toEqual(localExchangeUrls('https://sim.test:4207'));
    expect(localExchangeUrls('https://sim.test:4207')).toMatchObject({
      public: 'https://sim.test:4207/api/v3',
      ws: { spot: 'wss://sim.test:4207/ws', 'ws-api': { spot: 'wss://sim.test:4207/ws-api/v3' } },
    });
    await client.close();
  });

  it('applies the sandbox and the proxy, and refuses what cannot work', async () => {
    const sandboxed = await createCcxtClient(
      { exchangeId: 'okx', sandbox: true, proxyUrl: 'http://127.0.0.1:8787/' },
      load(ccxt.okx),
    );
    expect(sandboxed.isSandboxModeEnabled).toBe(true);
    expect(sandboxed.proxyUrl).toBe('http://127.0.0.1:8787/');
    await expect(
      createCcxtClient({ exchangeId: 'coinbase', sandbox: true }, load(ccxt.coinbase)),
    ).rejects.toThrow(/no testnet/);
    await expect(
      createCcxtClient({ exchangeId: 'kraken', apiUrl: 'http://127.0.0.1:1' }, load(ccxt.kraken)),
    ).rejects.toThrow(/needs exchange "binance"/);
    expect(() => localExchangeUrls('ftp://x')).toThrow(/must start with http/);
  });

  it('trades over the WebSocket API where ccxt has it, else REST, through the proxy if set', async () => {
    const pro = await createCcxtClient({ exchangeId: 'binance' }, load(ccxt.pro.binance));
    const rest = await createCcxtClient({ exchangeId: 'binance' }, load(ccxt.binance));
    expect(chooseTradingPath(pro, { exchangeId: 'binance' })).toBe('websocket');
    expect(chooseTradingPath(pro, { exchangeId: 'binance', preferRest: true })).toBe('rest');
    expect(chooseTradingPath(rest, { exchangeId: 'binance' })).toBe('rest');
    expect(
      chooseTradingPath(rest, { exchangeId: 'binance', proxyUrl: 'http://127.0.0.1:8787/' }),
    ).toBe('proxy');
    await Promise.all([pro.close(), rest.close()]);
  });
});
