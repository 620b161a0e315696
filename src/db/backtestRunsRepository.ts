/**
 * Saved backtest runs (Dexie v5 table `backtestRuns`): a run's configuration and its report,
 * newest first, keeping only the last MAX_SAVED_RUNS. Saving writes the run and prunes the
 * oldest in one transaction, so a failed save leaves nothing behind. The db layer depends on
 * core only, so the config and report shapes are the caller's type parameters (src/backtest).
 */
import type { FlotillaDb, SavedBacktestRun } from './schema';
import { isPlainObject, requireNumber, requireString, ValidationError } from './validation';

/** Older runs than the last 20 are dropped: enough to compare, small enough to list at once. */
export const MAX_SAVED_RUNS = 20;

export interface SaveRunInput<Config, Report> {
  name: string;
  strategyId: string;
  config: Config;
  report: Report;
  now: number;
}

export interface BacktestRunsRepository<Config, Report> {
  saveRun(input: SaveRunInput<Config, Report>): Promise<SavedBacktestRun<Config, Report>>;
  /** Newest first. */
  listRuns(): Promise<SavedBacktestRun<Config, Report>[]>;
  getRun(id: string): Promise<SavedBacktestRun<Config, Report> | undefined>;
  deleteRun(id: string): Promise<void>;
}

export function createBacktestRunsRepository<Config, Report>(
  db: FlotillaDb,
  newId: () => string = () => crypto.randomUUID(),
  keep = MAX_SAVED_RUNS,
): BacktestRunsRepository<Config, Report> {
  const table = db.backtestRuns;
  // The table holds exactly what saveRun wrote with these type parameters.
  const typed = (row: SavedBacktestRun) => row as SavedBacktestRun<Config, Report>;
  const listRuns = async () => (await table.orderBy('savedAt').reverse().toArray()).map(typed);
  return {
    async saveRun(input) {
      const name = requireString(input.name, 'name').trim();
      if (name === '') throw new ValidationError('name', 'a saved run needs a name');
      const row: SavedBacktestRun<Config, Report> = {
        id: newId(),
        name,
        strategyId: requireString(input.strategyId, 'strategyId'),
        savedAt: requireNumber(input.now, 'now', { min: 0 }),
        config: input.config,
        report: input.report,
      };
      if (!isPlainObject(row.config)) throw new ValidationError('config', 'must be an object');
      if (!isPlainObject(row.report)) throw new ValidationError('report', 'must be an object');
      await db.transaction('rw', table, async () => {
        await table.put(row);
        const ids = await table.orderBy('savedAt').reverse().primaryKeys();
        await table.bulkDelete(ids.slice(keep));
      });
      return row;
    },
    listRuns,
    async getRun(id) {
      const row = await table.get(id);
      return row && typed(row);
    },
    async deleteRun(id) {
      await table.delete(id);
    },
  };
}
