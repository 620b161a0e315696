/**
 * Test support (imported only by *.test.ts): an in-memory VaultStore with the same
 * all-or-nothing `rekey` as the IndexedDB one, and a way to make its next writes fail.
 */
import type { SealedSecret, UnlockThrottle, VaultHeader, VaultStore } from './store';

export interface MemoryVaultStore extends VaultStore {
  header?: VaultHeader;
  throttle: UnlockThrottle;
  secrets: Map<string, SealedSecret>;
  /** When set, `rekey` throws this instead of writing. */
  failRekey?: Error;
}

export function createMemoryVaultStore(autoLockMinutes = 15): MemoryVaultStore {
  let minutes = autoLockMinutes;
  const clone = <T>(value: T): T => structuredClone(value);
  const store: MemoryVaultStore = {
    throttle: { failures: 0, retryAt: 0 },
    secrets: new Map(),
    loadHeader: async () => (store.header ? clone(store.header) : undefined),
    async createHeader(header) {
      if (store.header) throw new Error('exists');
      store.header = clone(header);
    },
    loadThrottle: async () => clone(store.throttle),
    async saveThrottle(throttle) {
      store.throttle = clone(throttle);
    },
    loadAutoLockMinutes: async () => minutes,
    async saveAutoLockMinutes(value) {
      minutes = value;
    },
    listSecrets: async () => [...store.secrets.values()].map(clone),
    getSecret: async (id) => clone(store.secrets.get(id)),
    async putSecret(secret) {
      store.secrets.set(secret.id, clone(secret));
    },
    async deleteSecret(id) {
      store.secrets.delete(id);
    },
    async rekey(header, secrets) {
      if (store.failRekey) throw store.failRekey;
      if ([...store.secrets.keys()].some((id) => !secrets.some((secret) => secret.id === id))) {
        throw new Error('missing secret');
      }
      store.header = clone(header);
      for (const secret of secrets) store.secrets.set(secret.id, clone(secret));
    },
    async erase() {
      store.header = undefined;
      store.throttle = { failures: 0, retryAt: 0 };
      store.secrets.clear();
    },
  };
  return store;
}
