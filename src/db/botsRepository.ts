/**
 * Bots and their configuration history. Every write commits the bot, its config version and
 * its event together in one transaction, so the timeline never disagrees with the bot. Configs
 * are stored through a ConfigCodec (clear before a vault exists, sealed after); the encryption
 * runs before each transaction, status changes never touch the stored config, and events name
 * no config detail (name, market, strategy) once configs are sealed.
 */
import type { Bot, BotConfig, BotStatus } from '../core/bot/types';
import type { TimestampMs } from '../core/time';
import {
  canChangeStatus,
  DELETABLE_STATUSES,
  statusEventMessage,
  statusEventType,
} from './botLifecycle';
import {
  botContext,
  CLEAR_CODEC,
  decodeBot,
  decodeBots,
  decodeVersion,
  encodeBot,
  encodeVersion,
  type ConfigCodec,
} from './configCodec';
import { removalTables, removeBotRows } from './botRemoval';
import { insertEvent } from './eventsRepository';
import { botRange } from './keyRanges';
import type { BotConfigRecord, BotState, FlotillaDb, StoredBot } from './schema';
import {
  changedConfigFields,
  requireInteger,
  requireNumber,
  requireShortId,
  requireString,
  validateBotConfig,
  ValidationError,
} from './validation';

export interface CreateBotInput {
  config: BotConfig;
  id: string;
  /** 6 chars of [a-z0-9], unique among bots: it attributes client order ids to the bot. */
  shortId: string;
  now: TimestampMs;
}

export interface ListBotsOptions {
  includeArchived?: boolean;
}

export interface BotsRepository {
  /** Creates a stopped bot with config version 1 and a "created" event. */
  createBot(input: CreateBotInput): Promise<Bot>;
  /**
   * Saves `config` as the next version and logs which fields changed. Saving an identical
   * config is a no-op that returns the bot unchanged.
   */
  updateBotConfig(id: string, config: BotConfig, now: TimestampMs): Promise<Bot>;
  /**
   * Moves the bot to `status` and logs the matching event ("started", "resumed", "paused",
   * "stopped", "error", "archived"). `reason` is required for "error". Setting the current
   * status again is a no-op; an illegal transition (e.g. running -> archived) throws.
   */
  setBotStatus(id: string, status: BotStatus, now: TimestampMs, reason?: string): Promise<BotState>;
  /**
   * Sets or clears (undefined) the note saying why a running or paused bot is not trading
   * right now; no event (the caller records one). Any status change clears it too.
   */
  setStatusNote(id: string, note: string | undefined): Promise<BotState>;
  /** The bot with its config; a sealed config while the vault is locked throws. */
  getBot(id: string): Promise<Bot | undefined>;
  /** Bots by creation time; archived ones only when asked. Sealed configs need the key. */
  listBots(options?: ListBotsOptions): Promise<Bot[]>;
  /** The bot's clear fields only (no config): readable while the vault is locked. */
  getBotState(id: string): Promise<BotState | undefined>;
  /** Every bot's clear fields by creation time, archived ones only when asked. */
  listBotStates(options?: ListBotsOptions): Promise<BotState[]>;
  /**
   * Removes a bot that is not running or paused, with its configs, orders, fills, ledger,
   * equity and runtime state. Its events stay, followed by a "deleted" event.
   */
  deleteBot(id: string, now?: TimestampMs): Promise<void>;
  getBotConfigVersion(botId: string, version: number): Promise<BotConfigRecord | undefined>;
  /** Every saved version of a bot's config, oldest first. */
  listBotConfigVersions(botId: string): Promise<BotConfigRecord[]>;
}

const stateOf = (row: StoredBot): BotState => {
  const { config: _config, sealedConfig: _sealed, ...state } = row;
  return state;
};

const byCreation = <T extends BotState>(a: T, b: T) =>
  a.createdAt - b.createdAt || a.id.localeCompare(b.id);

