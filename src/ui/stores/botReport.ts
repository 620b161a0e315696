/**
 * A bot's report (the same RunReport as a backtest's) from everything it recorded in
 * IndexedDB: all its equity points and fills and its orders' tags (for exit reasons). Read
 * once when the report opens; the equity curve is never cut, so the metrics use every point.
 */
import { Dexie } from 'dexie';
import { buildRunReport, type RunReport } from '../../backtest/runReport';
import { equitySeriesOf } from '../../core/bot/equitySeries';
import type { Bot } from '../../core/bot/types';
import { decodeBot, type ConfigCodec, type FlotillaDb } from '../../db';

export async function loadBotReport(
  db: FlotillaDb,
  botId: string,
  codec: ConfigCodec,
): Promise<{ bot: Bot; report: RunReport } | undefined> {
  const read = await db.transaction('r', [db.bots, db.equity, db.fills, db.orders], async () => {
    const row = await db.bots.get(botId);
    if (!row) return undefined;
    const range: [[string, unknown], [string, unknown]] = [
      [botId, Dexie.minKey],
      [botId, Dexie.maxKey],
    ];
    const [equity, fills, orders] = await Promise.all([
      db.equity.where('[botId+time]').between(range[0], range[1]).toArray(),
      db.fills.where('[botId+time]').between(range[0], range[1]).toArray(),
      db.orders.where('botId').equals(botId).toArray(),
    ]);
    return { row, equity, fills, orders };
  });
  if (!read) return undefined;
  // Decrypted after the read transaction: WebCrypto is not an IndexedDB request.
  const { row, equity, fills, orders } = read;
  const bot = await decodeBot(codec, row);
  const report = buildRunReport({
    title: `${bot.config.name} · ${bot.config.symbol} ${bot.config.timeframe}`,
    symbol: bot.config.symbol,
    timeframe: bot.config.timeframe,
    equity: equitySeriesOf(equity),
    fills,
    orders,
    hasConfigVersions: true,
  });
  return { bot, report };
}
