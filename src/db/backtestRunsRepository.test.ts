import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { createBacktestRunsRepository } from './backtestRunsRepository';
import { declareMigrations, MIGRATIONS } from './migrations';
import { FlotillaDb } from './schema';
import { createTestDb, testDependencies, uniqueDbName } from './testDb';

describe('backtestRunsRepository', () => {
  it('saves runs newest first and keeps only the last N', async () => {
    const db = createTestDb();
    let id = 0;
    const runs = createBacktestRunsRepository<{ n: number }, { total: number }>(
      db,
      () => `run-${++id}`,
      3,
    );
    for (let n = 1; n <= 5; n++) {
      await runs.saveRun({
        name: `Run ${n}`,
        strategyId: 'sma',
        config: { n },
        report: { total: n },
        now: n * 1000,
      });
    }
    const listed = await runs.listRuns();
    expect(listed.map((run) => run.name)).toEqual(['Run 5', 'Run 4', 'Run 3']);
    expect(await runs.getRun('run-1')).toBeUndefined();
    expect((await runs.getRun('run-4'))?.report).toEqual({ total: 4 });
    await runs.deleteRun('run-4');
    expect((await runs.listRuns()).map((run) => run.id)).toEqual(['run-5', 'run-3']);
  });

  it('rejects a nameless run and saves nothing', async () => {
    const db = createTestDb();
    const runs = createBacktestRunsRepository(db);
    await expect(
      runs.saveRun({ name: '  ', strategyId: 'sma', config: {}, report: {}, now: 1 }),
    ).rejects.toThrow('name');
    expect(await runs.listRuns()).toEqual([]);
  });

  it('arrives with schema v5 on a database made before it, keeping the data', async () => {
    const name = uniqueDbName();
    const old = new Dexie(name, testDependencies);
    declareMigrations(
      old,
      MIGRATIONS.filter((migration) => migration.version < 5),
    );
    await old.table('drafts').put({ id: 'draft', value: 1, updatedAt: 0 });
    old.close();
    const db = new FlotillaDb(name, testDependencies);
    try {
      expect(Object.keys(db.backtestRuns.schema.idxByName).sort()).toEqual([
        'savedAt',
        'strategyId',
      ]);
      expect(await db.drafts.get('draft')).toMatchObject({ value: 1 });
      const runs = createBacktestRunsRepository(db);
      await runs.saveRun({ name: 'Run', strategyId: 'sma', config: {}, report: {}, now: 1 });
      expect(await runs.listRuns()).toHaveLength(1);
    } finally {
      db.close();
    }
  });
});
