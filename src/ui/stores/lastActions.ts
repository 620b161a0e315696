/**
 * Each bot's newest timeline event, for the dashboard's "Last action" column. The first read
 * takes every bot's last event (one read per bot, in one transaction); later reads take only the
 * events appended since (events are append-only under an auto-incremented `seq`, so one range
 * read finds them), which keeps a busy fleet's refresh to one small query instead of a hundred.
 */
import { Dexie } from 'dexie';
import type { BotEvent } from '../../core/bot/types';
import type { FlotillaDb } from '../../db';

/** A bot's newest timeline event: what happened and when (UTC ms). */
export interface LastAction {
  time: number;
  message: string;
}

/** More new events than this since the last read: read each bot's last one again instead. */
const MAX_INCREMENTAL_EVENTS = 5_000;

export interface LastActionsReader {
  /** Every bot's newest event, read since the previous call where possible. */
  read(): Promise<Record<string, LastAction>>;
}

export function createLastActionsReader(db: FlotillaDb): LastActionsReader {
  let lastSeq: number | undefined;
  let last: Record<string, LastAction> = {};

  const readAll = async (): Promise<void> => {
    const [events, newest] = await db.transaction('r', db.bots, db.events, async () => {
      const ids = await db.bots.toCollection().primaryKeys();
      return Promise.all([
        Promise.all(
          ids.map((id) =>
            db.events.where('[botId+seq]').between([id, Dexie.minKey], [id, Dexie.maxKey]).last(),
          ),
        ),
        db.events.orderBy(':id').last(),
      ]);
    });
    const next: Record<string, LastAction> = {};
    for (const event of events) if (event) note(next, event);
    last = next;
    lastSeq = newest?.seq ?? 0;
  };

  /** Whether the events since `lastSeq` were few enough to apply one by one. */
  const readNew = async (since: number): Promise<boolean> => {
    const events = await db.events
      .where(':id')
      .above(since)
      .limit(MAX_INCREMENTAL_EVENTS + 1)
      .toArray();
    if (events.length > MAX_INCREMENTAL_EVENTS) return false;
    if (events.length === 0) return true;
    const next = { ...last };
    for (const event of events) note(next, event);
    last = next;
    lastSeq = events[events.length - 1]?.seq ?? since;
    return true;
  };

  const readOnce = async (): Promise<Record<string, LastAction>> => {
    if (lastSeq === undefined || !(await readNew(lastSeq))) await readAll();
    return last;
  };
  // One read at a time: two overlapping reads from the same `seq` could finish out of order
  // and put an older event back.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    read() {
      const reading = queue.then(readOnce, readOnce);
      queue = reading;
      return reading;
    },
  };
}

function note(into: Record<string, LastAction>, event: BotEvent): void {
  into[event.botId] = { time: event.time, message: event.message };
}
