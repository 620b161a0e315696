import { Dexie } from 'dexie';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createOrdersRepository } from './ordersRepository';
import { declareMigrations, LATEST_VERSION, MIGRATIONS } from './migrations';
import { FlotillaDb } from './schema';
import {
  createTestDb,
  sampleConfig,
  sampleFill,
  sampleOrder,
  testDependencies,
  uniqueDbName,
} from './testDb';

/** A database as release v1 created it, before any later migration existed. */
function openV1(name: string): Dexie {
  const db = new Dexie(name, testDependencies);
  declareMigrations(db, MIGRATIONS.slice(0, 1));
  onTestFinished(() => db.close());
  return db;
}

describe('schema history', () => {
  it('opens a new database at the latest version with every table', async () => {
    const db = createTestDb();
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    // Other versions add tables in parallel branches: check these are there, not that no more are.
    expect(db.tables.map((table) => table.name)).toEqual(
      expect.arrayContaining([
        'accounts',
        'botConfigs',
        'bots',
        'customStrategies',
        'drafts',
        'equity',
        'events',
        'fills',
        'ledgers',
        'orders',
        'presets',
        'runtime',
        'settings',
        'simState',
        'candleDatasets',
        'candleChunks',
        'backtestRuns',
        'vault',
        'vaultSecrets',
        'paperState',
      ]),
    );
    expect(db.fills.schema.primKey.name).toBe('[accountId+tradeId]');
    expect(Object.keys(db.fills.schema.idxByName).sort()).toEqual([
      '[botId+time]',
      'botId',
      'clientOrderId',
    ]);
    expect(db.events.schema.primKey.auto).toBe(true);
  });

  it('refuses a history whose versions do not increase', () => {
    const db = new Dexie(uniqueDbName(), testDependencies);
    const [first] = MIGRATIONS;
    if (!first) throw new Error('no migrations');
    expect(() => declareMigrations(db, [first, first])).toThrow(/version 1 must be an integer > 1/);
  });

  it('upgrades a v1 database in place: data survives and fills get config versions', async () => {
    const name = uniqueDbName();
    const v1 = openV1(name);
    await v1.open();
    expect(v1.verno).toBe(1);
    expect(v1.tables.map((table) => table.name)).not.toContain('drafts');
    await v1.table('bots').add({
      id: 'bot-1',
      shortId: 'abc123',
      config: sampleConfig(),
      configVersion: 3,
      status: 'stopped',
      createdAt: 1,
      updatedAt: 1,
    });
    await v1
      .table('orders')
      .bulkAdd([
        sampleOrder({ clientOrderId: 'o-1', configVersion: 1 }),
        sampleOrder({ clientOrderId: 'o-2', configVersion: 3 }),
      ]);
    const v1Fills = [
      {
        ...sampleFill({ tradeId: 't-1', clientOrderId: 'o-1', time: 10 }),
        accountId: 'sim-default',
        botId: 'bot-1',
      },
      {
        ...sampleFill({ tradeId: 't-2', clientOrderId: 'o-2', time: 20 }),
        accountId: 'sim-default',
        botId: 'bot-1',
      },
      {
        ...sampleFill({ tradeId: 't-3', clientOrderId: 'gone', time: 30 }),
        accountId: 'sim-default',
        botId: 'bot-1',
      },
    ];
    await v1.table('fills').bulkAdd(v1Fills);
    await v1.table('events').add({ botId: 'bot-1', time: 1, type: 'created', message: 'Created' });
    v1.close();

    const db = new FlotillaDb(name, testDependencies);
    onTestFinished(() => db.close());
    await db.open();

    expect(db.verno).toBe(LATEST_VERSION);
    expect((await db.bots.get('bot-1'))?.configVersion).toBe(3);
    expect(await db.orders.count()).toBe(2);
    expect(await db.events.toArray()).toEqual([
      { seq: 1, botId: 'bot-1', time: 1, type: 'created', message: 'Created' },
    ]);
    const fills = await db.fills.orderBy('clientOrderId').toArray();
    expect(fills.map((fill) => [fill.tradeId, fill.configVersion])).toEqual([
      ['t-3', undefined], // its order is gone: nothing to backfill from
      ['t-1', 1],
      ['t-2', 3],
    ]);
    // The new [botId+time] index is built over the migrated rows.
    const latest = await createOrdersRepository(db).listFills('bot-1', 2);
    expect(latest.map((fill) => fill.tradeId)).toEqual(['t-3', 't-2']);
    expect(await db.bots.where('shortId').equals('abc123').count()).toBe(1);
    await db.drafts.put({ id: 'new-bot', value: { name: 'x' }, updatedAt: 5 });
    expect(await db.drafts.count()).toBe(1);
  });

  it('upgrades a v6 database: its accounts become tagged simulated accounts', async () => {
    const name = uniqueDbName();
    const v6 = new Dexie(name, testDependencies);
    declareMigrations(
      v6,
      MIGRATIONS.filter((migration) => migration.version <= 6),
    );
    await v6.open();
    const v6Account = {
      id: 'sim-default',
      name: 'Simulated',
      exchange: 'simulated',
      speed: 60,
      startingBalances: { USDT: 10_000 },
      makerFee: 0.001,
      takerFee: 0.001,
      slippageBps: 5,
      createdAt: 1,
    };
    await v6.table('accounts').add(v6Account);
    await v6.table('vaultSecrets').add({ id: 'account:x', kind: 'credentials', hint: '' });
    v6.close();

    const db = new FlotillaDb(name, testDependencies);
    onTestFinished(() => db.close());
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(7);
    expect(await db.accounts.get('sim-default')).toEqual({ ...v6Account, kind: 'simulated' });
    expect(await db.accounts.where('kind').equals('simulated').count()).toBe(1);
    expect(await db.vaultSecrets.count()).toBe(1);
    await db.paperState.put({ accountId: 'acc-1', state: { v: 1 }, updatedAt: 2 });
    expect(await db.paperState.count()).toBe(1);
  });
});
