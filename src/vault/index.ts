/** Public API of src/vault: the vault state machine, its storage port and the strength meter. */
export {
  createVault,
  MAX_AUTO_LOCK_MINUTES,
  VaultLockedError,
  type SecretInfo,
  type Vault,
  type VaultChange,
  type VaultDeps,
  type VaultState,
  type VaultStatus,
} from './vault';
export { VaultInputError, type Credentials } from './credentials';
export { CONFIG_KEY_ID, keyCipher, type SealedEnvelope } from './configKey';
export { MIN_ITERATIONS, type Envelope, type KdfParams } from './envelope';
export type { SealedSecret, UnlockThrottle, VaultHeader, VaultStore } from './store';
export {
  estimateStrength,
  MIN_PASSPHRASE_BITS,
  MIN_PASSPHRASE_LENGTH,
  type StrengthEstimate,
} from './strength';
