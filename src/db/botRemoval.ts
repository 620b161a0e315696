/**
 * Removes one bot with everything it owns — config history, orders, fills, ledger, equity and
 * runtime state — and logs a "deleted" event (events stay: they are the audit trail). Joins
 * the caller's transaction, which must include these tables; the caller checks whether the
 * bot may be deleted.
 */
import type { TimestampMs } from '../core/time';
import { insertEvent } from './eventsRepository';
import { botRange } from './keyRanges';
import type { FlotillaDb, StoredBot } from './schema';

/** Every table a removal writes, for the caller's transaction. */
export const removalTables = (db: FlotillaDb) => [
  db.bots,
  db.botConfigs,
  db.orders,
  db.fills,
  db.ledgers,
  db.equity,
  db.runtime,
  db.events,
];

/** Deletes `bot`'s rows and logs why (`note`, e.g. the vault was erased). */
export async function removeBotRows(
  db: FlotillaDb,
  bot: StoredBot,
  now: TimestampMs,
  note?: string,
): Promise<void> {
  const id = bot.id;
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
  // A sealed config's name is not written to the (clear) event log.
  const subject = bot.config === undefined ? `bot ${bot.shortId}` : `"${bot.config.name}"`;
  await insertEvent(db, {
    botId: id,
    time: now,
    type: 'deleted',
    message: `Deleted ${subject}${note ? `: ${note}` : ''}`,
    data:
      bot.config === undefined
        ? { shortId: bot.shortId, removed }
        : { name: bot.config.name, shortId: bot.shortId, removed },
  });
}
