import { describe, expect, it } from 'vitest';
import { createBotsRepository } from './botsRepository';
import { createConfigCodec, type ConfigCodec } from './configCodec';
import { prepareDropSealed, prepareOpenAll, rewriteTables, sealAllConfigs } from './configSealing';
import { createDexieBotStore } from './dexieBotStore';
import { createDraftsRepository } from './draftsRepository';
import type { FlotillaDb } from './schema';
import { switchableCodec, testKey } from './testCipher';
import { createTestDb, sampleConfig, sampleFill, sampleLedger, sampleOrder } from './testDb';

const NAME = 'Zephyr-7Q';

/** Two clear bots (one with two config versions), as before any vault. */
async function clearBots(db: FlotillaDb) {
  const bots = createBotsRepository(db);
  await bots.createBot({
    id: 'bot-1',
    shortId: 'abc123',
    config: sampleConfig({ name: NAME }),
    now: 1,
  });
  await bots.updateBotConfig('bot-1', sampleConfig({ name: NAME, allocation: 700 }), 2);
  await bots.createBot({
    id: 'bot-2',
    shortId: 'def456',
    config: sampleConfig({ name: 'Other' }),
    now: 3,
  });
  await bots.createBot({
    id: 'bot-3',
    shortId: 'ghi789',
    config: sampleConfig({ name: 'Gone' }),
    now: 4,
  });
  await bots.deleteBot('bot-3', 5);
}

const storedText = async (db: FlotillaDb) =>
  JSON.stringify([
    await db.bots.toArray(),
    await db.botConfigs.toArray(),
    await db.events.toArray(),
  ]);

/** `codec`, failing on its `n`th encode. */
function failingOn(codec: ConfigCodec, n: number): ConfigCodec {
  let calls = 0;
  return {
    ...codec,
    encode: async (config, context) => {
      if (++calls === n) throw new Error('injected failure');
      return codec.encode(config, context);
    },
  };
}

describe('sealAllConfigs', () => {
  it('seals every bot and history row, redacts events naming them, and they read back', async () => {
    const db = createTestDb();
    await clearBots(db);
    const { codec } = switchableCodec(await testKey());
    expect(await storedText(db)).toContain(NAME);
    expect(await sealAllConfigs(db, codec)).toBe(5);
    const text = await storedText(db);
    for (const plain of [NAME, 'Other', 'Gone', 'sma-cross']) expect(text).not.toContain(plain);
    expect((await db.bots.toArray()).every((row) => row.config === undefined)).toBe(true);
    const bots = createBotsRepository(db, codec);
    expect((await bots.getBot('bot-1'))?.config).toEqual(
      sampleConfig({ name: NAME, allocation: 700 }),
    );
    expect((await bots.listBotConfigVersions('bot-1')).map((row) => row.config.allocation)).toEqual(
      [1000, 700],
    );
    const events = await db.events.where('type').anyOf('created', 'deleted').toArray();
    expect(events.map((event) => event.message)).toEqual([
      'Created (configuration v1)',
      'Created (configuration v1)',
      'Created (configuration v1)',
      'Deleted bot ghi789',
    ]);
    expect(await sealAllConfigs(db, codec)).toBe(0);
  });

  it('is all or nothing: a failure while encrypting or while writing leaves every row clear', async () => {
    const db = createTestDb();
    await clearBots(db);
    const { codec } = switchableCodec(await testKey());
    const before = await storedText(db);
    await expect(sealAllConfigs(db, failingOn(codec, 3))).rejects.toThrow('injected failure');
    expect(await storedText(db)).toBe(before);
    // A failure half-way through the writes (the third history row) rolls back the first ones.
    let puts = 0;
    const fail = () => {
      if (++puts === 3) throw new Error('injected write failure');
    };
    db.botConfigs.hook('updating', fail);
    db.botConfigs.hook('creating', fail);
    await expect(sealAllConfigs(db, codec)).rejects.toThrow('injected write failure');
    expect(await storedText(db)).toBe(before);
  });

  it('refuses, writing nothing, when a row changed while it was being sealed', async () => {
    const db = createTestDb();
    await clearBots(db);
    const { codec } = switchableCodec(await testKey());
    const bots = createBotsRepository(db);
    let edited = false;
    const racing: ConfigCodec = {
      ...codec,
      encode: async (config, context) => {
        if (!edited) {
          edited = true;
          await bots.updateBotConfig('bot-2', sampleConfig({ name: 'Other', allocation: 1 }), 9);
        }
        return codec.encode(config, context);
      },
    };
    const before = await db.bots.get('bot-1');
    await expect(sealAllConfigs(db, racing)).rejects.toThrow(/changed meanwhile/);
    expect(await db.bots.get('bot-1')).toEqual(before);
    expect((await db.bots.toArray()).every((row) => row.sealedConfig === undefined)).toBe(true);
  });
});

