/**
 * The config key: a random AES-GCM-256 data key that seals bot configurations. It is stored as
 * one of the vault's secrets (sealed by the passphrase key), so a passphrase change re-seals it
 * with the other secrets and the configurations themselves never need re-encrypting. Unsealed,
 * it is imported as a non-extractable CryptoKey: it can be handed to a tab to decrypt configs
 * for display, but its bytes can never be read back out of WebCrypto.
 */
import { fromBase64, open, seal, toBase64, type Envelope } from './envelope';
import type { SealedSecret } from './store';

/** The secret's id: reserved, so no account's credentials can overwrite it. */
export const CONFIG_KEY_ID = 'vault:bot-configs';
export const CONFIG_KEY_KIND = 'dataKey';
const KEY_BYTES = 32;

const context = `${CONFIG_KEY_KIND}:${CONFIG_KEY_ID}`;

/** Whether `id` names a secret the vault keeps for itself (not a user's credentials). */
export const isReservedSecretId = (id: string): boolean => id.startsWith('vault:');

async function importKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  try {
    return await crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, [
      'encrypt',
      'decrypt',
    ]);
  } finally {
    raw.fill(0);
  }
}

/** A new config key and its sealed secret (sealed with the vault's passphrase key). */
export async function createConfigKey(
  vaultKey: CryptoKey,
  now: number,
): Promise<{ key: CryptoKey; secret: SealedSecret }> {
  const raw = crypto.getRandomValues(new Uint8Array(KEY_BYTES));
  const secret: SealedSecret = {
    id: CONFIG_KEY_ID,
    kind: CONFIG_KEY_KIND,
    hint: '',
    envelope: await seal(vaultKey, toBase64(raw), context),
    updatedAt: now,
  };
  return { key: await importKey(raw), secret };
}

/** Opens the stored config key; throws when it is damaged or sealed with another key. */
export async function openConfigKey(vaultKey: CryptoKey, secret: SealedSecret): Promise<CryptoKey> {
  const value = await open(vaultKey, secret.envelope, context);
  if (typeof value !== 'string') throw new Error('The stored config key is damaged.');
  const raw = fromBase64(value);
  if (raw.length !== KEY_BYTES) throw new Error('The stored config key is damaged.');
  return importKey(raw);
}

/** A sealed value as stored: the envelope's fields, its version checked when opened. */
export interface SealedEnvelope {
  v: number;
  iv: string;
  data: string;
}

/** Seals and opens values with `key` (the config key), in the vault's envelopes. */
export function keyCipher(key: CryptoKey) {
  return {
    seal: (value: unknown, context: string): Promise<SealedEnvelope> => seal(key, value, context),
    open: (sealed: SealedEnvelope, context: string): Promise<unknown> =>
      open(key, sealed as Envelope, context),
  };
}
