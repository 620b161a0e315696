/**
 * Wires the vault's storage port (src/vault/store.ts) to IndexedDB: the header and throttle as
 * records of the opaque vault repository, secrets as its sealed rows, and the auto-lock time as
 * the `vaultAutoLockMinutes` app setting.
 */
import { createAppSettingsRepository, createVaultRepository, type FlotillaDb } from '../db';
import type { SealedSecret, UnlockThrottle, VaultHeader, VaultStore } from '../vault';

const HEADER = 'header';
const THROTTLE = 'throttle';

function isHeader(value: unknown): value is VaultHeader {
  const header = value as Partial<VaultHeader> | undefined;
  return (
    typeof header === 'object' &&
    header !== null &&
    typeof header.kdf?.salt === 'string' &&
    typeof header.verifier?.data === 'string'
  );
}

function isThrottle(value: unknown): value is UnlockThrottle {
  const throttle = value as Partial<UnlockThrottle> | undefined;
  return typeof throttle?.failures === 'number' && typeof throttle.retryAt === 'number';
}

export function createVaultStore(db: FlotillaDb): VaultStore {
  const records = createVaultRepository(db);
  const settings = createAppSettingsRepository(db);
  return {
    async loadHeader() {
      const value = await records.getRecord(HEADER);
      if (value === undefined) return undefined;
      if (!isHeader(value)) throw new Error('The stored vault header is damaged.');
      return value;
    },
    createHeader: (header) => records.addRecord(HEADER, header),
    async loadThrottle() {
      const value = await records.getRecord(THROTTLE);
      return isThrottle(value) ? value : { failures: 0, retryAt: 0 };
    },
    saveThrottle: (throttle) => records.putRecord(THROTTLE, throttle),
    loadAutoLockMinutes: () => settings.get('vaultAutoLockMinutes'),
    saveAutoLockMinutes: (minutes) => settings.set('vaultAutoLockMinutes', minutes),
    listSecrets: () => records.listSecrets() as Promise<SealedSecret[]>,
    getSecret: (id) => records.getSecret(id) as Promise<SealedSecret | undefined>,
    putSecret: (secret) => records.putSecret(secret),
    deleteSecret: (id) => records.deleteSecret(id),
    erase: () => records.clear(),
    rekey: (header, secrets) => records.replaceAll([{ key: HEADER, value: header }], secrets),
  };
}
