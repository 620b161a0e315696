/**
 * Host commands that copy and shelve bots: duplicate (a stopped copy with the same config,
 * refused when its allocation would over-allocate the account), archive (only a stopped bot
 * with no open orders; it then leaves the list and frees its allocation) and unarchive (back
 * to stopped, refused when its allocation no longer fits). Each throws with a reason naming
 * the bot; the host turns that into a CommandResult.
 */
import type { Bot, BotConfig, BotMode } from '../core/bot/types';
import type { BotsRepository } from '../db';

/** Longest bot name checkBotConfig accepts. */
const MAX_NAME_LENGTH = 60;
const COPY_SUFFIX = ' (copy)';

export interface BotCopiesDeps {
  bots: BotsRepository;
  now: () => number;
  requireBot(id: string): Promise<Bot>;
  /** Validates `config` (allocation included) and creates it as a stopped bot. */
  createStopped(config: BotConfig): Promise<{ id: string }>;
  /** Open orders the bot still has (loaded runtime or journal). */
  openOrderCount(botId: string): Promise<number>;
  /** Quote currency not yet allocated on an account's venue of `mode`, excluding `exceptBotId`. */
  unallocated(
    accountId: string,
    quote: string,
    exceptBotId?: string,
    mode?: BotMode,
  ): Promise<number>;
}

/** "<name> (copy)", shortening the name so the result stays within the name limit. */
export function copyName(name: string): string {
  const base = name
    .trim()
    .slice(0, MAX_NAME_LENGTH - COPY_SUFFIX.length)
    .trimEnd();
  return `${base}${COPY_SUFFIX}`;
}

const quoteOf = (symbol: string): string => symbol.split('/')[1] ?? '';

export function createBotCopies(deps: BotCopiesDeps) {
  return {
    async duplicate(id: string): Promise<{ id: string }> {
      const bot = await deps.requireBot(id);
      return deps.createStopped({ ...bot.config, name: copyName(bot.config.name) });
    },

    async archive(id: string): Promise<undefined> {
      const bot = await deps.requireBot(id);
      const name = bot.config.name;
      if (bot.status === 'archived') throw new Error(`${name} is already archived.`);
      if (bot.status !== 'stopped' && bot.status !== 'draft') {
        throw new Error(`${name} is ${bot.status}: stop it before archiving it.`);
      }
      const open = await deps.openOrderCount(id);
      if (open > 0) {
        throw new Error(
          `${name} has ${open} open order${open === 1 ? '' : 's'}: cancel ${open === 1 ? 'it' : 'them'} before archiving.`,
        );
      }
      await deps.bots.setBotStatus(id, 'archived', deps.now());
      return undefined;
    },

    async unarchive(id: string): Promise<undefined> {
      const bot = await deps.requireBot(id);
      const { name, accountId, symbol, allocation, mode } = bot.config;
      if (bot.status !== 'archived') throw new Error(`${name} is not archived.`);
      const quote = quoteOf(symbol);
      const free = await deps.unallocated(accountId, quote, id, mode);
      if (allocation > free + 1e-9) {
        throw new Error(
          `Insufficient allocation: ${name} needs ${allocation} ${quote}, only ${Math.max(0, free).toFixed(2)} ${quote} is not allocated to other bots.`,
        );
      }
      await deps.bots.setBotStatus(id, 'stopped', deps.now());
      return undefined;
    },
  };
}
