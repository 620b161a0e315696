import { describe, expect, it } from 'vitest';
import type { BotConfig } from '../core/bot/types';
import { createBotsRepository } from '../db';
import { copyName } from './botCopies';
import { startTestHost, type TestHost } from './testHost';

const SMA_BOT: BotConfig = {
  name: 'Fast SMA',
  mode: 'simulated',
  accountId: 'sim-default',
  symbol: 'BTC/USDT',
  strategyId: 'sma-crossover',
  timeframe: '1m',
  params: { fast: 3, slow: 8 },
  allocation: 4000,
  risk: { stopLoss: { kind: 'percent', percent: 5 } },
};

const GRID_BOT: BotConfig = {
  ...SMA_BOT,
  name: 'Wide grid',
  strategyId: 'spot-grid',
  params: { lower: 15_000, upper: 40_000, levels: 20, spacing: 'arithmetic', orderQuote: 50 },
  allocation: 2000,
  risk: undefined,
};

async function create(test: TestHost, config: BotConfig, start = false): Promise<string> {
  const created = await test.host.createBot(config, { start });
  if (!created.ok) throw new Error(created.error);
  return created.value.id;
}

describe('copyName', () => {
  it('appends " (copy)" and keeps the name within 60 characters', () => {
    expect(copyName('Fast SMA')).toBe('Fast SMA (copy)');
    const long = copyName('x'.repeat(60));
    expect(long).toHaveLength(60);
    expect(long.endsWith(' (copy)')).toBe(true);
  });
});

describe('duplicate, archive and unarchive', () => {
  it('duplicates a bot as a stopped copy with the same config', async () => {
    const test = await startTestHost();
    const id = await create(test, SMA_BOT, true);
    const result = await test.host.duplicateBot(id);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const copy = await test.db.bots.get(result.value.id);
    expect(copy?.status).toBe('stopped');
    expect(copy?.config).toEqual({ ...SMA_BOT, name: 'Fast SMA (copy)' });
    expect(copy?.shortId).not.toBe((await test.db.bots.get(id))?.shortId);
    await test.host.shutdown();
  });

  it('refuses a duplicate that would over-allocate the account, saving nothing', async () => {
    const test = await startTestHost();
    const first = await create(test, SMA_BOT);
    await create(test, { ...SMA_BOT, name: 'Second' });
    // 8000 of 10000 USDT allocated: a third 4000 copy does not fit.
    const result = await test.host.duplicateBot(first);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors?.[0]?.field).toBe('allocation');
    expect(await test.db.bots.count()).toBe(2);
    expect((await test.host.duplicateBot('nope')).ok).toBe(false);
    await test.host.shutdown();
  });

  it('archives only a stopped bot with no open orders, and frees its allocation', async () => {
    const test = await startTestHost();
    const sma = await create(test, SMA_BOT, true);
    const refusedRunning = await test.host.archiveBot(sma);
    expect(refusedRunning).toEqual({
      ok: false,
      error: 'Fast SMA is running: stop it before archiving it.',
    });

    const grid = await create(test, GRID_BOT, true);
    await test.play(3);
    const stopped = await test.host.stopBot(grid, { cancelOrders: false, closePosition: false });
    expect(stopped.ok).toBe(true);
    const refusedOrders = await test.host.archiveBot(grid);
    expect(refusedOrders.ok).toBe(false);
    if (!refusedOrders.ok) expect(refusedOrders.error).toMatch(/^Wide grid has \d+ open orders/);
    expect((await test.db.bots.get(grid))?.status).toBe('stopped');

    expect((await test.host.stopBot(sma, { cancelOrders: true, closePosition: true })).ok).toBe(
      true,
    );
    await test.play(2);
    expect(await test.host.archiveBot(sma)).toEqual({ ok: true, value: undefined });
    expect((await test.db.bots.get(sma))?.status).toBe('archived');
    const listed = await test.host.listBots();
    expect(listed.ok && listed.value.map((entry) => entry.bot.id)).toEqual([grid]);
    const balances = await test.host.listBalances();
    const usdt = balances.ok ? balances.value.find((each) => each.currency === 'USDT') : undefined;
    expect(usdt?.allocated).toBe(2000);
    expect((await test.host.archiveBot(sma)).ok).toBe(false);
    await test.host.shutdown();
  });

  it('unarchives back to stopped, unless the allocation no longer fits', async () => {
    const test = await startTestHost();
    const bots = createBotsRepository(test.db);
    const archived = await create(test, SMA_BOT);
    expect((await test.host.archiveBot(archived)).ok).toBe(true);
    const other = await create(test, { ...SMA_BOT, name: 'Other', allocation: 7000 });

    const refused = await test.host.unarchiveBot(archived);
    expect(refused).toEqual({
      ok: false,
      error:
        'Insufficient allocation: Fast SMA needs 4000 USDT, only 3000.00 USDT is not allocated to other bots.',
    });
    expect((await bots.getBot(archived))?.status).toBe('archived');

    expect((await test.host.deleteBot(other)).ok).toBe(true);
    expect(await test.host.unarchiveBot(archived)).toEqual({ ok: true, value: undefined });
    const bot = await bots.getBot(archived);
    expect(bot?.status).toBe('stopped');
    const events = await test.db.events.where('botId').equals(archived).toArray();
    expect(events.map((event) => event.message)).toEqual(
      expect.arrayContaining(['Archived', 'Unarchived']),
    );
    expect((await test.host.unarchiveBot(archived)).ok).toBe(false);
    await test.host.shutdown();
  });
});
