import { describe, expect, it } from 'vitest';
import type { BotConfig } from '../core/bot/types';
import { createBotsRepository } from './botsRepository';
import { createDexieBotStore } from './dexieBotStore';
import type { FlotillaDb } from './schema';
import { createTestDb, sampleConfig, sampleFill, sampleLedger, sampleOrder } from './testDb';

async function setup(db: FlotillaDb = createTestDb()) {
  const bots = createBotsRepository(db);
  const bot = await bots.createBot({
    id: 'bot-1',
    shortId: 'abc123',
    config: sampleConfig(),
    now: 100,
  });
  return { db, bots, bot };
}

const eventTypes = async (db: FlotillaDb, botId = 'bot-1') =>
  (await db.events.where('botId').equals(botId).sortBy('seq')).map((event) => event.type);

describe('createBot', () => {
  it('writes a stopped bot, config v1 and a "created" event', async () => {
    const { db, bot } = await setup();
    expect(bot).toEqual({
      id: 'bot-1',
      shortId: 'abc123',
      config: sampleConfig(),
      configVersion: 1,
      status: 'stopped',
      createdAt: 100,
      updatedAt: 100,
    });
    expect(await db.bots.get('bot-1')).toEqual(bot);
    expect(await db.botConfigs.get(['bot-1', 1])).toEqual({
      botId: 'bot-1',
      version: 1,
      config: sampleConfig(),
      savedAt: 100,
    });
    const [created] = await db.events.toArray();
    expect(created).toMatchObject({ botId: 'bot-1', time: 100, type: 'created' });
    expect(created?.message).toContain('BTC crossover');
  });

  it('stores only the known config fields', async () => {
    const db = createTestDb();
    const config = { ...sampleConfig(), uiOnly: () => 1 } as BotConfig;
    await createBotsRepository(db).createBot({ id: 'b', shortId: 'abc123', config, now: 1 });
    expect(Object.keys((await db.bots.get('b'))?.config ?? {})).not.toContain('uiOnly');
  });

  it.each([
    [{ allocation: 0 }, /^config\.allocation must be > 0/],
    [{ allocation: Number.NaN }, /^config\.allocation must be a finite number/],
    [{ name: '  ' }, /^config\.name /],
    [{ mode: 'yolo' }, /^config\.mode /],
    [{ symbol: 'BTCUSDT' }, /^config\.symbol /],
    [{ timeframe: '7m' }, /^config\.timeframe /],
    [{ accountId: '' }, /^config\.accountId /],
    [{ strategyId: '' }, /^config\.strategyId /],
    [{ params: { fast: Number.POSITIVE_INFINITY } }, /^config\.params\.fast /],
    [{ params: null }, /^config\.params /],
  ])('rejects an invalid config %j naming the field, writing nothing', async (patch, message) => {
    const db = createTestDb();
    const config = { ...sampleConfig(), ...patch } as BotConfig;
    await expect(
      createBotsRepository(db).createBot({ id: 'b', shortId: 'abc123', config, now: 1 }),
    ).rejects.toThrow(message);
    expect([await db.bots.count(), await db.botConfigs.count(), await db.events.count()]).toEqual([
      0, 0, 0,
    ]);
  });

  it('rejects a bad short id, a bad time and reused ids', async () => {
    const { db, bots } = await setup();
    const input = { id: 'bot-2', shortId: 'xyz789', config: sampleConfig(), now: 1 };
    await expect(bots.createBot({ ...input, shortId: 'ABC' })).rejects.toThrow(/^shortId /);
    await expect(bots.createBot({ ...input, now: -1 })).rejects.toThrow(/^now /);
    await expect(bots.createBot({ ...input, id: 'bot-1' })).rejects.toThrow(/^id is already used/);
    await expect(bots.createBot({ ...input, shortId: 'abc123' })).rejects.toThrow(
      /^shortId is already used/,
    );
    expect(await db.bots.count()).toBe(1);
    expect(await db.botConfigs.count()).toBe(1);
    expect(await db.events.count()).toBe(1);
  });

  it('is atomic: a failing event write leaves no bot and no config', async () => {
    const db = createTestDb();
    const refuse = () => {
      throw new Error('disk full');
    };
    db.events.hook('creating', refuse);
    await expect(
      createBotsRepository(db).createBot({
        id: 'b',
        shortId: 'abc123',
        config: sampleConfig(),
        now: 1,
      }),
    ).rejects.toThrow('disk full');
    db.events.hook('creating').unsubscribe(refuse);
    expect(await db.bots.count()).toBe(0);
    expect(await db.botConfigs.count()).toBe(0);
  });
});

