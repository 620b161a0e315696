import { describe, expect, it } from 'vitest';
import { createBotsRepository } from './botsRepository';
import {
  CLEAR_CODEC,
  ConfigLockedError,
  createConfigCodec,
  decodeBot,
  encodeBot,
} from './configCodec';
import { switchableCodec, testCipher, testKey } from './testCipher';
import { createTestDb, sampleConfig } from './testDb';

const BOT = {
  id: 'bot-1',
  shortId: 'abc123',
  config: sampleConfig({ name: 'Zephyr-7Q', params: { fast: 9, slow: 37 } }),
  configVersion: 1,
  status: 'stopped' as const,
  createdAt: 1,
  updatedAt: 1,
};

describe('ConfigCodec', () => {
  it('stores configs in clear before a vault exists', async () => {
    const stored = await encodeBot(CLEAR_CODEC, BOT);
    expect(stored.config).toEqual(BOT.config);
    expect(stored.sealedConfig).toBeUndefined();
    expect(await decodeBot(CLEAR_CODEC, stored)).toEqual(BOT);
  });

  it('seals with the key and opens the round trip; no plaintext in the stored row', async () => {
    const { codec } = switchableCodec(await testKey());
    const stored = await encodeBot(codec, BOT);
    expect(stored.config).toBeUndefined();
    expect(JSON.stringify(stored)).not.toContain('Zephyr-7Q');
    // The parameters as JSON would write them ('37' alone can turn up in the random ciphertext).
    expect(JSON.stringify(stored)).not.toMatch(/"slow"|"fast"|"params"/);
    expect(await decodeBot(codec, stored)).toEqual(BOT);
  });

  it('a wrong key, another context or a locked vault does not open it', async () => {
    const { codec, set } = switchableCodec(await testKey());
    const stored = await encodeBot(codec, BOT);
    const other = createConfigCodec(async () => ({
      kind: 'unlocked',
      cipher: testCipher(await testKey()),
    }));
    await expect(decodeBot(other, stored)).rejects.toThrow();
    await expect(decodeBot(codec, { ...stored, id: 'bot-2' })).rejects.toThrow();
    set('locked');
    await expect(decodeBot(codec, stored)).rejects.toBeInstanceOf(ConfigLockedError);
    await expect(encodeBot(codec, BOT)).rejects.toBeInstanceOf(ConfigLockedError);
    // A clear row (before the vault) still reads while locked.
    expect(await decodeBot(codec, await encodeBot(CLEAR_CODEC, BOT))).toEqual(BOT);
  });

  it('the repository stores sealed rows and reads them back, history included', async () => {
    const db = createTestDb();
    const { codec, set } = switchableCodec(await testKey());
    const bots = createBotsRepository(db, codec);
    await bots.createBot({ id: 'bot-1', shortId: 'abc123', config: BOT.config, now: 1 });
    await bots.updateBotConfig('bot-1', { ...BOT.config, allocation: 500 }, 2);
    const dump = JSON.stringify([
      await db.bots.toArray(),
      await db.botConfigs.toArray(),
      await db.events.toArray(),
    ]);
    expect(dump).not.toContain('Zephyr-7Q');
    expect(dump).not.toContain('sma-cross');
    expect((await bots.getBot('bot-1'))?.config.allocation).toBe(500);
    expect((await bots.listBotConfigVersions('bot-1')).map((row) => row.config.allocation)).toEqual(
      [1000, 500],
    );
    set('locked');
    await expect(bots.getBot('bot-1')).rejects.toBeInstanceOf(ConfigLockedError);
    expect(await bots.getBotState('bot-1')).toMatchObject({ status: 'stopped', configVersion: 2 });
    await bots.setBotStatus('bot-1', 'running', 3);
    await expect(bots.updateBotConfig('bot-1', BOT.config, 4)).rejects.toBeInstanceOf(
      ConfigLockedError,
    );
    set('unlocked');
    expect(await bots.getBot('bot-1')).toMatchObject({ status: 'running', configVersion: 2 });
  });
});
