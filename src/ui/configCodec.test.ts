import { describe, expect, it } from 'vitest';
import { ConfigLockedError, decodeBot, encodeBot, createConfigCodec } from '../db';
import { sampleConfig } from '../db/testDb';
import { keyCipher } from '../vault';
import { configCodec, setKeySource, setVaultKey } from './configCodec';

const BOT = {
  id: 'bot-1',
  shortId: 'abc123',
  config: sampleConfig({ name: 'Tab decoded' }),
  configVersion: 1,
  status: 'running' as const,
  createdAt: 1,
  updatedAt: 1,
};

async function sealedRow(key: CryptoKey) {
  const sealing = createConfigCodec(() => ({ kind: 'unlocked', cipher: keyCipher(key) }));
  return encodeBot(sealing, BOT);
}

const newKey = () =>
  crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);

describe("the tab's config codec", () => {
  it('waits for the vault state, then opens sealed rows with the key the engine hands over', async () => {
    const key = await newKey();
    const row = await sealedRow(key);
    const decoding = decodeBot(configCodec, row);
    setVaultKey('unlocked', key);
    expect(await decoding).toEqual(BOT);
  });

  it('asks the engine again for a row sealed before the tab heard of the vault', async () => {
    const key = await newKey();
    let asked = 0;
    setKeySource(async () => {
      asked++;
      return key;
    });
    setVaultKey('none');
    expect(await decodeBot(configCodec, await sealedRow(key))).toEqual(BOT);
    expect(asked).toBe(1);
  });

  it('refuses sealed rows while locked; clear rows still read', async () => {
    setKeySource(async () => undefined);
    setVaultKey('locked');
    await expect(decodeBot(configCodec, await sealedRow(await newKey()))).rejects.toBeInstanceOf(
      ConfigLockedError,
    );
    await expect(configCodec.sealValue({ a: 1 }, 'draft:x')).rejects.toBeInstanceOf(
      ConfigLockedError,
    );
    const { config, ...rest } = BOT;
    expect(await decodeBot(configCodec, { ...rest, config })).toEqual(BOT);
  });
});