describe('config versions', () => {
  it('saves each change as the next version with a "config_changed" event', async () => {
    const { db, bots } = await setup();
    const v2 = sampleConfig({ allocation: 2000, params: { fast: 5, slow: 21, extra: true } });
    const updated = await bots.updateBotConfig('bot-1', v2, 200);
    expect(updated).toMatchObject({ configVersion: 2, config: v2, updatedAt: 200, createdAt: 100 });
    expect(await db.bots.get('bot-1')).toEqual(updated);
    const v3 = sampleConfig({ name: 'Renamed', allocation: 2000, params: { fast: 5, slow: 21 } });
    await bots.updateBotConfig('bot-1', v3, 300);

    expect((await bots.listBotConfigVersions('bot-1')).map((row) => row.version)).toEqual([
      1, 2, 3,
    ]);
    expect((await bots.getBotConfigVersion('bot-1', 1))?.config).toEqual(sampleConfig());
    expect(await bots.getBotConfigVersion('bot-1', 2)).toEqual({
      botId: 'bot-1',
      version: 2,
      config: v2,
      savedAt: 200,
    });
    expect(await bots.getBotConfigVersion('bot-1', 4)).toBeUndefined();
    await expect(bots.getBotConfigVersion('bot-1', 0)).rejects.toThrow(/^version /);

    const changes = await db.events.where('type').equals('config_changed').sortBy('seq');
    expect(changes.map((event) => event.data)).toEqual([
      { configVersion: 2, changedFields: ['allocation', 'params.extra', 'params.fast'] },
      { configVersion: 3, changedFields: ['name', 'params.extra'] },
    ]);
    expect(changes[0]?.message).toBe(
      'Configuration v2: allocation, params.extra, params.fast changed',
    );
  });

  it('treats an identical config as a no-op', async () => {
    const { db, bots, bot } = await setup();
    expect(await bots.updateBotConfig('bot-1', sampleConfig(), 200)).toEqual(bot);
    expect(await db.botConfigs.count()).toBe(1);
    expect(await eventTypes(db)).toEqual(['created']);
  });

  it('rejects invalid configs, unknown and archived bots, writing nothing', async () => {
    const { db, bots } = await setup();
    await expect(
      bots.updateBotConfig('bot-1', sampleConfig({ allocation: -1 }), 200),
    ).rejects.toThrow(/^config\.allocation /);
    await expect(
      bots.updateBotConfig('nope', sampleConfig({ allocation: 5 }), 200),
    ).rejects.toThrow(/^id does not name a bot/);
    await bots.setBotStatus('bot-1', 'archived', 150);
    await expect(
      bots.updateBotConfig('bot-1', sampleConfig({ allocation: 5 }), 200),
    ).rejects.toThrow(/^status is archived/);
    expect(await db.botConfigs.count()).toBe(1);
    expect((await db.bots.get('bot-1'))?.configVersion).toBe(1);
    expect(await eventTypes(db)).toEqual(['created', 'archived']);
  });
});

