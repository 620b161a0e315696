/**
 * Integration: "Test connection" against the simulator — ok with balances and the trading path,
 * the withdrawal warning where the key's permissions can be read (REST), 'auth' for a wrong
 * secret, 'clock_skew' when the exchange's clock is a minute ahead, 'network' when nothing
 * answers, and 'not_supported' for a sandbox the exchange does not have.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCcxtConnection } from './ccxtExchange';
import type { CcxtExchangeDeps } from './ccxtExchange';
import { loadPro, recordingTimers, simClock, simConfig, startSim } from './testSupport';
import type { SimExchange } from './testSupport';
import { WITHDRAWAL_WARNING } from './testConnection';

let sim: SimExchange;
let deps: CcxtExchangeDeps;

beforeAll(async () => {
  sim = await startSim({
    balances: { USDT: 2_500, BTC: 0.05 },
    keyPermissions: { enableWithdrawals: true },
  });
  deps = { clock: simClock(sim), timers: recordingTimers(), loadClass: loadPro };
});
afterAll(() => sim.close());

describe('testCcxtConnection', () => {
  it('reports markets, balances and the WebSocket trading path', async () => {
    const report = await testCcxtConnection(simConfig(sim), deps);
    expect(report).toEqual({
      ok: true,
      marketCount: 2,
      balances: {
        USDT: { free: 2_500, used: 0, total: 2_500 },
        BTC: { free: 0.05, used: 0, total: 0.05 },
      },
      tradingPath: 'websocket',
      warnings: [],
    });
  });

  it('warns when the key can withdraw, where REST lets it read the permissions', async () => {
    const report = await testCcxtConnection(simConfig(sim, { preferRest: true }), deps);
    expect(report).toMatchObject({
      ok: true,
      tradingPath: 'rest',
      withdrawalEnabled: true,
      warnings: [WITHDRAWAL_WARNING],
    });
  });

  it('works without a key for public data only', async () => {
    const report = await testCcxtConnection(simConfig(sim, { credentials: undefined }), deps);
    expect(report).toMatchObject({ ok: true, marketCount: 2, balances: {} });
    expect(report.ok && report.warnings[0]).toMatch(/No API key/);
  });

  it("says 'auth' for a wrong secret and never repeats it", async () => {
    const secret = 'wrong-secret-0123456789';
    const report = await testCcxtConnection(
      simConfig(sim, { credentials: { apiKey: sim.credentials.apiKey, secret } }),
      deps,
    );
    expect(report).toMatchObject({ ok: false, problem: 'auth' });
    expect(JSON.stringify(report)).not.toContain(secret);
    expect(JSON.stringify(report)).not.toContain(sim.credentials.apiKey);
  });

  it("says 'network' when nothing answers and 'not_supported' for a missing sandbox", async () => {
    const down = await testCcxtConnection(simConfig(sim, { apiUrl: 'http://127.0.0.1:9' }), deps);
    expect(down).toMatchObject({ ok: false, problem: 'network' });
    const sandbox = await testCcxtConnection(
      { exchangeId: 'coinbase', sandbox: true },
      { ...deps, loadClass: async () => (await import('./testSupport')).ccxt.coinbase as never },
    );
    expect(sandbox).toMatchObject({ ok: false, problem: 'not_supported' });
  });
});

describe('testCcxtConnection with a skewed clock', () => {
  it("says 'clock_skew' when the exchange's clock is a minute ahead", async () => {
    const ahead = await startSim({ now: () => Date.now() + 60_000 });
    try {
      const report = await testCcxtConnection(simConfig(ahead), {
        ...deps,
        clock: simClock(ahead),
      });
      expect(report).toMatchObject({ ok: false, problem: 'clock_skew' });
      expect(report.ok || report.fix).toMatch(/Sync your computer's clock/);
    } finally {
      await ahead.close();
    }
  });
});
