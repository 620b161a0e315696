/**
 * Bots and their configuration history. Every write commits the bot, its config version and
 * its event together in one transaction, so the timeline never disagrees with the bot.
 */
import type { Bot, BotConfig, BotStatus } from '../core/bot/types';
import type { TimestampMs } from '../core/time';
import {
  canChangeStatus,
  DELETABLE_STATUSES,
  statusEventMessage,
  statusEventType,
} from './botLifecycle';
import { insertEvent } from './eventsRepository';
import { botRange } from './keyRanges';
import type { BotConfigRecord, FlotillaDb } from './schema';
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
  setBotStatus(id: string, status: BotStatus, now: TimestampMs, reason?: string): Promise<Bot>;
  /**
   * Sets or clears (undefined) the note saying why a running or paused bot is not trading
   * right now; no event (the caller records one). Any status change clears it too.
   */
  setStatusNote(id: string, note: string | undefined): Promise<Bot>;
  getBot(id: string): Promise<Bot | undefined>;
  /** Bots by creation time; archived ones only when asked. */
  listBots(options?: ListBotsOptions): Promise<Bot[]>;
  /**
   * Removes a bot that is not running or paused, with its configs, orders, fills, ledger,
   * equity and runtime state. Its events stay, followed by a "deleted" event.
   */
  deleteBot(id: string, now?: TimestampMs): Promise<void>;
  getBotConfigVersion(botId: string, version: number): Promise<BotConfigRecord | undefined>;
  /** Every saved version of a bot's config, oldest first. */
  listBotConfigVersions(botId: string): Promise<BotConfigRecord[]>;
}

export function createBotsRepository(db: FlotillaDb): BotsRepository {
  const requireBot = async (id: string): Promise<Bot> => {
    const bot = await db.bots.get(id);
    if (!bot) throw new ValidationError('id', `does not name a bot ("${id}")`);
    return bot;
  };

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
      return db.transaction('rw', [db.bots, db.botConfigs, db.events], async () => {
        if (await db.bots.get(id)) throw new ValidationError('id', `is already used ("${id}")`);
        if ((await db.bots.where('shortId').equals(shortId).count()) > 0) {
          throw new ValidationError('shortId', `is already used ("${shortId}")`);
        }
        await db.bots.add(bot);
        await db.botConfigs.add({ botId: id, version: 1, config, savedAt: now });
        await insertEvent(db, {
          botId: id,
          time: now,
          type: 'created',
          message: `Created "${config.name}" (${config.symbol} ${config.timeframe}, ${config.strategyId})`,
          data: { configVersion: 1, mode: config.mode, accountId: config.accountId },
        });
        return bot;
      });
    },

    async updateBotConfig(id, input, now) {
      requireNumber(now, 'now', { min: 0 });
      const config = validateBotConfig(input);
      return db.transaction('rw', [db.bots, db.botConfigs, db.events], async () => {
        const bot = await requireBot(id);
        if (bot.status === 'archived') {
          throw new ValidationError('status', 'is archived: unarchive the bot to edit it');
        }
        const changedFields = changedConfigFields(bot.config, config);
        if (changedFields.length === 0) return bot;
        const version = bot.configVersion + 1;
        const updated: Bot = { ...bot, config, configVersion: version, updatedAt: now };
        await db.botConfigs.add({ botId: id, version, config, savedAt: now });
        await db.bots.put(updated);
        await insertEvent(db, {
          botId: id,
          time: now,
          type: 'config_changed',
          message: `Configuration v${version}: ${changedFields.join(', ')} changed`,
          data: { configVersion: version, changedFields },
        });
        return updated;
      });
    },

    async setBotStatus(id, status, now, reason) {
      requireNumber(now, 'now', { min: 0 });
      if (status === 'error') requireString(reason, 'reason');
      return db.transaction('rw', [db.bots, db.events], async () => {
        const bot = await requireBot(id);
        const from = bot.status;
        if (from === status && (status !== 'error' || reason === bot.statusReason)) return bot;
        if (!canChangeStatus(from, status)) {
          throw new ValidationError('status', `cannot change from ${from} to ${status}`);
        }
        const { statusReason: _previous, statusNote: _note, ...rest } = bot;
        const updated: Bot = { ...rest, status, updatedAt: now };
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
        return updated;
      });
    },

    async setStatusNote(id, note) {
      if (note !== undefined) requireString(note, 'note');
      return db.transaction('rw', db.bots, async () => {
        const { statusNote: _previous, ...bot } = await requireBot(id);
        const updated: Bot = note === undefined ? bot : { ...bot, statusNote: note };
        await db.bots.put(updated);
        return updated;
      });
    },

    getBot: (id) => db.bots.get(id),

    async listBots(options = {}) {
      const bots = options.includeArchived
        ? await db.bots.toArray()
        : await db.bots.where('status').notEqual('archived').toArray();
      return bots.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
    },

    async deleteBot(id, now = Date.now()) {
      requireNumber(now, 'now', { min: 0 });
      const tables = [db.bots, db.botConfigs, db.orders, db.fills, db.ledgers, db.equity];
      await db.transaction('rw', [...tables, db.runtime, db.events], async () => {
        const bot = await requireBot(id);
        if (!DELETABLE_STATUSES.includes(bot.status)) {
          throw new ValidationError('status', `is ${bot.status}: stop the bot before deleting it`);
        }
        const removed = {
          configs: await db.botConfigs
            .where('[botId+version]')
            .between(...botRange(id))
            .delete(),
          orders: await db.orders.where('botId').equals(id).delete(),
          fills: await db.fills.where('botId').equals(id).delete(),
          equity: await db.equity
            .where('[botId+time]')
            .between(...botRange(id))
            .delete(),
        };
        await db.ledgers.delete(id);
        await db.runtime.delete(id);
        await db.bots.delete(id);
        await insertEvent(db, {
          botId: id,
          time: now,
          type: 'deleted',
          message: `Deleted "${bot.config.name}"`,
          data: { name: bot.config.name, shortId: bot.shortId, removed },
        });
      });
    },

    async getBotConfigVersion(botId, version) {
      requireInteger(version, 'version', 1);
      return db.botConfigs.get([botId, version]);
    },

    listBotConfigVersions: (botId) =>
      db.botConfigs
        .where('[botId+version]')
        .between(...botRange(botId))
        .toArray(),
  };
}
