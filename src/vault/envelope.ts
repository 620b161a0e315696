/**
 * The vault's cryptography on WebCrypto: PBKDF2-SHA256 turns a passphrase into a non-extractable
 * AES-GCM 256 key; values are sealed as JSON in versioned envelopes (a fresh 12-byte IV each,
 * base64 text so they are plain JSON rows). The KDF parameters are stored beside the data, so
 * they can be raised later without breaking existing vaults.
 */

export const ENVELOPE_VERSION = 1;
/** OWASP's 2023 floor for PBKDF2-HMAC-SHA256. */
export const MIN_ITERATIONS = 600_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;

export interface KdfParams {
  algorithm: 'PBKDF2-SHA256';
  iterations: number;
  /** base64 of a random 16-byte salt. */
  salt: string;
}

/** An AES-GCM-256 ciphertext with its IV (base64); the tag is part of `data`. */
export interface Envelope {
  v: typeof ENVELOPE_VERSION;
  iv: string;
  data: string;
}

/** Thrown when an envelope does not open: a wrong key, tampering or the wrong record. */
export class DecryptError extends Error {
  constructor() {
    super('The data could not be decrypted.');
  }
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

/** Fresh KDF parameters: a new random salt and `iterations` (at least MIN_ITERATIONS in the app). */
export function newKdfParams(iterations: number = MIN_ITERATIONS): KdfParams {
  if (!Number.isInteger(iterations) || iterations < 1) {
    throw new Error('iterations must be a positive whole number');
  }
  return { algorithm: 'PBKDF2-SHA256', iterations, salt: toBase64(randomBytes(SALT_BYTES)) };
}

/** Derives the vault key. It cannot be exported: it only ever encrypts and decrypts. */
export async function deriveKey(passphrase: string, params: KdfParams): Promise<CryptoKey> {
  if (params.algorithm !== 'PBKDF2-SHA256') {
    throw new Error(`Unsupported key derivation "${String(params.algorithm)}".`);
  }
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    {
      name: 'PBKDF2',
      hash: 'SHA-256',
      salt: fromBase64(params.salt),
      iterations: params.iterations,
    },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/**
 * Encrypts `value` as JSON. `context` (e.g. the record id) is authenticated but not stored, so
 * an envelope moved to another record does not open there.
 */
export async function seal(key: CryptoKey, value: unknown, context: string): Promise<Envelope> {
  const iv = randomBytes(IV_BYTES);
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(context) },
    key,
    new TextEncoder().encode(JSON.stringify(value)),
  );
  return { v: ENVELOPE_VERSION, iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

/** Decrypts an envelope sealed with `key` and `context`; throws DecryptError otherwise. */
export async function open(key: CryptoKey, envelope: Envelope, context: string): Promise<unknown> {
  if (envelope.v !== ENVELOPE_VERSION) {
    throw new Error(`Unsupported vault envelope version ${String(envelope.v)}.`);
  }
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: fromBase64(envelope.iv),
        additionalData: new TextEncoder().encode(context),
      },
      key,
      fromBase64(envelope.data),
    );
  } catch {
    throw new DecryptError();
  }
  return JSON.parse(new TextDecoder().decode(plain)) as unknown;
}
