/**
 * Wires the vault's storage port (src/vault/store.ts) to IndexedDB: the header and throttle as
 * records of the opaque vault repository, secrets as its sealed rows, and the auto-lock time as
 * the `vaultAutoLockMinutes` app setting. Erasing also rewrites the bot configurations the
 * vault sealed, in the same transaction.
 */
import {
  createAppSettingsRepository,
  createVaultRepository,
  rewriteTables,
  type ConfigRewrite,
  type FlotillaDb,
} from '../db';
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

export interface VaultStoreOptions {
  /**
   * What else erasing the vault changes (the bot configurations it sealed), prepared while the
   * vault still holds its keys and written in the erase's own transaction: all or nothing.
   */
  prepareErase?: () => Promise<ConfigRewrite>;
}

export function createVaultStore(db: FlotillaDb, options: VaultStoreOptions = {}): VaultStore {
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
    async erase() {
      const rewrite = await options.prepareErase?.();
      await db.transaction('rw', [db.vault, db.vaultSecrets, ...rewriteTables(db)], async () => {
        await rewrite?.apply();
        await records.clear();
      });
    },
    rekey: (header, secrets) => records.replaceAll([{ key: HEADER, value: header }], secrets),
  };
}
