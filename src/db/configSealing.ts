/**
 * Moving every stored bot configuration (and form draft) between clear and sealed, all or
 * nothing: sealing
 * when a vault is set up (or first unlocked), opening back to clear when an unlocked vault is
 * erased, and — when a locked vault is erased, so nothing can be opened — deleting the bots
 * whose configs are sealed. The encryption runs first; one transaction then checks that no row
 * changed meanwhile and writes everything, so a failure leaves every row as it was.
 */
import type { TimestampMs } from '../core/time';
import { removalTables, removeBotRows } from './botRemoval';
import { botContext, versionContext, type ConfigCodec, type StoredConfig } from './configCodec';
import { draftContext, isSealedDraft } from './draftSealing';
import { redactConfigEvents } from './eventRedaction';
import type { DraftRow, FlotillaDb, StoredBot, StoredBotConfig } from './schema';

/** The writes prepared by the functions below; run inside a transaction on `tables(db)`. */
export interface ConfigRewrite {
  /** How many bot rows and history rows it changes (or bots it deletes). */
  count: number;
  apply(): Promise<void>;
}

/** Every table a rewrite may write, for the caller's transaction. */
export const rewriteTables = (db: FlotillaDb) => [...removalTables(db), db.drafts];

const storedOf = (row: StoredBot | StoredBotConfig): StoredConfig =>
  row.sealedConfig === undefined
    ? { config: row.config as NonNullable<typeof row.config> }
    : { sealedConfig: row.sealedConfig };

const sameStored = (a: StoredBot | StoredBotConfig, b: StoredBot | StoredBotConfig) =>
  JSON.stringify(storedOf(a)) === JSON.stringify(storedOf(b));

/** Recodes every row whose config is (or is not) sealed with `transform`. */
async function prepare(
  db: FlotillaDb,
  pick: (row: StoredBot | StoredBotConfig) => boolean,
  transform: (stored: StoredConfig, context: string) => Promise<StoredConfig>,
  redact: boolean,
  recodeDraft: (row: DraftRow) => Promise<DraftRow | undefined>,
): Promise<ConfigRewrite> {
  const bots = (await db.bots.toArray()).filter(pick);
  const versions = (await db.botConfigs.toArray()).filter(pick);
  const drafts: [DraftRow, DraftRow][] = [];
  for (const row of await db.drafts.toArray()) {
    const recoded = await recodeDraft(row);
    if (recoded) drafts.push([row, recoded]);
  }
  const newBots: StoredBot[] = [];
  for (const row of bots) {
    const { config: _c, sealedConfig: _s, ...rest } = row;
    newBots.push({ ...rest, ...(await transform(storedOf(row), botContext(row.id))) });
  }
  const newVersions: StoredBotConfig[] = [];
  for (const row of versions) {
    const { config: _c, sealedConfig: _s, ...rest } = row;
    const context = versionContext(row.botId, row.version);
    newVersions.push({ ...rest, ...(await transform(storedOf(row), context)) });
  }
  return {
    count: bots.length + versions.length + drafts.length,
    async apply() {
      for (const [index, row] of bots.entries()) {
        const current = await db.bots.get(row.id);
        if (!current || current.configVersion !== row.configVersion || !sameStored(current, row))
          throw new Error(`Bot "${row.id}" changed meanwhile: its configuration was not recoded.`);
        const { config: _c, sealedConfig: _s, ...state } = current;
        const { config, sealedConfig } = newBots[index] as StoredBot;
        await db.bots.put({ ...state, ...(sealedConfig ? { sealedConfig } : { config }) });
      }
      for (const [index, row] of versions.entries()) {
        const current = await db.botConfigs.get([row.botId, row.version]);
        if (!current || !sameStored(current, row))
          throw new Error(`Version ${row.version} of bot "${row.botId}" changed meanwhile.`);
        await db.botConfigs.put(newVersions[index] as StoredBotConfig);
      }
      for (const [row, recoded] of drafts) {
        const current = await db.drafts.get(row.id);
        if (!current || current.updatedAt !== row.updatedAt)
          throw new Error(`Draft "${row.id}" changed meanwhile: it was not recoded.`);
        await db.drafts.put(recoded);
      }
      if (redact) await redactConfigEvents(db);
    },
  };
}

/**
 * Seals every clear config with `codec` (which must seal: a vault exists and is unlocked) and
 * redacts events naming config details. Resolves to the number of rows sealed.
 */
export async function sealAllConfigs(db: FlotillaDb, codec: ConfigCodec): Promise<number> {
  const rewrite = await prepare(
    db,
    (row) => row.sealedConfig === undefined,
    async (stored, context) => {
      const sealed = await codec.encode(
        stored.config as NonNullable<typeof stored.config>,
        context,
      );
      if (sealed.sealedConfig === undefined)
        throw new Error('No vault key to seal configurations.');
      return sealed;
    },
    true,
    async (row) => {
      if (isSealedDraft(row.value)) return undefined;
      const sealedDraft = await codec.sealValue(row.value, draftContext(row.id));
      if (!sealedDraft) throw new Error('No vault key to seal drafts.');
      return { ...row, value: { sealedDraft } };
    },
  );
  await db.transaction('rw', rewriteTables(db), () => rewrite.apply());
  return rewrite.count;
}

/** Prepares opening every sealed config back to clear (an unlocked vault being erased). */
export function prepareOpenAll(db: FlotillaDb, codec: ConfigCodec): Promise<ConfigRewrite> {
  return prepare(
    db,
    (row) => row.sealedConfig !== undefined,
    async (stored, context) => ({ config: await codec.decode(stored, context) }),
    false,
    async (row) =>
      isSealedDraft(row.value)
        ? { ...row, value: await codec.openValue(row.value.sealedDraft, draftContext(row.id)) }
        : undefined,
  );
}

/**
 * Prepares deleting every bot whose config is sealed, with its data (a locked vault being
 * erased: nothing can open them any more), and the sealed drafts. Each bot gets a "deleted"
 * event saying why.
 */
export async function prepareDropSealed(db: FlotillaDb, now: TimestampMs): Promise<ConfigRewrite> {
  const isSealed = (row: StoredBot | StoredBotConfig) => row.sealedConfig !== undefined;
  return {
    count: (await db.bots.toArray()).filter(isSealed).length,
    // Read again inside the transaction: no encryption is needed, so nothing can slip between.
    async apply() {
      for (const bot of (await db.bots.toArray()).filter(isSealed)) {
        await removeBotRows(db, bot, now, 'its configuration was sealed by an erased vault');
      }
      for (const row of (await db.botConfigs.toArray()).filter(isSealed)) {
        await db.botConfigs.delete([row.botId, row.version]);
      }
      for (const row of await db.drafts.toArray()) {
        if (isSealedDraft(row.value)) await db.drafts.delete(row.id);
      }
    },
  };
}
