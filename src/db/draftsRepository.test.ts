import { describe, expect, it } from 'vitest';
import { createDraftsRepository } from './draftsRepository';
import { createTestDb, uniqueDbName } from './testDb';

describe('draftsRepository', () => {
  it('keeps a draft across a reload until it is cleared', async () => {
    const name = uniqueDbName();
    const draft = { name: 'My bot', params: { fast: 9 }, step: 2 };
    const first = createTestDb(name);
    await createDraftsRepository(first).saveDraft('new-bot', draft, 1_000);
    first.close();

    const reopened = createTestDb(name);
    const drafts = createDraftsRepository(reopened);
    expect(await drafts.loadDraft('new-bot')).toEqual(draft);
    expect(await reopened.drafts.get('new-bot')).toEqual({
      id: 'new-bot',
      value: draft,
      updatedAt: 1_000,
    });
    await drafts.clearDraft('new-bot');
    expect(await drafts.loadDraft('new-bot')).toBeUndefined();
  });

  it('stores plain JSON and rejects what JSON cannot hold', async () => {
    const db = createTestDb();
    const drafts = createDraftsRepository(db);
    await drafts.saveDraft('d', { when: new Date(0), skip: undefined }, 1);
    expect(await drafts.loadDraft('d')).toEqual({ when: '1970-01-01T00:00:00.000Z' });
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    await expect(drafts.saveDraft('d', circular, 2)).rejects.toThrow(/^value must be JSON/);
    await expect(drafts.saveDraft('d', undefined, 2)).rejects.toThrow(/^value /);
    await expect(drafts.saveDraft('', {}, 2)).rejects.toThrow(/^id /);
    expect((await db.drafts.get('d'))?.updatedAt).toBe(1);
  });
});
