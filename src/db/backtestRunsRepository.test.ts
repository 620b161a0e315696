import { describe, expect, it } from 'vitest';
import { createBacktestRunsRepository } from './backtestRunsRepository';
import { createTestDb } from './testDb';

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
});