describe('erasing the vault', () => {
  it('unlocked: every sealed config opens back to clear', async () => {
    const db = createTestDb();
    await clearBots(db);
    const { codec } = switchableCodec(await testKey());
    await sealAllConfigs(db, codec);
    const rewrite = await prepareOpenAll(db, codec);
    await db.transaction('rw', rewriteTables(db), () => rewrite.apply());
    expect((await db.bots.toArray()).every((row) => row.sealedConfig === undefined)).toBe(true);
    expect((await db.botConfigs.toArray()).every((row) => row.sealedConfig === undefined)).toBe(
      true,
    );
    const clear = createBotsRepository(
      db,
      createConfigCodec(() => ({ kind: 'none' })),
    );
    expect((await clear.getBot('bot-1'))?.config.name).toBe(NAME);
  });

  it('locked: the bots with sealed configs are deleted with their data, all in one go', async () => {
    const db = createTestDb();
    await clearBots(db);
    const { codec } = switchableCodec(await testKey());
    await sealAllConfigs(db, codec);
    const store = createDexieBotStore(db);
    await store.putOrder(sampleOrder({ botId: 'bot-1' }));
    await store.recordFill(
      'sim-default',
      'bot-1',
      sampleFill(),
      sampleOrder({ botId: 'bot-1' }),
      sampleLedger(),
    );
    const rewrite = await prepareDropSealed(db, 10);
    expect(rewrite.count).toBe(2);
    await db.transaction('rw', rewriteTables(db), () => rewrite.apply());
    expect(await db.bots.count()).toBe(0);
    expect(await db.botConfigs.count()).toBe(0);
    expect(await db.orders.count()).toBe(0);
    expect(await db.fills.count()).toBe(0);
    expect(await db.ledgers.count()).toBe(0);
    const deleted = await db.events.where('type').equals('deleted').toArray();
    expect(deleted.map((event) => event.message)).toContain(
      'Deleted bot abc123: its configuration was sealed by an erased vault',
    );
  });
});

describe('form drafts', () => {
  it('are sealed with the configs, saved sealed while a vault exists, and opened on erase', async () => {
    const db = createTestDb();
    const { codec, set } = switchableCodec(await testKey());
    set('none');
    await createDraftsRepository(db).saveDraft('create-bot', { name: NAME, fast: 37 }, 1);
    set('unlocked');
    await sealAllConfigs(db, codec);
    expect(JSON.stringify(await db.drafts.toArray())).not.toContain(NAME);
    const drafts = createDraftsRepository(db, codec);
    expect(await drafts.loadDraft('create-bot')).toEqual({ name: NAME, fast: 37 });
    await drafts.saveDraft('other', { name: NAME }, 2);
    expect(JSON.stringify(await db.drafts.toArray())).not.toContain(NAME);
    const rewrite = await prepareOpenAll(db, codec);
    await db.transaction('rw', rewriteTables(db), () => rewrite.apply());
    expect(await createDraftsRepository(db).loadDraft('other')).toEqual({ name: NAME });
    // Locked: a sealed draft cannot be read or written.
    await sealAllConfigs(db, codec);
    set('locked');
    await expect(drafts.loadDraft('other')).rejects.toThrow(/locked/);
    await expect(drafts.saveDraft('other', {}, 3)).rejects.toThrow(/locked/);
    const drop = await prepareDropSealed(db, 4);
    await db.transaction('rw', rewriteTables(db), () => drop.apply());
    expect(await db.drafts.count()).toBe(0);
  });
});

describe('the event log', () => {
  it('still refuses updates and deletes outside a redaction', async () => {
    const db = createTestDb();
    await clearBots(db);
    const [first] = await db.events.toArray();
    await expect(db.events.update(first?.seq ?? 0, { message: 'x' })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.events.delete(first?.seq ?? 0)).rejects.toThrow(/append-only/);
  });
});