describe('setBotStatus', () => {
  it('logs the matching event for each transition', async () => {
    const { db, bots } = await setup();
    await bots.setBotStatus('bot-1', 'running', 200);
    await bots.setBotStatus('bot-1', 'paused', 300, 'manual');
    await bots.setBotStatus('bot-1', 'running', 400);
    await bots.setBotStatus('bot-1', 'stopped', 500);
    await bots.setBotStatus('bot-1', 'archived', 600);
    await bots.setBotStatus('bot-1', 'stopped', 700);
    expect(await eventTypes(db)).toEqual([
      'created',
      'started',
      'paused',
      'resumed',
      'stopped',
      'archived',
      'stopped',
    ]);
    const events = await db.events.orderBy('seq').toArray();
    expect(events[2]).toMatchObject({
      time: 300,
      message: 'Paused: manual',
      data: { from: 'running', to: 'paused', reason: 'manual' },
    });
    expect(events[6]?.message).toBe('Unarchived');
    expect(await db.bots.get('bot-1')).toMatchObject({ status: 'stopped', updatedAt: 700 });
  });

  it('requires a reason for "error", stores it and clears it on recovery', async () => {
    const { db, bots } = await setup();
    await bots.setBotStatus('bot-1', 'running', 200);
    await expect(bots.setBotStatus('bot-1', 'error', 300)).rejects.toThrow(/^reason /);
    const failed = await bots.setBotStatus('bot-1', 'error', 300, 'auth rejected');
    expect(failed).toMatchObject({ status: 'error', statusReason: 'auth rejected' });
    const restarted = await bots.setBotStatus('bot-1', 'running', 400);
    expect(restarted.status).toBe('running');
    expect('statusReason' in restarted).toBe(false);
    expect(await bots.getBotState('bot-1')).toEqual(restarted);
    expect(await eventTypes(db)).toEqual(['created', 'started', 'error', 'started']);
  });

  it('sets and clears the status note without an event; a status change clears it', async () => {
    const { db, bots } = await setup();
    await bots.setBotStatus('bot-1', 'running', 200);
    const waiting = await bots.setStatusNote('bot-1', 'Waiting for the vault to be unlocked');
    expect(waiting).toMatchObject({ status: 'running', statusNote: /Waiting for the vault/ });
    expect(await bots.getBotState('bot-1')).toEqual(waiting);
    expect('statusNote' in (await bots.setStatusNote('bot-1', undefined))).toBe(false);
    await bots.setStatusNote('bot-1', 'Waiting');
    expect('statusNote' in (await bots.setBotStatus('bot-1', 'paused', 300))).toBe(false);
    await expect(bots.setStatusNote('bot-1', '')).rejects.toThrow(/^note /);
    await expect(bots.setStatusNote('nope', 'x')).rejects.toThrow(/^id /);
    expect(await eventTypes(db)).toEqual(['created', 'started', 'paused']);
  });

  it('ignores setting the current status again', async () => {
    const { db, bots, bot } = await setup();
    const { config: _config, ...state } = bot;
    expect(await bots.setBotStatus('bot-1', 'stopped', 200)).toEqual(state);
    expect(await eventTypes(db)).toEqual(['created']);
  });

  it('refuses illegal transitions and unknown bots, writing nothing', async () => {
    const { db, bots } = await setup();
    await bots.setBotStatus('bot-1', 'running', 200);
    await expect(bots.setBotStatus('bot-1', 'archived', 300)).rejects.toThrow(
      /^status cannot change from running to archived/,
    );
    await expect(bots.setBotStatus('bot-1', 'draft', 300)).rejects.toThrow(/^status /);
    await expect(bots.setBotStatus('nope', 'running', 300)).rejects.toThrow(/^id /);
    expect((await db.bots.get('bot-1'))?.status).toBe('running');
    expect(await eventTypes(db)).toEqual(['created', 'started']);
  });
});

describe('getBot and listBots', () => {
  it('lists by creation time and hides archived bots unless asked', async () => {
    const { bots } = await setup();
    await bots.createBot({ id: 'bot-0', shortId: 'zzz000', config: sampleConfig(), now: 50 });
    await bots.createBot({ id: 'bot-2', shortId: 'xyz789', config: sampleConfig(), now: 150 });
    await bots.setBotStatus('bot-2', 'archived', 160);
    expect((await bots.listBots()).map((bot) => bot.id)).toEqual(['bot-0', 'bot-1']);
    expect((await bots.listBots({ includeArchived: true })).map((bot) => bot.id)).toEqual([
      'bot-0',
      'bot-1',
      'bot-2',
    ]);
    expect((await bots.getBot('bot-2'))?.status).toBe('archived');
    expect(await bots.getBot('nope')).toBeUndefined();
  });
});

