/**
 * Integration: the bot host with the real ccxt adapter and paper exchange (as the worker wires
 * them) against the local Binance simulator (stepped by hand): add an account with the test
 * key, test its connection, run a live bot whose order reaches the simulator with the bot's
 * client order id, and a paper bot on the same account that never touches the simulator's books.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BotConfig } from '../core/bot/types';
import { createSeededRandom } from '../core/time';
import { createOrdersRepository, type FlotillaDb } from '../db';
import { openCcxtExchange, testCcxtConnection } from '../exchange/ccxt';
import { EXCHANGE_CATALOG } from '../exchange/ccxt/catalog';
import {
  eventually,
  loadPro,
  recordingTimers,
  simClock,
  startSim,
  type SimExchange,
} from '../exchange/ccxt/testSupport';
import { createPaperExchange, type PaperState } from '../exchange/paper';
import { committedSamples } from '../exchange/simulated/testSupport';
import { STRATEGIES } from '../../strategies';
import { createBotHost, type BotHost } from './botHost';
import { createTestDb } from './testHost';

const PASS = 'correct horse battery staple';
const MINUTE = 60_000;
// Real sockets and ccxt's rate limiter on a shared machine.
const SLOW = { timeout: 30_000 };

let sim: SimExchange;
let host: BotHost;
let db: FlotillaDb;

beforeEach(async () => {
  sim = await startSim({ balances: { USDT: 10_000, BTC: 0.1 } });
  const clock = simClock(sim);
  const timers = recordingTimers(1);
  const deps = { clock, timers, loadClass: loadPro };
  db = createTestDb();
  host = createBotHost({
    db,
    clock,
    timers,
    random: createSeededRandom(3),
    strategies: STRATEGIES,
    loadSamples: async () => committedSamples(),
    publish: () => undefined,
    vaultIterations: 1_000,
    exchanges: {
      catalog: EXCHANGE_CATALOG,
      openLive: (config) => openCcxtExchange(config, deps),
      openPaper: (options) =>
        createPaperExchange({ ...options, state: options.state as PaperState | undefined }),
      testConnection: (config) => testCcxtConnection(config, deps),
    },
  });
  await host.boot();
  expect((await host.setupVault(PASS, PASS)).ok).toBe(true);
});

afterEach(async () => {
  await host.shutdown();
  await sim.close();
});

const bot = (accountId: string, mode: 'paper' | 'live'): BotConfig => ({
  name: `${mode} hold`,
  mode,
  accountId,
  symbol: 'BTC/USDT',
  strategyId: 'buy-and-hold',
  timeframe: '1m',
  params: {},
  allocation: 500,
});

/** Steps the simulator's market a minute at a time until `done` holds. */
async function playUntil(done: () => Promise<boolean>): Promise<void> {
  await eventually(
    async () => {
      if (await done()) return true;
      sim.market.advance(MINUTE);
      return false;
    },
    (isDone) => isDone,
  );
}

describe('exchange accounts on the real ccxt adapter', () => {
  it('tests the connection, then trades live and on paper on one account', SLOW, async () => {
    const added = await host.addExchangeAccount({
      name: 'Sim Binance',
      exchange: 'binance',
      sandbox: false,
      apiUrl: sim.url,
      credentials: { apiKey: sim.credentials.apiKey, secret: sim.credentials.secret },
    });
    if (!added.ok) throw new Error(added.error);
    const id = added.value.id;
    expect(await host.testExchangeConnection({ accountId: id })).toMatchObject({
      ok: true,
      value: {
        ok: true,
        marketCount: 2,
        tradingPath: 'websocket',
        balances: { USDT: { total: 10_000 } },
      },
    });
    const wrong = await host.testExchangeConnection({
      input: {
        name: 'x',
        exchange: 'binance',
        sandbox: false,
        apiUrl: sim.url,
        credentials: { apiKey: sim.credentials.apiKey, secret: 'not-the-secret' },
      },
    });
    expect(wrong).toMatchObject({ ok: true, value: { ok: false, problem: 'auth' } });

    const live = await host.createBot(bot(id, 'live'), { start: true });
    if (!live.ok) throw new Error(`${live.error} ${JSON.stringify(live.fieldErrors)}`);
    const paper = await host.createBot(bot(id, 'paper'), { start: true });
    if (!paper.ok) throw new Error(`${paper.error} ${JSON.stringify(paper.fieldErrors)}`);
    const fills = (botId: string) => createOrdersRepository(db).listFills(botId, 10);
    await playUntil(
      async () =>
        (await fills(live.value.id)).length > 0 && (await fills(paper.value.id)).length > 0,
    );

    const [liveFill] = await fills(live.value.id);
    const simOrders = sim.engine.allOrders({
      id: 'BTCUSDT',
      symbol: 'BTC/USDT',
      base: 'BTC',
      quote: 'USDT',
    });
    // Only the live bot's order is on the exchange, under the bot's client order id.
    expect(simOrders.map((order) => order.clientOrderId)).toEqual([liveFill?.clientOrderId]);
    const [paperFill] = await fills(paper.value.id);
    expect(paperFill?.clientOrderId).not.toBe(liveFill?.clientOrderId);
    expect(Math.abs((paperFill?.price ?? 0) / (liveFill?.price ?? 1) - 1)).toBeLessThan(0.01);
    const listed = await host.listAccounts();
    expect(listed.ok && listed.value.find((account) => account.id === id)?.tradingPath).toBe(
      'websocket',
    );
  });
});
