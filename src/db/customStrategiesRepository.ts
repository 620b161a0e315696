/**
 * Installed custom strategy modules (table `customStrategies`). A module is checked in a
 * worker before it gets here (src/host/custom); this only stores it. Adding refuses an id that
 * is already installed; removing refuses while a bot that is not archived uses the strategy
 * (configs opened with the ConfigCodec; the transaction checks no bot changed meanwhile). Rows are never edited: delete and add again.
 */
import type { TimestampMs } from '../core/time';
import { CLEAR_CODEC, decodeBots, type ConfigCodec } from './configCodec';
import type { CustomStrategyRow, FlotillaDb } from './schema';
import { isPlainObject, requireNumber, requireString, ValidationError } from './validation';

/** Longest module source accepted (characters): a strategy is one small file. */
export const MAX_CUSTOM_SOURCE_LENGTH = 200_000;

export interface CustomStrategiesRepository {
  /** Saves a checked module; throws (saving nothing) when its id is already installed. */
  addCustomStrategy(row: CustomStrategyRow): Promise<CustomStrategyRow>;
  getCustomStrategy(id: string): Promise<CustomStrategyRow | undefined>;
  /** Every installed custom strategy, oldest first. */
  listCustomStrategies(): Promise<CustomStrategyRow[]>;
  /** Removes it; throws, naming the bots, while a bot that is not archived uses it. */
  deleteCustomStrategy(id: string): Promise<void>;
}

function requireRow(row: CustomStrategyRow): CustomStrategyRow {
  const id = requireString(row.id, 'id');
  if (!id.startsWith('custom-')) throw new ValidationError('id', 'must start with "custom-"');
  const source = requireString(row.source, 'source');
  if (source.length > MAX_CUSTOM_SOURCE_LENGTH) {
    throw new ValidationError('source', `must be at most ${MAX_CUSTOM_SOURCE_LENGTH} characters`);
  }
  if (!isPlainObject(row.params)) throw new ValidationError('params', 'must be an object');
  return {
    id,
    name: requireString(row.name, 'name'),
    description: typeof row.description === 'string' ? row.description : '',
    category: row.category,
    timeframe: row.timeframe,
    params: row.params,
    source,
    addedAt: requireNumber(row.addedAt, 'addedAt', { min: 0 }) as TimestampMs,
  };
}

export function createCustomStrategiesRepository(
  db: FlotillaDb,
  codec: ConfigCodec = CLEAR_CODEC,
): CustomStrategiesRepository {
  return {
    async addCustomStrategy(input) {
      const row = requireRow(input);
      await db.transaction('rw', db.customStrategies, async () => {
        const existing = await db.customStrategies.get(row.id);
        if (existing) {
          throw new Error(
            `A custom strategy with the id "${row.id}" is already installed ("${existing.name}"). Change the id in the module, or delete the installed one first.`,
          );
        }
        await db.customStrategies.add(row);
      });
      return row;
    },

    getCustomStrategy: (id) => db.customStrategies.get(id),

    listCustomStrategies: () => db.customStrategies.orderBy('addedAt').toArray(),

    async deleteCustomStrategy(id) {
      const row = await db.customStrategies.get(id);
      if (!row) return;
      // Configs may be sealed: they are opened before the transaction, which then checks that
      // no bot was created or edited meanwhile.
      const rows = await db.bots.where('status').notEqual('archived').toArray();
      const users = (await decodeBots(codec, rows)).filter((bot) => bot.config.strategyId === id);
      if (users.length > 0) {
        const names = users.map((bot) => `"${bot.config.name}"`).join(', ');
        const subject = users.length === 1 ? 'the bot' : `${users.length} bots:`;
        throw new Error(
          `"${row.name}" cannot be deleted: it is used by ${subject} ${names}. Delete ${users.length === 1 ? 'that bot' : 'those bots'} first.`,
        );
      }
      const versions = (list: typeof rows) =>
        list
          .map((bot) => `${bot.id}:${bot.configVersion}`)
          .sort()
          .join('|');
      await db.transaction('rw', db.customStrategies, db.bots, async () => {
        const now = await db.bots.where('status').notEqual('archived').toArray();
        if (versions(now) !== versions(rows)) {
          throw new Error('The bots changed meanwhile: try deleting the strategy again.');
        }
        await db.customStrategies.delete(id);
      });
    },
  };
}
