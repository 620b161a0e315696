/**
 * The schema history of FlotillaDb, oldest first. Never edit a released entry: add a new
 * version with only the tables it changes (Dexie inherits the rest, `null` drops a table) and,
 * when existing rows need new fields, an `upgrade` that fills them in. Upgrades run inside
 * Dexie's versionchange transaction, so they may only await Dexie operations.
 */
import type { Dexie, Transaction } from 'dexie';

export interface Migration {
  version: number;
  description: string;
  /** Dexie store specs: primary key first, then indexes; `&` unique, `++` auto-increment. */
  stores: Record<string, string | null>;
  upgrade?: (transaction: Transaction) => Promise<void>;
}

/** v2: fills carry the config version of the order that produced them. */
async function backfillFillConfigVersions(transaction: Transaction): Promise<void> {
  const versionByOrder = new Map<string, number>();
  await transaction
    .table<{ clientOrderId: string; configVersion?: number }, string>('orders')
    .each((order) => {
      if (typeof order.configVersion === 'number') {
        versionByOrder.set(order.clientOrderId, order.configVersion);
      }
    });
  await transaction
    .table<{ clientOrderId: string; configVersion?: number }>('fills')
    .toCollection()
    .modify((fill) => {
      if (fill.configVersion !== undefined) return;
      const version = versionByOrder.get(fill.clientOrderId);
      if (version !== undefined) fill.configVersion = version;
    });
}

/** v7: accounts are a tagged union; every account before it was a simulated one. */
async function tagSimulatedAccounts(transaction: Transaction): Promise<void> {
  await transaction
    .table<{ kind?: string }>('accounts')
    .toCollection()
    .modify((account) => {
      account.kind ??= 'simulated';
    });
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'Base schema: bots, config history, order journal, fills, ledgers, events.',
    stores: {
      bots: 'id, status, updatedAt',
      botConfigs: '[botId+version]',
      orders: 'clientOrderId, botId, [botId+state], accountId, updatedAt',
      fills: '[accountId+tradeId], botId, clientOrderId',
      ledgers: 'botId',
      equity: '[botId+time]',
      events: '++seq, botId, [botId+seq], type, time',
      runtime: 'botId',
      settings: 'key',
      accounts: 'id',
      simState: 'accountId',
    },
  },
  {
    version: 2,
    description: 'Fills by bot and time, fill config versions, bots by short id, form drafts.',
    stores: {
      bots: 'id, status, updatedAt, shortId',
      fills: '[accountId+tradeId], botId, clientOrderId, [botId+time]',
      drafts: 'id',
    },
    upgrade: backfillFillConfigVersions,
  },
  {
    version: 3,
    description: 'Named parameter presets per template; custom strategy modules.',
    stores: {
      presets: 'id, strategyId, &[strategyId+name]',
      customStrategies: 'id, addedAt',
    },
  },
  {
    version: 4,
    description: 'Candle store: imported datasets and their candles in columnar chunks.',
    stores: {
      candleDatasets: 'id, importedAt',
      candleChunks: '[datasetId+index]',
    },
  },
  {
    version: 5,
    description: 'Saved backtest runs (configuration and report), newest kept.',
    stores: { backtestRuns: 'id, savedAt, strategyId' },
  },
  {
    version: 6,
    description: 'The encrypted vault: its header and throttle records, and sealed secrets.',
    stores: {
      vault: 'key',
      vaultSecrets: 'id, kind',
    },
  },
  {
    version: 7,
    description: 'Exchange accounts beside simulated ones (accounts by kind); paper trading state.',
    stores: {
      accounts: 'id, kind',
      paperState: 'accountId',
    },
    upgrade: tagSimulatedAccounts,
  },
];

/** The version a database opened with the current code ends up at. */
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

/**
 * Declares `migrations` on `db` (before it opens). Tests pass a prefix of MIGRATIONS to build
 * a database as an older release would have.
 */
export function declareMigrations(db: Dexie, migrations: readonly Migration[]): void {
  let previous = 0;
  for (const migration of migrations) {
    if (!Number.isInteger(migration.version) || migration.version <= previous) {
      throw new Error(`migrations: version ${migration.version} must be an integer > ${previous}`);
    }
    previous = migration.version;
    const version = db.version(migration.version).stores(migration.stores);
    if (migration.upgrade) version.upgrade(migration.upgrade);
  }
}
