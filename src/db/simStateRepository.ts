/**
 * The simulated exchange's own state (balances, open orders, replay position) per account,
 * stored as an opaque JSON value so the simulator can resume after a reload.
 */
import type { FlotillaDb } from './schema';
import { requireString } from './validation';

export interface SimStateRepository {
  /** The saved state, or undefined when the account has none yet. */
  loadSimState(accountId: string): Promise<unknown>;
  saveSimState(accountId: string, state: unknown): Promise<void>;
}

export function createSimStateRepository(db: FlotillaDb): SimStateRepository {
  return {
    async loadSimState(accountId) {
      return (await db.simState.get(accountId))?.state;
    },
    async saveSimState(accountId, state) {
      requireString(accountId, 'accountId');
      await db.simState.put({ accountId, state });
    },
  };
}