export function createBotsRepository(
  db: FlotillaDb,
  codec: ConfigCodec = CLEAR_CODEC,
): BotsRepository {
  const requireRow = async (id: string): Promise<StoredBot> => {
    const row = await db.bots.get(id);
    if (!row) throw new ValidationError('id', `does not name a bot ("${id}")`);
    return row;
  };
  const rows = async (options: ListBotsOptions = {}): Promise<StoredBot[]> =>
    (options.includeArchived
      ? await db.bots.toArray()
      : await db.bots.where('status').notEqual('archived').toArray()
    ).sort(byCreation);

  return {
    async createBot(input) {
      const id = requireString(input.id, 'id');
      const shortId = requireShortId(input.shortId, 'shortId');
      const now = requireNumber(input.now, 'now', { min: 0 });
      const config = validateBotConfig(input.config);
      const bot: Bot = {
        id,
        shortId,
        config,
        configVersion: 1,
        status: 'stopped',
        createdAt: now,
        updatedAt: now,
      };
      const storedBot = await encodeBot(codec, bot);
      const storedVersion = await encodeVersion(codec, {
        botId: id,
        version: 1,
        config,
        savedAt: now,
      });
      const sealed = storedBot.sealedConfig !== undefined;
      return db.transaction('rw', [db.bots, db.botConfigs, db.events], async () => {
        if (await db.bots.get(id)) throw new ValidationError('id', `is already used ("${id}")`);
        if ((await db.bots.where('shortId').equals(shortId).count()) > 0) {
          throw new ValidationError('shortId', `is already used ("${shortId}")`);
        }
        await db.bots.add(storedBot);
        await db.botConfigs.add(storedVersion);
        await insertEvent(db, {
          botId: id,
          time: now,
          type: 'created',
          ...(sealed
            ? { message: 'Created (configuration v1)', data: { configVersion: 1 } }
            : {
                message: `Created "${config.name}" (${config.symbol} ${config.timeframe}, ${config.strategyId})`,
                data: { configVersion: 1, mode: config.mode, accountId: config.accountId },
              }),
        });
        return bot;
      });
    },

    async updateBotConfig(id, input, now) {
      requireNumber(now, 'now', { min: 0 });
      const config = validateBotConfig(input);
      const bot = await decodeBot(codec, await requireRow(id));
      if (bot.status === 'archived') {
        throw new ValidationError('status', 'is archived: unarchive the bot to edit it');
      }
      const changedFields = changedConfigFields(bot.config, config);
      if (changedFields.length === 0) return bot;
      const version = bot.configVersion + 1;
      const stored = await codec.encode(config, botContext(id));
      const storedVersion = await encodeVersion(codec, {
        botId: id,
        version,
        config,
        savedAt: now,
      });
      return db.transaction('rw', [db.bots, db.botConfigs, db.events], async () => {
        const current = await requireRow(id);
        // Sealing ran outside the transaction: a change meanwhile must not be overwritten.
        if (current.configVersion !== bot.configVersion || current.status === 'archived') {
          throw new ValidationError('id', `changed meanwhile ("${id}"): try again`);
        }
        const state: BotState = { ...stateOf(current), configVersion: version, updatedAt: now };
        await db.botConfigs.add(storedVersion);
        await db.bots.put({ ...state, ...stored });
        await insertEvent(db, {
          botId: id,
          time: now,
          type: 'config_changed',
          message: `Configuration v${version}: ${changedFields.join(', ')} changed`,
          data: { configVersion: version, changedFields },
        });
        return { ...state, config };
      });
    },

    async setBotStatus(id, status, now, reason) {
      requireNumber(now, 'now', { min: 0 });
      if (status === 'error') requireString(reason, 'reason');
      return db.transaction('rw', [db.bots, db.events], async () => {
        const bot = await requireRow(id);
        const from = bot.status;
        if (from === status && (status !== 'error' || reason === bot.statusReason)) {
          return stateOf(bot);
        }
        if (!canChangeStatus(from, status)) {
          throw new ValidationError('status', `cannot change from ${from} to ${status}`);
        }
        const { statusReason: _previous, statusNote: _note, ...rest } = bot;
        const updated: StoredBot = { ...rest, status, updatedAt: now };
        if (status === 'error') updated.statusReason = reason;
        await db.bots.put(updated);
        const type = statusEventType(from, status);
        await insertEvent(db, {
          botId: id,
          time: now,
          type,
          message: statusEventMessage(type, from, reason),
          data: reason === undefined ? { from, to: status } : { from, to: status, reason },
        });
        return stateOf(updated);
      });
    },

    async setStatusNote(id, note) {
      if (note !== undefined) requireString(note, 'note');
      return db.transaction('rw', db.bots, async () => {
        const { statusNote: _previous, ...bot } = await requireRow(id);
        const updated: StoredBot = note === undefined ? bot : { ...bot, statusNote: note };
        await db.bots.put(updated);
        return stateOf(updated);
      });
    },

    async getBot(id) {
      const row = await db.bots.get(id);
      return row && decodeBot(codec, row);
    },

    listBots: async (options) => decodeBots(codec, await rows(options)),

    async getBotState(id) {
      const row = await db.bots.get(id);
      return row && stateOf(row);
    },

    listBotStates: async (options) => (await rows(options)).map(stateOf),

    async deleteBot(id, now = Date.now()) {
      requireNumber(now, 'now', { min: 0 });
      await db.transaction('rw', removalTables(db), async () => {
        const bot = await requireRow(id);
        if (!DELETABLE_STATUSES.includes(bot.status)) {
          throw new ValidationError('status', `is ${bot.status}: stop the bot before deleting it`);
        }
        await removeBotRows(db, bot, now);
      });
    },

    async getBotConfigVersion(botId, version) {
      requireInteger(version, 'version', 1);
      const row = await db.botConfigs.get([botId, version]);
      return row && decodeVersion(codec, row);
    },

    async listBotConfigVersions(botId) {
      const stored = await db.botConfigs
        .where('[botId+version]')
        .between(...botRange(botId))
        .toArray();
      return Promise.all(stored.map((row) => decodeVersion(codec, row)));
    },
  };
}
