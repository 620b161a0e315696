import { describe, expect, it } from 'vitest';
import {
  DecryptError,
  deriveKey,
  fromBase64,
  MIN_ITERATIONS,
  newKdfParams,
  open,
  seal,
  toBase64,
} from './envelope';

const FAST = 1_000;

describe('vault envelopes', () => {
  it('round-trips JSON values and uses a fresh 12-byte IV every time', async () => {
    const key = await deriveKey('correct horse battery staple', newKdfParams(FAST));
    const value = { apiKey: 'k-123', secret: 's-456', nested: [1, 2] };
    const first = await seal(key, value, 'credentials:acc-1');
    const second = await seal(key, value, 'credentials:acc-1');
    expect(await open(key, first, 'credentials:acc-1')).toEqual(value);
    expect(fromBase64(first.iv)).toHaveLength(12);
    expect(first.iv).not.toBe(second.iv);
    expect(first.data).not.toBe(second.data);
    expect(first.data).not.toContain('s-456');
  });

  it('refuses a wrong key, a different context and tampered data', async () => {
    const params = newKdfParams(FAST);
    const key = await deriveKey('correct horse battery staple', params);
    const other = await deriveKey('correct horse battery stapler', params);
    const envelope = await seal(key, 'x', 'ctx');
    await expect(open(other, envelope, 'ctx')).rejects.toBeInstanceOf(DecryptError);
    await expect(open(key, envelope, 'other-ctx')).rejects.toBeInstanceOf(DecryptError);
    const bytes = fromBase64(envelope.data);
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    await expect(open(key, { ...envelope, data: toBase64(bytes) }, 'ctx')).rejects.toThrow(
      'could not be decrypted',
    );
  });

  it('derives a non-extractable AES-GCM 256 key from stored parameters with a random salt', async () => {
    const params = newKdfParams();
    expect(params).toMatchObject({ algorithm: 'PBKDF2-SHA256', iterations: MIN_ITERATIONS });
    expect(MIN_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(fromBase64(params.salt)).toHaveLength(16);
    expect(newKdfParams(FAST).salt).not.toBe(newKdfParams(FAST).salt);
    const key = await deriveKey('correct horse battery staple', { ...params, iterations: FAST });
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('the same passphrase and parameters give the same key; another salt does not', async () => {
    const params = newKdfParams(FAST);
    const envelope = await seal(await deriveKey('pass phrase one two', params), 1, 'c');
    expect(await open(await deriveKey('pass phrase one two', params), envelope, 'c')).toBe(1);
    const resalted = await deriveKey('pass phrase one two', newKdfParams(FAST));
    await expect(open(resalted, envelope, 'c')).rejects.toBeInstanceOf(DecryptError);
  });
});
