/**
 * Integration: CORS. The simulator answers preflights like api.binance.com (signed calls with
 * X-MBX-APIKEY would be refused by a browser, public GETs are readable); the CORS proxy
 * (scripts/cors-proxy.ts) in front of it lets the real ccxt binance class work through
 * `proxyUrl`, refuses hosts outside its allow-list with 403 and logs no secrets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCorsProxy } from '../cors-proxy';
import type { CorsProxy } from '../cors-proxy';
import { preflightAllows } from './cors';
import type { SimExchange } from './server';
import { binanceFor, startSim } from './testSupport';

const ORIGIN = 'http://localhost:5173';
let sim: SimExchange;
let proxy: CorsProxy;
const lines: string[] = [];

beforeAll(async () => {
  sim = await startSim({ balances: { USDT: 1_000, BTC: 0.01 } });
  proxy = await startCorsProxy({ log: (line) => lines.push(line) });
});
afterAll(async () => {
  await proxy.close();
  await sim.close();
});

const preflight = (url: string, method: string, headers: string[]) =>
  fetch(url, {
    method: 'OPTIONS',
    headers: {
      Origin: ORIGIN,
      'Access-Control-Request-Method': method,
      ...(headers.length > 0 ? { 'Access-Control-Request-Headers': headers.join(',') } : {}),
    },
  });

describe('CORS like Binance, and the CORS proxy', () => {
  it('lets a browser read public data but refuses the signed calls preflight', async () => {
    const time = await fetch(`${sim.url}/api/v3/time`, { headers: { Origin: ORIGIN } });
    expect(time.headers.get('access-control-allow-origin')).toBe('*');
    const signed = await preflight(`${sim.url}/api/v3/account`, 'GET', ['x-mbx-apikey']);
    expect(preflightAllows(signed, ORIGIN, 'GET', ['x-mbx-apikey'])).toBe(false);
    const order = await preflight(`${sim.url}/api/v3/order`, 'POST', ['x-mbx-apikey']);
    expect(preflightAllows(order, ORIGIN, 'POST', ['x-mbx-apikey'])).toBe(false);
  });

  it('lets the same calls through the proxy', async () => {
    const target = `${proxy.url}${sim.url}/api/v3/account`;
    const answer = await preflight(target, 'GET', ['x-mbx-apikey']);
    expect(preflightAllows(answer, ORIGIN, 'GET', ['x-mbx-apikey'])).toBe(true);
  });

  it('carries ccxt binance through proxyUrl: markets, balance, an order round trip', async () => {
    const exchange = binanceFor(sim, { proxyUrl: proxy.url });
    await exchange.loadMarkets();
    expect((await exchange.fetchBalance()).USDT?.free).toBe(1_000);
    const price = Math.round(((await exchange.fetchTicker('BTC/USDT')).bid as number) * 0.9);
    const order = await exchange.createOrder('BTC/USDT', 'limit', 'buy', 0.001, price, {
      clientOrderId: 'via-proxy-1',
    });
    expect(order).toMatchObject({ status: 'open', clientOrderId: 'via-proxy-1' });
    expect((await exchange.cancelOrder(order.id as string, 'BTC/USDT')).status).toBe('canceled');
    sim.faults.add({ kind: 'rate_limit', retryAfterSeconds: 7 });
    await expect(exchange.fetchTime()).rejects.toThrow(/429/);
    expect(exchange.last_response_headers?.['Retry-After']).toBe('7');
    await exchange.close();

    const logged = lines.join('\n');
    expect(logged).toMatch(/^POST 127\.0\.0\.1:\d+\/api\/v3\/order 200$/m);
    expect(logged).toMatch(/^DELETE 127\.0\.0\.1:\d+\/api\/v3\/order 200$/m);
    expect(logged).not.toContain(sim.credentials.apiKey);
    expect(logged).not.toMatch(/signature|timestamp|via-proxy-1/);
  });

  it('refuses hosts outside the allow-list and malformed targets with 403', async () => {
    const other = await fetch(`${proxy.url}https://example.com/steal`);
    expect(other.status).toBe(403);
    expect(await other.text()).toContain('Host example.com is not an allowed exchange API host');
    const encoded = await fetch(`${proxy.url}${encodeURIComponent('https://evil.test/api?x=1')}`);
    expect(encoded.status).toBe(403);
    const plainHttp = await fetch(`${proxy.url}http://api.binance.com/api/v3/time`);
    expect(plainHttp.status).toBe(403);
    expect((await fetch(`${proxy.url}not-a-url`)).status).toBe(403);
    expect(lines.some((line) => line.startsWith('GET example.com/steal 403'))).toBe(true);
  });
});
