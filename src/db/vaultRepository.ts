/**
 * Storage for the vault (src/vault), which this layer treats as opaque: named records (the
 * header with KDF parameters and verifier, the unlock throttle) and sealed secrets, whose
 * contents are ciphertext. `replaceAll` swaps records and every secret in one transaction.
 */
import type { FlotillaDb, VaultSecretRow } from './schema';

export interface VaultRepository {
  getRecord(key: string): Promise<unknown>;
  putRecord(key: string, value: unknown): Promise<void>;
  /** Adds a record; fails (writing nothing) when `key` exists already. */
  addRecord(key: string, value: unknown): Promise<void>;
  listSecrets(): Promise<VaultSecretRow[]>;
  getSecret(id: string): Promise<VaultSecretRow | undefined>;
  putSecret(row: VaultSecretRow): Promise<void>;
  deleteSecret(id: string): Promise<void>;
  /**
   * Puts `records` and replaces every secret with `secrets`, atomically. Refuses, writing
   * nothing, when a stored secret is missing from `secrets` (it would be left unreadable).
   */
  replaceAll(records: { key: string; value: unknown }[], secrets: VaultSecretRow[]): Promise<void>;
  /** Deletes every record and secret, atomically. */
  clear(): Promise<void>;
}

export function createVaultRepository(db: FlotillaDb): VaultRepository {
  return {
    clear: () =>
      db.transaction('rw', db.vault, db.vaultSecrets, async () => {
        await db.vault.clear();
        await db.vaultSecrets.clear();
      }),
    async getRecord(key) {
      return (await db.vault.get(key))?.value;
    },
    async putRecord(key, value) {
      await db.vault.put({ key, value });
    },
    async addRecord(key, value) {
      await db.vault.add({ key, value });
    },
    listSecrets: () => db.vaultSecrets.orderBy('id').toArray(),
    getSecret: (id) => db.vaultSecrets.get(id),
    async putSecret(row) {
      await db.vaultSecrets.put(row);
    },
    async deleteSecret(id) {
      await db.vaultSecrets.delete(id);
    },
    replaceAll: (records, secrets) =>
      db.transaction('rw', db.vault, db.vaultSecrets, async () => {
        const replacing = new Set(secrets.map((secret) => secret.id));
        const stored = await db.vaultSecrets.toCollection().primaryKeys();
        const missing = stored.filter((id) => !replacing.has(id));
        if (missing.length > 0) {
          throw new Error(
            `The vault changed meanwhile: ${missing.length} secret(s) not re-encrypted.`,
          );
        }
        for (const record of records) await db.vault.put(record);
        for (const secret of secrets) await db.vaultSecrets.put(secret);
      }),
  };
}
