/**
 * Form drafts hold bot parameters, so once a vault exists they are stored sealed like bot
 * configurations: the row's value becomes `{ sealedDraft }` (context `draft:<id>`). Before a
 * vault, drafts stay plain JSON.
 */
import type { ConfigCodec } from './configCodec';
import type { SealedValue } from './schema';

export interface SealedDraft {
  sealedDraft: SealedValue;
}

export const draftContext = (id: string): string => `draft:${id}`;

export function isSealedDraft(value: unknown): value is SealedDraft {
  const sealed = (value as Partial<SealedDraft> | null | undefined)?.sealedDraft;
  return typeof sealed === 'object' && sealed !== null && typeof sealed.data === 'string';
}

/** The stored form of draft `id`: sealed once a vault exists (throws while it is locked). */
export async function encodeDraft(
  codec: ConfigCodec,
  id: string,
  value: unknown,
): Promise<unknown> {
  const sealed = await codec.sealValue(value, draftContext(id));
  return sealed ? { sealedDraft: sealed } : value;
}

/** A stored draft's value, opened when sealed. */
export async function decodeDraft(
  codec: ConfigCodec,
  id: string,
  stored: unknown,
): Promise<unknown> {
  return isSealedDraft(stored) ? codec.openValue(stored.sealedDraft, draftContext(id)) : stored;
}
