/**
 * Form drafts (e.g. the half-filled bot-creation form) that survive reloads. A draft is
 * stored as plain JSON, so UI store proxies are unwrapped on the way in; whoever loads a draft
 * validates it, since it may come from an older version of the form.
 */
import type { TimestampMs } from '../core/time';
import type { DraftRow, FlotillaDb } from './schema';
import { requireNumber, requireString, ValidationError } from './validation';

export interface DraftsRepository {
  saveDraft(id: string, value: unknown, now: TimestampMs): Promise<void>;
  /** The saved draft's value, or undefined when there is none. */
  loadDraft(id: string): Promise<unknown>;
  clearDraft(id: string): Promise<void>;
}

function toJson(value: unknown): unknown {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new ValidationError('value', `must be JSON-serializable (${String(error)})`);
  }
  if (text === undefined) throw new ValidationError('value', 'must be JSON-serializable');
  return JSON.parse(text);
}

export function createDraftsRepository(db: FlotillaDb): DraftsRepository {
  return {
    async saveDraft(id, value, now) {
      const row: DraftRow = {
        id: requireString(id, 'id'),
        value: toJson(value),
        updatedAt: requireNumber(now, 'now', { min: 0 }),
      };
      await db.drafts.put(row);
    },
    async loadDraft(id) {
      return (await db.drafts.get(id))?.value;
    },
    async clearDraft(id) {
      await db.drafts.delete(id);
    },
  };
}
