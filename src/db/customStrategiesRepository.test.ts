import { describe, expect, it } from 'vitest';
import type { CustomStrategyRow } from './schema';
import { createBotsRepository } from './botsRepository';
import { createCustomStrategiesRepository } from './customStrategiesRepository';
import { switchableCodec, testKey } from './testCipher';
import { createTestDb, sampleConfig } from './testDb';

const ROW: CustomStrategyRow = {
  id: 'custom-ema-momentum',
  name: 'EMA momentum',
  description: 'Buys momentum.',
  category: 'trend',
  timeframe: '1m',
  params: { period: { kind: 'integer', label: 'EMA period', default: 8, min: 2, max: 200 } },
  source: 'export default {}',
  addedAt: 1,
};

describe('custom strategies repository', () => {
  it('adds, lists and refuses an id that is already installed', async () => {
    const repo = createCustomStrategiesRepository(createTestDb());
    await repo.addCustomStrategy(ROW);
    await expect(repo.addCustomStrategy({ ...ROW, name: 'Other', addedAt: 2 })).rejects.toThrow(
      'A custom strategy with the id "custom-ema-momentum" is already installed ("EMA momentum")',
    );
    expect((await repo.listCustomStrategies()).map((row) => row.name)).toEqual(['EMA momentum']);
    await expect(repo.addCustomStrategy({ ...ROW, id: 'ema' })).rejects.toThrow(
      'id must start with "custom-"',
    );
  });

  it('refuses to delete a strategy a bot uses, until the bot is gone', async () => {
    const db = createTestDb();
    const repo = createCustomStrategiesRepository(db);
    const bots = createBotsRepository(db);
    await repo.addCustomStrategy(ROW);
    await bots.createBot({
      config: sampleConfig({ name: 'Momentum bot', strategyId: ROW.id }),
      id: 'bot-1',
      shortId: 'abc123',
      now: 1,
    });
    await expect(repo.deleteCustomStrategy(ROW.id)).rejects.toThrow(
      '"EMA momentum" cannot be deleted: it is used by the bot "Momentum bot". Delete that bot first.',
    );
    expect(await repo.getCustomStrategy(ROW.id)).toBeDefined();
    await bots.deleteBot('bot-1', 2);
    await repo.deleteCustomStrategy(ROW.id);
    expect(await repo.getCustomStrategy(ROW.id)).toBeUndefined();
  });

  it('finds the bots using it when their configs are sealed', async () => {
    const db = createTestDb();
    const { codec, set } = switchableCodec(await testKey());
    const repo = createCustomStrategiesRepository(db, codec);
    await repo.addCustomStrategy(ROW);
    await createBotsRepository(db, codec).createBot({
      config: sampleConfig({ name: 'Sealed momentum', strategyId: ROW.id }),
      id: 'bot-1',
      shortId: 'abc123',
      now: 1,
    });
    await expect(repo.deleteCustomStrategy(ROW.id)).rejects.toThrow('"Sealed momentum"');
    set('locked');
    await expect(repo.deleteCustomStrategy(ROW.id)).rejects.toThrow(/locked/);
    expect(await repo.getCustomStrategy(ROW.id)).toBeDefined();
  });
});
