/**
 * A bot's report (the same RunReport as a backtest's) from everything it recorded in
 * IndexedDB: all its equity points and fills and its orders' tags (for exit reasons). Read
 * once when the report opens; the equity curve is never cut, so the metrics use every point.
 */
import { Dexie } from 'dexie';
import { buildRunReport, type RunReport } from '../../backtest/runReport';
import type { Bot } from '../../core/bot/types';
import type { FlotillaDb } from '../../db';

export async function loadBotReport(
  db: FlotillaDb,
  botId: string,
): Promise<{ bot: Bot; report: RunReport } | undefined> {
  return db.transaction('r', [db.bots, db.equity, db.fills, db.orders], async () => {
    const bot = await db.bots.get(botId);
    if (!bot) return undefined;
    const range: [[string, unknown], [string, unknown]] = [
      [botId, Dexie.minKey],
      [botId, Dexie.maxKey],
    ];
    const [equity, fills, orders] = await Promise.all([
      db.equity.where('[botId+time]').between(range[0], range[1]).toArray(),
      db.fills.where('[botId+time]').between(range[0], range[1]).toArray(),
      db.orders.where('botId').equals(botId).toArray(),
    ]);
    const report = buildRunReport({
      title: `${bot.config.name} · ${bot.config.symbol} ${bot.config.timeframe}`,
      symbol: bot.config.symbol,
      timeframe: bot.config.timeframe,
      equity,
      fills,
      orders,
      hasConfigVersions: true,
    });
    return { bot, report };
  });
}
