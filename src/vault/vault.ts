/**
 * The vault's state machine, run inside the bot-host worker: none → set up → locked ⇄ unlocked.
 * Unlocking derives the key from the passphrase and checks it against the verifier; the key
 * lives only in this object's memory and is dropped on lock, on demand or after the idle time.
 * Wrong passphrases slow down (persisted). Changing the passphrase re-encrypts every secret and
 * writes them in one transaction, so a failure half-way leaves the old vault as it was.
 * Passphrases and secrets never appear in an error message.
 */
import { createSerialQueue } from '../core/engine/serialQueue';
import type { Clock, TimerHandle, Timers } from '../core/time';
import {
  checkCredentials,
  checkSecretId,
  credentialsHint,
  VaultInputError,
  type Credentials,
} from './credentials';
import {
  CONFIG_KEY_ID,
  CONFIG_KEY_KIND,
  createConfigKey,
  isReservedSecretId,
  openConfigKey,
} from './configKey';
import {
  DecryptError,
  deriveKey,
  ENVELOPE_VERSION,
  MIN_ITERATIONS,
  newKdfParams,
  open,
  seal,
  type Envelope,
} from './envelope';
import type { SealedSecret, VaultHeader, VaultStore } from './store';
import { estimateStrength } from './strength';
import { describeWait, NO_THROTTLE, recordFailure } from './throttle';

export type VaultState = 'none' | 'locked' | 'unlocked';

export interface VaultStatus {
  state: VaultState;
  autoLockMinutes: number;
  /** While wrong passphrases are being slowed down: when the next attempt is checked. */
  retryAt?: number;
}

export interface VaultChange {
  state: VaultState;
  reason: 'setup' | 'unlocked' | 'locked' | 'idle' | 'passphrase-changed' | 'erased';
}

/** What a list of secrets may show: never the secret itself. */
export interface SecretInfo {
  id: string;
  kind: string;
  hint: string;
  updatedAt: number;
}

export class VaultLockedError extends Error {
  override name = 'VaultLockedError';
  constructor() {
    super('The vault is locked: unlock it with your passphrase first.');
  }
}

export const MAX_AUTO_LOCK_MINUTES = 24 * 60;
const VERIFIER = 'flotilla-vault-verifier';
const CREDENTIALS = 'credentials';

export interface VaultDeps {
  store: VaultStore;
  clock: Clock;
  timers: Timers;
  /** PBKDF2 iterations for new keys (tests lower it for speed; the app uses MIN_ITERATIONS). */
  kdfIterations?: number;
}

export interface Vault {
  status(): Promise<VaultStatus>;
  isUnlocked(): boolean;
  setup(passphrase: string, confirmation: string): Promise<void>;
  unlock(passphrase: string): Promise<void>;
  lock(): void;
  changePassphrase(current: string, next: string, confirmation: string): Promise<void>;
  setAutoLockMinutes(minutes: number): Promise<void>;
  /**
   * Deletes the vault and every secret in it (a forgotten passphrase: there is no recovery;
   * the keys are entered again in a new vault).
   */
  erase(): Promise<void>;
  /**
   * The key that seals bot configurations (non-extractable), while unlocked; undefined while
   * locked or with no vault. Created with the vault (or at the first unlock of an older one).
   */
  configKey(): CryptoKey | undefined;
  /** A user command happened: restarts the idle timer while unlocked. */
  touch(): void;
  onChange(listener: (change: VaultChange) => void): () => void;
  /** Encrypts and stores an account's credentials (unlocked only). */
  putSecret(id: string, credentials: Credentials): Promise<SecretInfo>;
  /** The decrypted credentials, for code in the worker that signs requests. Never send them on. */
  getSecret(id: string): Promise<Credentials>;
  deleteSecret(id: string): Promise<void>;
  listSecrets(): Promise<SecretInfo[]>;
}

function checkNewPassphrase(next: string, confirmation: string): void {
  if (typeof next !== 'string' || typeof confirmation !== 'string') {
    throw new VaultInputError('passphrase', 'Enter a passphrase.');
  }
  const strength = estimateStrength(next);
  if (!strength.acceptable) {
    throw new VaultInputError('passphrase', `Passphrase too weak. ${strength.advice ?? ''}`.trim());
  }
  if (next !== confirmation) {
    throw new VaultInputError('confirmation', 'The confirmation does not match the passphrase.');
  }
}

