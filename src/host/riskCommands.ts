/**
 * The host's account/portfolio risk commands: read and change the circuit-breaker settings
 * (validated as a whole, nothing saved on error), list and reset latched trips, and the action a
 * trip applies to its bots ("halt_entries": cancel their open strategy buys; "stop_bots": cancel
 * every open order and stop the bot, keeping its position).
 */
import type { Bot } from '../core/bot/types';
import type { BotRuntime } from '../core/engine/botRuntime';
import { RISK_TAG_PREFIX } from '../core/engine/riskWiring';
import type { Clock } from '../core/time';
import type { AccountsRepository, BotsRepository } from '../db';
import { FieldErrorsError } from './commandResult';
import type { StopOptions } from './engineApi';
import type { RiskMonitor } from './riskMonitor';
import { validateRiskSettings, type RiskSettings, type RiskTrip } from './riskSettings';

export interface RiskCommandsDeps {
  accounts: AccountsRepository;
  bots: BotsRepository;
  clock: Clock;
  monitor: () => RiskMonitor;
  runtimeOf: (botId: string) => BotRuntime | undefined;
  stopRuntime: (bot: Bot, options: StopOptions) => Promise<unknown>;
}

export function createRiskCommands(deps: RiskCommandsDeps) {
  /** Applies a trip's action to the bots it affected (run as a host command). */
  const act = async (trip: RiskTrip) => {
    for (const botId of trip.botIds) {
      const bot = await deps.bots.getBot(botId);
      if (!bot) continue;
      if (trip.action === 'stop_bots') {
        await deps.stopRuntime(bot, { cancelOrders: true, closePosition: false });
        if (bot.status !== 'stopped')
          await deps.bots.setBotStatus(botId, 'stopped', deps.clock.now());
        continue;
      }
      const runtime = deps.runtimeOf(botId);
      const entries = (runtime?.snapshot().openOrders ?? []).filter(
        (order) => order.side === 'buy' && !order.tag?.startsWith(RISK_TAG_PREFIX),
      );
      for (const order of entries) await runtime?.cancelOrder(order.clientOrderId);
    }
  };

  const update = async (raw: RiskSettings) => {
    const accountIds = (await deps.accounts.listAccounts()).map((account) => account.id);
    const checked = validateRiskSettings(raw, accountIds);
    if (!checked.ok) throw new FieldErrorsError(checked.errors);
    await deps.monitor().saveSettings(checked.value);
    return undefined;
  };

  return {
    act,
    update,
    get: async () => deps.monitor().settings(),
    list: async () => deps.monitor().trips(),
    reset: async (tripId: string) => {
      await deps.monitor().reset(tripId);
      return undefined;
    },
  };
}