describe('deleteBot', () => {
  async function seedTrading(db: FlotillaDb, botId: string, shortId: string) {
    const bots = createBotsRepository(db);
    const store = createDexieBotStore(db, { clock: { now: () => 1 } });
    await bots.createBot({ id: botId, shortId, config: sampleConfig(), now: 100 });
    await bots.updateBotConfig(botId, sampleConfig({ allocation: 500 }), 110);
    const order = sampleOrder({ botId, clientOrderId: `flt${shortId}1`, state: 'filled' });
    await store.putOrder(sampleOrder({ botId, clientOrderId: `flt${shortId}2` }));
    await store.recordFill(
      'sim-default',
      botId,
      sampleFill({ tradeId: `t-${botId}`, clientOrderId: order.clientOrderId }),
      order,
      sampleLedger(),
    );
    await store.appendEquity({ botId, time: 1, equity: 1000, price: 30_000 });
    await store.appendEquity({ botId, time: 2, equity: 1001, price: 30_100 });
    await store.saveRuntimeState({ botId, lastCandleTime: 2 });
  }

  const counts = async (db: FlotillaDb, botId: string) => ({
    bots: await db.bots.where('id').equals(botId).count(),
    configs: await db.botConfigs
      .where('[botId+version]')
      .between([botId, 0], [botId, Infinity])
      .count(),
    orders: await db.orders.where('botId').equals(botId).count(),
    fills: await db.fills.where('botId').equals(botId).count(),
    ledgers: await db.ledgers.where('botId').equals(botId).count(),
    equity: await db.equity.where('[botId+time]').between([botId, 0], [botId, Infinity]).count(),
    runtime: await db.runtime.where('botId').equals(botId).count(),
  });
  const seeded = { bots: 1, configs: 2, orders: 2, fills: 1, ledgers: 1, equity: 2, runtime: 1 };
  const empty = { bots: 0, configs: 0, orders: 0, fills: 0, ledgers: 0, equity: 0, runtime: 0 };

  it("removes every row of the bot, keeps its events and logs 'deleted'", async () => {
    const db = createTestDb();
    await seedTrading(db, 'bot-1', 'abc123');
    await seedTrading(db, 'bot-2', 'xyz789');
    expect(await counts(db, 'bot-1')).toEqual(seeded);

    await createBotsRepository(db).deleteBot('bot-1', 900);

    expect(await counts(db, 'bot-1')).toEqual(empty);
    expect(await counts(db, 'bot-2')).toEqual(seeded);
    expect(await eventTypes(db)).toEqual(['created', 'config_changed', 'deleted']);
    const deleted = await db.events.orderBy('seq').last();
    expect(deleted).toMatchObject({
      botId: 'bot-1',
      time: 900,
      type: 'deleted',
      data: {
        name: 'BTC crossover',
        shortId: 'abc123',
        removed: { configs: 2, orders: 2, fills: 1, equity: 2 },
      },
    });
  });

  it('refuses a running or paused bot and an unknown id, changing nothing', async () => {
    const db = createTestDb();
    await seedTrading(db, 'bot-1', 'abc123');
    const bots = createBotsRepository(db);
    await bots.setBotStatus('bot-1', 'running', 200);
    await expect(bots.deleteBot('bot-1', 300)).rejects.toThrow(/^status is running/);
    await bots.setBotStatus('bot-1', 'paused', 310);
    await expect(bots.deleteBot('bot-1', 320)).rejects.toThrow(/^status is paused/);
    await expect(bots.deleteBot('nope', 320)).rejects.toThrow(/^id /);
    expect(await counts(db, 'bot-1')).toEqual(seeded);
    expect(await eventTypes(db)).not.toContain('deleted');
  });

  it('is atomic: a failure on the last delete restores everything', async () => {
    const db = createTestDb();
    await seedTrading(db, 'bot-1', 'abc123');
    const refuse = () => {
      throw new Error('disk full');
    };
    db.bots.hook('deleting', refuse);
    await expect(createBotsRepository(db).deleteBot('bot-1', 900)).rejects.toThrow('disk full');
    db.bots.hook('deleting').unsubscribe(refuse);
    expect(await counts(db, 'bot-1')).toEqual(seeded);
    expect(await eventTypes(db)).not.toContain('deleted');
  });
});
