/**
 * The vault's part of the EngineApi: status, setup, unlock, lock, passphrase change, auto-lock
 * and storing credentials, as CommandResults (bad input → field errors). Also the activity
 * rule of auto-lock: every EngineApi call that a user makes (not reads or polling) restarts
 * the vault's idle timer. Decrypted secrets are never returned from here.
 */
import { VaultInputError, type Vault } from '../vault';
import { attempt, FieldErrorsError } from './commandResult';
import type { CommandResult, EngineApi } from './engineApi';

type VaultMethods = Pick<
  EngineApi,
  | 'vaultStatus'
  | 'setupVault'
  | 'unlockVault'
  | 'lockVault'
  | 'changeVaultPassphrase'
  | 'setVaultAutoLock'
  | 'putVaultSecret'
  | 'listVaultSecrets'
  | 'deleteVaultSecret'
  | 'eraseVault'
>;

/** Reads and subscriptions: calling them is not user activity (the UI polls some of them). */
const PASSIVE = new Set<string>([
  'listBots',
  'getCandles',
  'listMarkets',
  'listAccounts',
  'getSimulatedAccount',
  'listBalances',
  'getStatus',
  'vaultStatus',
  'configKey',
  'listVaultSecrets',
  'subscribe',
  'unsubscribe',
  'idle',
  'boot',
  'shutdown',
  'exchangeOpenOrders',
]);

/** Runs a vault operation, turning VaultInputError into a field error. */
function run<T>(job: () => Promise<T>): Promise<CommandResult<T>> {
  return attempt(async () => {
    try {
      return await job();
    } catch (error) {
      if (error instanceof VaultInputError) {
        throw new FieldErrorsError([{ field: error.field, message: error.message }]);
      }
      throw error;
    }
  });
}

export function createVaultCommands(vault: Vault): VaultMethods {
  return {
    vaultStatus: () => run(() => vault.status()),
    setupVault: (passphrase, confirmation) =>
      run(() => vault.setup(passphrase, confirmation).then(() => undefined)),
    unlockVault: (passphrase) => run(() => vault.unlock(passphrase).then(() => undefined)),
    lockVault: () =>
      run(async () => {
        vault.lock();
        return undefined;
      }),
    changeVaultPassphrase: (current, next, confirmation) =>
      run(() => vault.changePassphrase(current, next, confirmation).then(() => undefined)),
    setVaultAutoLock: (minutes) =>
      run(() => vault.setAutoLockMinutes(minutes).then(() => undefined)),
    putVaultSecret: (id, credentials) => run(() => vault.putSecret(id, credentials)),
    listVaultSecrets: () => run(() => vault.listSecrets()),
    eraseVault: () => run(() => vault.erase().then(() => undefined)),
    deleteVaultSecret: (id) => run(() => vault.deleteSecret(id).then(() => undefined)),
  };
}

/** `api` with every user command restarting the vault's idle timer before it runs. */
export function withVaultActivity<T extends object>(api: T, vault: Vault): T {
  const wrapped = { ...api } as Record<string, unknown>;
  for (const [name, member] of Object.entries(api)) {
    if (typeof member !== 'function' || PASSIVE.has(name)) continue;
    wrapped[name] = (...args: unknown[]) => {
      vault.touch();
      return (member as (...a: unknown[]) => unknown).apply(api, args);
    };
  }
  return wrapped as T;
}
