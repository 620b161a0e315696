/**
 * What the vault persists, as a port: the header (KDF parameters and the verifier), the unlock
 * throttle, the auto-lock setting and the sealed secrets. Every value here is either public
 * (parameters, hints, counters) or ciphertext; the worker wires it to IndexedDB (src/db).
 */
import type { Envelope, KdfParams } from './envelope';

export interface VaultHeader {
  envelopeVersion: number;
  kdf: KdfParams;
  /** A known value sealed with the vault key: opens only with the right passphrase. */
  verifier: Envelope;
  createdAt: number;
  /** When the passphrase (or the KDF parameters) last changed. */
  changedAt: number;
}

/** One secret (e.g. an exchange account's credentials), encrypted. */
export interface SealedSecret {
  /** The owner's id, e.g. the exchange account id. */
  id: string;
  kind: string;
  /** A masked, non-secret hint for lists, e.g. "••••3f9a"; may be empty. */
  hint: string;
  envelope: Envelope;
  updatedAt: number;
}

/** Wrong-passphrase bookkeeping, persisted so a reload does not reset the slow-down. */
export interface UnlockThrottle {
  failures: number;
  /** No attempt is checked before this time (UTC ms). */
  retryAt: number;
}

export interface VaultStore {
  loadHeader(): Promise<VaultHeader | undefined>;
  /** Creates the vault; fails if one exists already. */
  createHeader(header: VaultHeader): Promise<void>;
  loadThrottle(): Promise<UnlockThrottle>;
  saveThrottle(throttle: UnlockThrottle): Promise<void>;
  loadAutoLockMinutes(): Promise<number>;
  saveAutoLockMinutes(minutes: number): Promise<void>;
  listSecrets(): Promise<SealedSecret[]>;
  getSecret(id: string): Promise<SealedSecret | undefined>;
  putSecret(secret: SealedSecret): Promise<void>;
  deleteSecret(id: string): Promise<void>;
  /**
   * Replaces the header and every sealed secret in one transaction (a passphrase change): all
   * or nothing. Fails, writing nothing, unless `secrets` covers every stored secret.
   */
  rekey(header: VaultHeader, secrets: SealedSecret[]): Promise<void>;
  /** Deletes the header, the throttle and every secret in one transaction. */
  erase(): Promise<void>;
}
