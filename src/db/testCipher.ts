/**
 * Test support (imported only by *.test.ts): a ConfigCipher on WebCrypto AES-GCM with the
 * context as authenticated data — the same construction as the vault's envelopes — and codecs
 * for "no vault", "locked" and "unlocked with this key".
 */
import { createConfigCodec, type ConfigCipher, type ConfigCodec } from './configCodec';

const encode = (text: string) => new TextEncoder().encode(text);
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const unb64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

export async function testKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

export function testCipher(key: CryptoKey): ConfigCipher {
  return {
    async seal(value, context) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const data = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: encode(context) },
        key,
        encode(JSON.stringify(value)),
      );
      return { v: 1, iv: b64(iv), data: b64(new Uint8Array(data)) };
    },
    async open(sealed, context) {
      const plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: unb64(sealed.iv), additionalData: encode(context) },
        key,
        unb64(sealed.data),
      );
      return JSON.parse(new TextDecoder().decode(plain)) as unknown;
    },
  };
}

/** A codec whose key state can be switched: none, locked, or unlocked with `key`. */
export function switchableCodec(key: CryptoKey) {
  let state: 'none' | 'locked' | 'unlocked' = 'unlocked';
  const codec: ConfigCodec = createConfigCodec(() =>
    state === 'unlocked' ? { kind: 'unlocked', cipher: testCipher(key) } : { kind: state },
  );
  return {
    codec,
    set: (next: typeof state) => {
      state = next;
    },
  };
}
