/**
 * The one change the append-only event log allows: redacting configuration details. When a
 * vault is set up, bot configurations become secret, but "created" and "deleted" events
 * written before named the bot, its market and strategy in clear. Redaction replaces those
 * messages and data with what a sealed bot's events say; nothing else about an event changes
 * and no event is deleted. FlotillaDb's hook lets an update through only inside a transaction
 * marked here, and only when it touches `message` and `data`.
 */
import { Dexie, type Transaction } from 'dexie';
import type { BotEvent } from '../core/bot/types';
import type { FlotillaDb } from './schema';

const redacting = new WeakSet<IDBTransaction>();
/** Dexie reports nested changes by key path ("data.name"). */
const isRedactable = (field: string) =>
  field === 'message' || field === 'data' || field.startsWith('data.');

/** Whether the events hook may let `modifications` through in `transaction`. */
export function isRedaction(modifications: object, transaction: Transaction): boolean {
  return redacting.has(transaction.idbtrans) && Object.keys(modifications).every(isRedactable);
}

/** The redacted form of an event that names config details; undefined when it names none. */
function redacted(event: BotEvent): Pick<BotEvent, 'message' | 'data'> | undefined {
  const data = event.data ?? {};
  if (event.type === 'created') {
    const configVersion = data['configVersion'];
    return {
      message: 'Created (configuration v1)',
      data: typeof configVersion === 'number' ? { configVersion } : {},
    };
  }
  if (event.type === 'deleted' && 'name' in data) {
    const { name: _name, ...rest } = data;
    const shortId = typeof rest['shortId'] === 'string' ? rest['shortId'] : event.botId;
    return { message: `Deleted bot ${shortId}`, data: rest };
  }
  return undefined;
}

/**
 * Redacts every "created" and "deleted" event that still names config details. Runs inside the
 * caller's read-write transaction on `events` (it fails outside one); returns the count.
 */
export async function redactConfigEvents(db: FlotillaDb): Promise<number> {
  const transaction = Dexie.currentTransaction;
  if (!transaction) throw new Error('redactConfigEvents must run inside a transaction.');
  redacting.add(transaction.idbtrans);
  let count = 0;
  const events = await db.events.where('type').anyOf('created', 'deleted').toArray();
  for (const event of events) {
    const change = redacted(event);
    if (!change || event.seq === undefined) continue;
    if (
      change.message === event.message &&
      JSON.stringify(change.data) === JSON.stringify(event.data)
    )
      continue;
    await db.events.update(event.seq, change);
    count++;
  }
  return count;
}
