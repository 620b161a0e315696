/**
 * The append-only bot event log (timeline and audit trail). Each event gets an increasing
 * `seq` from IndexedDB; nothing here updates or deletes an event, and FlotillaDb's hooks
 * refuse it from anywhere else.
 */
import type { BotEvent, BotEventType } from '../core/bot/types';
import { botRange } from './keyRanges';
import type { FlotillaDb } from './schema';
import { isPlainObject, requireNumber, requireString, ValidationError } from './validation';

const EVENT_TYPES: Record<BotEventType, true> = {
  created: true,
  config_changed: true,
  started: true,
  paused: true,
  resumed: true,
  stopped: true,
  resumed_after_reload: true,
  error: true,
  archived: true,
  signal: true,
  order_placed: true,
  order_filled: true,
  order_canceled: true,
  order_rejected: true,
  risk_rejected: true,
  risk_resized: true,
  risk_exit: true,
  strategy_log: true,
  kill_switch: true,
  risk_trip: true,
  deleted: true,
};

function validateEvent(event: BotEvent): BotEvent {
  requireString(event.botId, 'event.botId');
  requireNumber(event.time, 'event.time', { min: 0 });
  if (!Object.hasOwn(EVENT_TYPES, event.type)) {
    throw new ValidationError('event.type', `is not a known event type ("${String(event.type)}")`);
  }
  if (typeof event.message !== 'string') {
    throw new ValidationError('event.message', 'must be a string');
  }
  if (event.data !== undefined && !isPlainObject(event.data)) {
    throw new ValidationError('event.data', 'must be a plain object');
  }
  // The store assigns seq; a caller's seq would let it overwrite history.
  const { seq: _ignored, ...row } = event;
  return row;
}

/**
 * Appends `event` and resolves to its `seq`. Joins the caller's transaction when there is one
 * that includes `events`, so a state change and its event commit together.
 */
export async function insertEvent(db: FlotillaDb, event: BotEvent): Promise<number> {
  const row = validateEvent(event);
  return db.events.add(row);
}

export interface EventsRepository {
  appendEvent(event: BotEvent): Promise<number>;
  /** A bot's latest `limit` events, newest first. */
  listEvents(botId: string, limit?: number): Promise<BotEvent[]>;
  /** The latest `limit` events of all bots, newest first. */
  listAllEvents(limit?: number): Promise<BotEvent[]>;
}

export function createEventsRepository(db: FlotillaDb): EventsRepository {
  return {
    appendEvent: (event) => insertEvent(db, event),
    async listEvents(botId, limit = 200) {
      requireNumber(limit, 'limit', { min: 1 });
      return db.events
        .where('[botId+seq]')
        .between(...botRange(botId))
        .reverse()
        .limit(limit)
        .toArray();
    },
    async listAllEvents(limit = 200) {
      requireNumber(limit, 'limit', { min: 1 });
      return db.events.reverse().limit(limit).toArray();
    },
  };
}
