/**
 * The kill switch: one command that stops every active bot (running, paused or in error, or
 * with orders still open), cancels all their open orders and optionally closes each position at
 * market. One bot's failure does not stop the others; every bot gets a 'kill_switch' event.
 */
import type { Bot } from '../core/bot/types';
import type { BotStore } from '../core/engine/store';
import type { OrderRecord } from '../core/orders/journal';
import type { Clock } from '../core/time';
import type { BotsRepository } from '../db';
import type { KillSwitchOptions, KillSwitchReport, StopOptions } from './engineApi';

export interface KillSwitchDeps {
  bots: BotsRepository;
  store: BotStore;
  clock: Clock;
  /** Stops the bot's runtime; returns its open orders before and after. */
  stopRuntime: (
    bot: Bot,
    options: StopOptions,
  ) => Promise<{ before: OrderRecord[]; after: OrderRecord[] }>;
  hasOpenOrders: (botId: string) => Promise<boolean>;
}

export function createKillSwitch(
  deps: KillSwitchDeps,
): (options: KillSwitchOptions) => Promise<KillSwitchReport> {
  /**
   * Cancels every open order of one bot (optionally closing its position) and stops it.
   * Returns what was done; throws when the bot could not be handled.
   */
  const killBot = async (bot: Bot, closePositions: boolean) => {
    const stoppedRuntime = await deps.stopRuntime(bot, {
      cancelOrders: true,
      closePosition: closePositions,
    });
    const before = stoppedRuntime.before.map((order) => order.clientOrderId);
    const after = stoppedRuntime.after;
    const stillOpen = new Set(after.map((order) => order.clientOrderId));
    const canceledOrders = before.filter((id) => !stillOpen.has(id)).length;
    const closeOrder = after.find(
      (order) => order.tag === 'close-on-stop' && !before.includes(order.clientOrderId),
    );
    const from = (await deps.bots.getBot(bot.id))?.status ?? bot.status;
    const stopped = from !== 'stopped';
    if (stopped) await deps.bots.setBotStatus(bot.id, 'stopped', deps.clock.now());
    const parts = [
      stopped ? `stopped the bot (was ${from})` : 'the bot was already stopped',
      `canceled ${canceledOrders} open order${canceledOrders === 1 ? '' : 's'}`,
    ];
    if (closeOrder)
      parts.push(`placed a market sell of ${closeOrder.amount} to close the position`);
    else if (closePositions) parts.push('no position to close');
    if (stillOpen.size > (closeOrder ? 1 : 0)) parts.push(`${stillOpen.size} order(s) still open`);
    await deps.store.appendEvent({
      botId: bot.id,
      time: deps.clock.now(),
      type: 'kill_switch',
      message: `Kill switch: ${parts.join(', ')}.`,
      data: {
        previousStatus: from,
        closePositions,
        canceledOrders,
        ...(closeOrder ? { closeOrderId: closeOrder.clientOrderId } : {}),
      },
    });
    return { stopped, canceledOrders, closedPosition: closeOrder !== undefined };
  };

  const killSwitch = async ({ closePositions }: KillSwitchOptions): Promise<KillSwitchReport> => {
    const report: KillSwitchReport = {
      stopped: 0,
      canceledOrders: 0,
      closedPositions: 0,
      failures: [],
    };
    for (const bot of await deps.bots.listBots()) {
      try {
        const isActive =
          bot.status === 'running' || bot.status === 'paused' || bot.status === 'error';
        if (!isActive && !(await deps.hasOpenOrders(bot.id))) continue;
        const done = await killBot(bot, closePositions);
        if (done.stopped) report.stopped += 1;
        report.canceledOrders += done.canceledOrders;
        if (done.closedPosition) report.closedPositions += 1;
      } catch (error) {
        report.failures.push({
          botId: bot.id,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    return report;
  };

  return killSwitch;
}
