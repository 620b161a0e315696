/**
 * Form drafts (e.g. the half-filled bot-creation form) that survive reloads. A draft is
 * stored as plain JSON — sealed by the codec once a vault exists (draftSealing.ts) — so UI
 * store proxies are unwrapped on the way in; whoever loads a draft validates it, since it may
 * come from an older version of the form.
 */
import type { TimestampMs } from '../core/time';
import { CLEAR_CODEC, type ConfigCodec } from './configCodec';
import { decodeDraft, encodeDraft } from './draftSealing';
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

export function createDraftsRepository(
  db: FlotillaDb,
  codec: ConfigCodec = CLEAR_CODEC,
): DraftsRepository {
  return {
    async saveDraft(id, value, now) {
      const draftId = requireString(id, 'id');
      const updatedAt = requireNumber(now, 'now', { min: 0 });
      const row: DraftRow = {
        id: draftId,
        value: await encodeDraft(codec, draftId, toJson(value)),
        updatedAt,
      };
      await db.drafts.put(row);
    },
    async loadDraft(id) {
      const row = await db.drafts.get(id);
      return row && decodeDraft(codec, id, row.value);
    },
    async clearDraft(id) {
      await db.drafts.delete(id);
    },
  };
}