/** A credentials id: the vault's own secrets (e.g. the config key) are not reachable. */
function checkUserSecretId(id: unknown): string {
  const secretId = checkSecretId(id);
  if (isReservedSecretId(secretId)) {
    throw new VaultInputError('id', `The secret's id must not start with "vault:".`);
  }
  return secretId;
}

const infoOf = (secret: SealedSecret): SecretInfo => ({
  id: secret.id,
  kind: secret.kind,
  hint: secret.hint,
  updatedAt: secret.updatedAt,
});

export function createVault(deps: VaultDeps): Vault {
  const { store, clock, timers } = deps;
  const iterations = deps.kdfIterations ?? MIN_ITERATIONS;
  const queue = createSerialQueue();
  const listeners = new Set<(change: VaultChange) => void>();
  let key: CryptoKey | undefined;
  let configKey: CryptoKey | undefined;
  let idleTimer: TimerHandle | undefined;
  let autoLockMinutes: number | undefined;

  const emit = (change: VaultChange) => {
    for (const listener of listeners) listener(change);
  };
  const minutes = async () => (autoLockMinutes ??= await store.loadAutoLockMinutes());
  const disarm = () => {
    if (idleTimer !== undefined) timers.clearTimeout(idleTimer);
    idleTimer = undefined;
  };
  const arm = (delayMinutes: number) => {
    disarm();
    idleTimer = timers.setTimeout(() => {
      idleTimer = undefined;
      if (key) lockNow('idle');
    }, delayMinutes * 60_000);
  };
  const lockNow = (reason: 'locked' | 'idle') => {
    disarm();
    if (!key) return;
    key = undefined;
    configKey = undefined;
    emit({ state: 'locked', reason });
  };
  /** The stored config key opened with `vaultKey`; created first when there is none yet. */
  const loadConfigKey = async (vaultKey: CryptoKey): Promise<CryptoKey> => {
    const stored = await store.getSecret(CONFIG_KEY_ID);
    if (stored) return openConfigKey(vaultKey, stored);
    const created = await createConfigKey(vaultKey, clock.now());
    await store.putSecret(created.secret);
    return created.key;
  };
  const becomeUnlocked = async (newKey: CryptoKey, reason: VaultChange['reason']) => {
    configKey = await loadConfigKey(newKey);
    key = newKey;
    arm(await minutes());
    emit({ state: 'unlocked', reason });
  };
  const requireHeader = async (): Promise<VaultHeader> => {
    const header = await store.loadHeader();
    if (!header) throw new Error('No vault is set up yet.');
    return header;
  };
  const requireKey = (): CryptoKey => {
    if (!key) throw new VaultLockedError();
    return key;
  };

  /** The key for `passphrase`, or a "Wrong passphrase" error counted by the throttle. */
  const checkPassphrase = async (
    header: VaultHeader,
    passphrase: string,
    field: string,
  ): Promise<CryptoKey> => {
    const throttle = await store.loadThrottle();
    const wait = throttle.retryAt - clock.now();
    if (wait > 0) {
      throw new VaultInputError(
        field,
        `Too many wrong passphrases: try again in ${describeWait(wait)}.`,
      );
    }
    const candidate = await deriveKey(typeof passphrase === 'string' ? passphrase : '', header.kdf);
    try {
      await open(candidate, header.verifier, VERIFIER);
    } catch (error) {
      if (!(error instanceof DecryptError)) throw error;
      const next = recordFailure(throttle, clock.now());
      await store.saveThrottle(next);
      const delay = next.retryAt - clock.now();
      throw new VaultInputError(
        field,
        delay > 0
          ? `Wrong passphrase. Wait ${describeWait(delay)} before trying again.`
          : 'Wrong passphrase.',
      );
    }
    if (throttle.failures > 0) await store.saveThrottle(NO_THROTTLE);
    return candidate;
  };

  const newHeader = async (passphrase: string, createdAt: number) => {
    const kdf = newKdfParams(iterations);
    const newKey = await deriveKey(passphrase, kdf);
    const header: VaultHeader = {
      envelopeVersion: ENVELOPE_VERSION,
      kdf,
      verifier: await seal(newKey, VERIFIER, VERIFIER),
      createdAt,
      changedAt: clock.now(),
    };
    return { header, newKey };
  };

  /** Re-encrypts everything under a new passphrase (or new KDF parameters); all or nothing. */
  const rekey = async (header: VaultHeader, oldKey: CryptoKey, passphrase: string) => {
    const { header: next, newKey } = await newHeader(passphrase, header.createdAt);
    const resealed: SealedSecret[] = [];
    for (const secret of await store.listSecrets()) {
      const context = `${secret.kind}:${secret.id}`;
      const envelope: Envelope = await seal(
        newKey,
        await open(oldKey, secret.envelope, context),
        context,
      );
      resealed.push({ ...secret, envelope });
    }
    await store.rekey(next, resealed);
    return newKey;
  };

  return {
    async status() {
      const header = await store.loadHeader();
      const throttle = header ? await store.loadThrottle() : NO_THROTTLE;
      return {
        state: !header ? 'none' : key ? 'unlocked' : 'locked',
        autoLockMinutes: await minutes(),
        ...(throttle.retryAt > clock.now() ? { retryAt: throttle.retryAt } : {}),
      };
    },

    isUnlocked: () => key !== undefined,

    setup: (passphrase, confirmation) =>
      queue.run(async () => {
        if (await store.loadHeader()) throw new Error('A vault is already set up.');
        checkNewPassphrase(passphrase, confirmation);
        const { header, newKey } = await newHeader(passphrase, clock.now());
        await store.createHeader(header);
        await store.saveThrottle(NO_THROTTLE);
        await becomeUnlocked(newKey, 'setup');
      }),

    unlock: (passphrase) =>
      queue.run(async () => {
        const header = await requireHeader();
        let unlocked = await checkPassphrase(header, passphrase, 'passphrase');
        // Parameters below today's floor are raised now that the passphrase is at hand.
        if (header.kdf.iterations < iterations)
          unlocked = await rekey(header, unlocked, passphrase);
        if (!key) await becomeUnlocked(unlocked, 'unlocked');
        else {
          configKey = await loadConfigKey(unlocked);
          key = unlocked;
          arm(await minutes());
        }
      }),

    lock: () => lockNow('locked'),

    changePassphrase: (current, next, confirmation) =>
      queue.run(async () => {
        const header = await requireHeader();
        const oldKey = await checkPassphrase(header, current, 'current');
        checkNewPassphrase(next, confirmation);
        const newKey = await rekey(header, oldKey, next);
        key = undefined;
        configKey = undefined;
        await becomeUnlocked(newKey, 'passphrase-changed');
      }),

    setAutoLockMinutes: (value) =>
      queue.run(async () => {
        if (!Number.isInteger(value) || value < 1 || value > MAX_AUTO_LOCK_MINUTES) {
          throw new VaultInputError(
            'autoLockMinutes',
            `Auto-lock must be a whole number of minutes from 1 to ${MAX_AUTO_LOCK_MINUTES}.`,
          );
        }
        await store.saveAutoLockMinutes(value);
        autoLockMinutes = value;
        if (key) arm(value);
      }),

    erase: () =>
      queue.run(async () => {
        // Erased first: a failure leaves the vault (and its keys) as they were.
        await store.erase();
        disarm();
        key = undefined;
        configKey = undefined;
        emit({ state: 'none', reason: 'erased' });
      }),

    configKey: () => (key ? configKey : undefined),

    touch() {
      if (key && autoLockMinutes !== undefined) arm(autoLockMinutes);
    },

    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    putSecret: (id, credentials) =>
      queue.run(async () => {
        const secretId = checkUserSecretId(id);
        const record = checkCredentials(credentials);
        const sealed: SealedSecret = {
          id: secretId,
          kind: CREDENTIALS,
          hint: credentialsHint(record),
          envelope: await seal(requireKey(), record, `${CREDENTIALS}:${secretId}`),
          updatedAt: clock.now(),
        };
        await store.putSecret(sealed);
        return infoOf(sealed);
      }),

    getSecret: (id) =>
      queue.run(async () => {
        const activeKey = requireKey();
        const secret = await store.getSecret(checkUserSecretId(id));
        if (!secret) throw new Error(`No credentials are stored for "${id}".`);
        return checkCredentials(
          await open(activeKey, secret.envelope, `${secret.kind}:${secret.id}`),
        );
      }),

    deleteSecret: (id) => queue.run(() => store.deleteSecret(checkUserSecretId(id))),

    listSecrets: async () =>
      (await store.listSecrets()).filter((secret) => secret.kind !== CONFIG_KEY_KIND).map(infoOf),
  };
}
