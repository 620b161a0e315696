/**
 * The paper exchange's own state (pretend balances, open orders, recent fills) per exchange
 * account, stored as an opaque JSON value so paper trading resumes after a reload. Deleting
 * the account deletes it (accountsRepository.deleteAccount).
 */
import type { TimestampMs } from '../core/time';
import type { FlotillaDb } from './schema';
import { requireNumber, requireString } from './validation';

export interface PaperStateRepository {
  /** The saved state, or undefined when the account has none yet. */
  loadPaperState(accountId: string): Promise<unknown>;
  savePaperState(accountId: string, state: unknown, now: TimestampMs): Promise<void>;
  /** Forgets the state: paper trading starts again from the starting balances. */
  clearPaperState(accountId: string): Promise<void>;
}

export function createPaperStateRepository(db: FlotillaDb): PaperStateRepository {
  return {
    async loadPaperState(accountId) {
      return (await db.paperState.get(accountId))?.state;
    },
    async savePaperState(accountId, state, now) {
      requireString(accountId, 'accountId');
      requireNumber(now, 'now', { min: 0 });
      await db.paperState.put({ accountId, state, updatedAt: now });
    },
    async clearPaperState(accountId) {
      await db.paperState.delete(accountId);
    },
  };
}
