/**
 * Live bots and the vault. A live bot trades with API keys that only the unlocked vault can
 * decrypt, so after a reload (a new worker: no keys in memory) running or paused live bots — and
 * stopped ones still finishing open orders — cannot resume while the vault is locked. They keep
 * their status, say "Waiting for the vault to be unlocked" (a status note every tab sees), and
 * resume by themselves when the vault is unlocked. Locking the vault later does not stop live
 * bots that already trade: their exchange client keeps the keys in this worker's memory
 * (docs/vault.md, "Live bots and the lock").
 */
import type { Bot } from '../core/bot/types';
import type { RuntimeMode } from '../core/engine/botRuntime';
import type { BotStore } from '../core/engine/store';
import type { Clock } from '../core/time';
import type { BotsRepository } from '../db';
import type { Vault } from '../vault';

export const WAITING_FOR_VAULT = 'Waiting for the vault to be unlocked';

export interface LiveWaitingDeps {
  vault: Vault;
  bots: BotsRepository;
  store: Pick<BotStore, 'appendEvent'>;
  clock: Clock;
  /** Loads the bot's runtime in `mode`; throws when it cannot. */
  resume: (bot: Bot, mode: RuntimeMode) => Promise<void>;
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

  return {
    /** Whether `bot` must wait instead of loading now: a live bot while the vault is locked. */
    mustWait: (bot: Bot): boolean => bot.config.mode === 'live' && !vault.isUnlocked(),

    /** Leaves the bot unloaded, saying it waits for the vault; it resumes on unlock. */
    async wait(bot: Bot): Promise<void> {
      waiting.add(bot.id);
      await bots.setStatusNote(bot.id, WAITING_FOR_VAULT);
      await deps.store.appendEvent({
        botId: bot.id,
        time: clock.now(),
        type: 'resumed_after_reload',
        message: `Reopened ${bot.status}: ${WAITING_FOR_VAULT.toLowerCase()} (live bots need the account's API keys).`,
      });
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
