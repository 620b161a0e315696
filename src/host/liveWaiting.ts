/**
 * Bots and the vault. A live bot trades with API keys that only the unlocked vault can decrypt,
 * and once a vault exists every bot's configuration is sealed by it, so after a reload (a new
 * worker: no keys in memory) running or paused bots — and stopped ones still finishing open
 * orders — cannot resume while the vault is locked. (Before any vault is set up, simulated and
 * paper bots resume at once.) They keep
 * their status, say "Waiting for the vault to be unlocked" (a status note every tab sees), and
 * resume by themselves when the vault is unlocked. Locking the vault later does not stop live
 * bots that already trade: their exchange client keeps the keys in this worker's memory
 * (docs/vault.md, "Live bots and the lock").
 */
import type { Bot } from '../core/bot/types';
import type { RuntimeMode } from '../core/engine/botRuntime';
import type { BotStore } from '../core/engine/store';
import type { Clock } from '../core/time';
import type { BotState, BotsRepository } from '../db';
import type { Vault } from '../vault';
import type { StopOptions } from './engineApi';

export const WAITING_FOR_VAULT = 'Waiting for the vault to be unlocked';

export interface LiveWaitingDeps {
  vault: Vault;
  bots: BotsRepository;
  store: Pick<BotStore, 'appendEvent'>;
  clock: Clock;
  /** Loads the bot's runtime in `mode`; throws when it cannot. */
  resume: (bot: Bot, mode: RuntimeMode) => Promise<void>;
  hasOpenOrders: (botId: string) => Promise<boolean>;
  /** Puts the bot in error with `message`. */
  fail: (botId: string, message: string) => Promise<void>;
  /** Runs `job` as a host command (one at a time with the others). */
  runCommand: (job: () => Promise<void>) => Promise<void>;
  report: (message: string) => void;
}

export function createLiveWaiting(deps: LiveWaitingDeps) {
  const { vault, bots, clock } = deps;
  const waiting = new Set<string>();

  const resumeAll = async (): Promise<void> => {
    for (const botId of [...waiting]) {
      if (!vault.isUnlocked()) return;
      waiting.delete(botId);
      const bot = await bots.getBot(botId);
      if (!bot?.statusNote) continue;
      // Its status may have changed while it waited (paused, or stopped with orders left).
      const mode: RuntimeMode =
        bot.status === 'running' || bot.status === 'paused' ? bot.status : 'stopped';
      try {
        await deps.resume(bot, mode);
        await bots.setStatusNote(botId, undefined);
        await deps.store.appendEvent({
          botId,
          time: clock.now(),
          type: 'resumed_after_reload',
          message: `Resumed ${bot.status} after the vault was unlocked.`,
        });
      } catch (error) {
        await deps.fail(
          botId,
          `Could not resume: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  };

  vault.onChange((change) => {
    if (change.state !== 'unlocked' || waiting.size === 0) return;
    deps.runCommand(resumeAll).catch((error: unknown) => deps.report(String(error)));
  });

  /** Leaves the bot unloaded, saying it waits for the vault; it resumes on unlock. */
  const wait = async (bot: BotState, why: string): Promise<void> => {
    waiting.add(bot.id);
    await bots.setStatusNote(bot.id, WAITING_FOR_VAULT);
    await deps.store.appendEvent({
      botId: bot.id,
      time: clock.now(),
      type: 'resumed_after_reload',
      message: `Reopened ${bot.status}: ${WAITING_FOR_VAULT.toLowerCase()} (${why}).`,
    });
  };

  return {
    /** Resumes a bot after a reload, or leaves a live one waiting while the vault is locked. */
    async resumeAfterReload(bot: Bot, mode: RuntimeMode): Promise<void> {
      if (bot.config.mode === 'live' && !vault.isUnlocked()) {
        return wait(bot, "live bots need the account's API keys");
      }
      await deps.resume(bot, mode);
      if (mode === 'stopped') return;
      await deps.store.appendEvent({
        botId: bot.id,
        time: clock.now(),
        type: 'resumed_after_reload',
        message: `Resumed ${bot.status} after the app was reopened.`,
      });
    },

    /** Leaves a bot whose configuration is sealed waiting: the vault is locked. */
    waitForConfig: (bot: BotState): Promise<void> => wait(bot, 'its configuration is encrypted'),

    /** Refuses to start or resume a live bot while the vault is locked. */
    requireVaultFor(bot: Bot): void {
      if (bot.config.mode === 'live' && !vault.isUnlocked()) {
        throw new Error(
          `Unlock the vault to start ${bot.config.name}: live bots trade with the account's API keys, which are sealed in the vault.`,
        );
      }
    },

    /**
     * Stops a bot that waits for the vault: without its keys nothing can be canceled or sold,
     * so only a plain stop is possible; with open orders it keeps waiting to finish them.
     */
    async stopWaiting(bot: BotState, options: StopOptions): Promise<void> {
      if (options.cancelOrders || options.closePosition) {
        throw new Error(
          "Unlock the vault first: canceling this bot's orders or closing its position needs the vault unlocked.",
        );
      }
      if (bot.status !== 'stopped') await bots.setBotStatus(bot.id, 'stopped', clock.now());
      if (await deps.hasOpenOrders(bot.id)) await bots.setStatusNote(bot.id, WAITING_FOR_VAULT);
      else waiting.delete(bot.id);
    },

    isWaiting: (botId: string): boolean => waiting.has(botId),

    /** The bot was stopped, deleted or failed: it no longer waits. */
    forget(botId: string): void {
      waiting.delete(botId);
    },

    /** Resumes the waiting bots now (also done on every unlock). */
    resumeAll,
  };
}

export type LiveWaiting = ReturnType<typeof createLiveWaiting>;
