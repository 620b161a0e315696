/**
 * Integration: the simulator's network faults on WebSockets (dropping stream and WebSocket API
 * connections, as a lost network would) as ccxt's binance pro class sees them, and the key
 * permissions endpoint (sapi apiRestrictions) ccxt users read to warn about withdrawal rights.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimExchange } from './server';
import { binanceFor, ccxt, eventually, startSim } from './testSupport';
import type { Binance } from './testSupport';

let sim: SimExchange;
let exchange: Binance;

beforeAll(async () => {
  sim = await startSim({ keyPermissions: { enableWithdrawals: true } });
  exchange = binanceFor(sim);
  await exchange.loadHttpProxyAgent();
  await exchange.loadMarkets();
});
afterAll(async () => {
  await exchange.close();
  await sim.close();
});

describe('sim exchange network faults and key permissions', () => {
  it('drops stream connections: a pending watch fails with a NetworkError and a new one works', async () => {
    await exchange.watchOHLCV('BTC/USDT', '1m');
    const pending = exchange.watchOHLCV('BTC/USDT', '1m');
    expect(sim.disconnect('streams')).toBe(1);
    await expect(pending).rejects.toBeInstanceOf(ccxt.NetworkError);
    const again = await eventually(
      () => exchange.watchOHLCV('BTC/USDT', '1m').catch(() => []),
      (rows) => rows.length > 0,
    );
    expect(again.at(-1)?.[0]).toBe(Math.floor(sim.market.time() / 60_000) * 60_000);
  });

  it('drops WebSocket API connections on request over the admin endpoint', async () => {
    await exchange.fetchBalanceWs();
    const response = await fetch(`${sim.url}/__sim/disconnect`, {
      method: 'POST',
      body: JSON.stringify({ target: 'api' }),
    });
    expect(await response.json()).toEqual({ dropped: 1 });
    const bad = await fetch(`${sim.url}/__sim/disconnect`, {
      method: 'POST',
      body: '{"target":"everything"}',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^target must be one of/);
    const balance = await eventually(
      () => exchange.fetchBalanceWs().catch(() => undefined),
      (value) => value !== undefined,
    );
    expect(balance?.info).toBeDefined();
  });

  it("answers sapi apiRestrictions with the test key's permissions, signed only", async () => {
    const signed = exchange as unknown as {
      sapiGetAccountApiRestrictions(): Promise<Record<string, unknown>>;
    };
    expect(await signed.sapiGetAccountApiRestrictions()).toMatchObject({
      enableWithdrawals: true,
      enableSpotAndMarginTrading: true,
      enableReading: true,
    });
    const unsigned = await fetch(`${sim.url}/sapi/v1/account/apiRestrictions`);
    expect(unsigned.status).toBe(401);
  });
});
