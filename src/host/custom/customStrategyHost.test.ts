import { describe, expect, it } from 'vitest';
import type { BotConfig } from '../../core/bot/types';
import { createCustomStrategiesRepository } from '../../db/customStrategiesRepository';
import type { FlotillaDb } from '../../db/schema';
import { browserTimers } from '../browserPorts';
import { createTestDb, startTestHost, type TestHost } from '../testHost';
import { EXAMPLE_CUSTOM_STRATEGY } from './exampleModule';
import { inspectCustomStrategy } from './inspectCustomStrategy';
import { createCustomStrategyLoader } from './loadCustomStrategy';
import { createInProcessWorker, type FakeWorker } from './testSupport';

const BOT: BotConfig = {
  name: 'Momentum',
  mode: 'simulated',
  accountId: 'sim-default',
  symbol: 'BTC/USDT',
  strategyId: 'custom-ema-momentum',
  timeframe: '1m',
  params: { period: 8, rising: 2 },
  allocation: 1000,
};

/** After warm-up its onCandle never answers (in-process stand-in for an endless loop). */
const STALLING = `export default ({ id: 'stall', name: 'Stall', description: 'Hangs.',
  category: 'trend', timeframe: '1m', params: {}, warmup: () => 1, init: () => ({}),
  onCandle: (state, candle, ctx) => (ctx.isWarmup ? [] : new Promise(() => {})) });`;

/** Checks `source` as the custom strategies page does and installs it. */
async function install(db: FlotillaDb, source: string): Promise<void> {
  const meta = await inspectCustomStrategy(source, {
    spawn: createInProcessWorker,
    timers: browserTimers,
  });
  await createCustomStrategiesRepository(db).addCustomStrategy({ ...meta, source, addedAt: 1 });
}

/** A test host whose custom strategies run in in-process workers (listed in `workers`). */
async function startHost(db = createTestDb(), options: { clock?: TestHost['clock'] } = {}) {
  const workers: FakeWorker[] = [];
  const test = await startTestHost({
    db,
    clock: options.clock,
    loadCustomStrategy: createCustomStrategyLoader(db, {
      spawn: () => {
        const worker = createInProcessWorker();
        workers.push(worker);
        return worker;
      },
      // Real timers, so a stalled strategy is stopped while the test host waits for idle.
      timers: browserTimers,
      answerTimeoutMs: 100,
    }),
  });
  return { ...test, workers };
}

async function createStarted(test: TestHost, config: BotConfig): Promise<string> {
  const created = await test.host.createBot(config, { start: true });
  if (!created.ok) throw new Error(created.error);
  return created.value.id;
}

const fillCount = (test: TestHost, botId: string) =>
  test.db.fills.where('botId').equals(botId).count();

describe('bot host with custom strategies', () => {
  it('runs a custom strategy in its own worker: fills, its log lines, cross-field checks', async () => {
    const test = await startHost();
    await install(test.db, EXAMPLE_CUSTOM_STRATEGY);

    const refused = await test.host.createBot({ ...BOT, params: { period: 3, rising: 5 } });
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.fieldErrors).toEqual([
        { field: 'params.rising', message: 'Rising closes (5) must be below the EMA period (3)' },
      ]);
    const missing = await test.host.createBot({ ...BOT, strategyId: 'custom-nope' });
    if (!missing.ok)
      expect(missing.fieldErrors).toEqual([
        { field: 'strategyId', message: 'Custom strategy "custom-nope" is not installed.' },
      ]);
    expect(await test.db.bots.count()).toBe(0);

    const botId = await createStarted(test, BOT);
    await test.play(240);
    expect(await fillCount(test, botId)).toBeGreaterThan(1);
    const logs = await test.db.events
      .where('botId')
      .equals(botId)
      .filter((event) => event.type === 'strategy_log')
      .toArray();
    expect(logs.map((event) => event.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/rising closes above the EMA/)]),
    );
    expect(test.workers.filter((worker) => !worker.isTerminated)).toHaveLength(1);

    expect((await test.host.stopBot(botId, { cancelOrders: true, closePosition: false })).ok).toBe(
      true,
    );
    expect(test.workers.every((worker) => worker.isTerminated)).toBe(true);
    await test.host.shutdown();
  });

  it('resumes a custom bot after a restart, in a new worker', async () => {
    const first = await startHost();
    await install(first.db, EXAMPLE_CUSTOM_STRATEGY);
    const botId = await createStarted(first, BOT);
    await first.play(150);
    const before = await fillCount(first, botId);
    await first.host.shutdown();
    expect(first.workers.every((worker) => worker.isTerminated)).toBe(true);

    const second = await startHost(first.db, { clock: first.clock });
    await second.play(240);
    expect((await second.db.bots.get(botId))?.status).toBe('running');
    expect(await fillCount(second, botId)).toBeGreaterThan(before);
    await second.host.shutdown();
  });

  it('stops only the bot whose strategy hangs, with a clear error', async () => {
    const test = await startHost();
    await install(test.db, STALLING);
    const good = await createStarted(test, {
      ...BOT,
      strategyId: 'sma-crossover',
      name: 'SMA',
      params: { fast: 3, slow: 8 },
    });
    const hanging = await createStarted(test, {
      ...BOT,
      name: 'Hangs',
      strategyId: 'custom-stall',
      params: {},
      allocation: 500,
    });
    await test.play(5);
    const stalled = await test.db.bots.get(hanging);
    expect(stalled?.status).toBe('error');
    expect(stalled?.statusReason).toBe(
      'Strategy Stall failed: Custom strategy "Stall" did not answer within 0.1 s and was stopped (an endless loop?)',
    );
    const before = await fillCount(test, good);
    await test.play(240);
    expect((await test.db.bots.get(good))?.status).toBe('running');
    expect(await fillCount(test, good)).toBeGreaterThan(before);
    await test.host.shutdown();
  });
});
