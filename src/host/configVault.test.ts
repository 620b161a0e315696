import { describe, expect, it } from 'vitest';
import type { BotConfig } from '../core/bot/types';
import { WAITING_FOR_VAULT } from './liveWaiting';
import { startTestHost, type TestHost } from './testHost';

const PASS = 'correct horse battery staple';
const NEW = 'mauve kettle orbit 1987 fjord';
const NAME = 'Zephyr-7Q sealed';

const BOT: BotConfig = {
  name: NAME,
  mode: 'simulated',
  accountId: 'sim-default',
  symbol: 'BTC/USDT',
  strategyId: 'sma-crossover',
  timeframe: '1m',
  params: { fast: 3, slow: 37 },
  allocation: 1000,
};

async function createStarted(test: TestHost, config: BotConfig = BOT): Promise<string> {
  const created = await test.host.createBot(config, { start: true });
  if (!created.ok) throw new Error(created.error);
  return created.value.id;
}

/** The bots, their config history and events as stored, as one string. */
async function storedBots(test: TestHost): Promise<string> {
  const { db } = test;
  return JSON.stringify([
    await db.bots.toArray(),
    await db.botConfigs.toArray(),
    await db.events.toArray(),
  ]);
}

const reopen = (test: TestHost) =>
  startTestHost({ db: test.db, clock: test.clock, vaultIterations: 1_000 });

describe('bot configurations and the vault', () => {
  it('before any vault, configs are stored in clear and simulated bots resume after a reload', async () => {
    const first = await startTestHost({ vaultIterations: 1_000 });
    const id = await createStarted(first);
    expect(await storedBots(first)).toContain(NAME);
    await first.host.shutdown();
    const second = await reopen(first);
    const listed = await second.host.listBots();
    expect(listed.ok && listed.value.map((summary) => [summary.bot.id, summary.isLoaded])).toEqual([
      [id, true],
    ]);
    expect((await second.host.configKey()).ok && (await second.host.configKey())).toEqual({
      ok: true,
      value: undefined,
    });
    await second.host.shutdown();
  });

  it('setting up a vault seals every config and history row; new and edited ones are sealed too', async () => {
    const test = await startTestHost({ vaultIterations: 1_000 });
    const id = await createStarted(test);
    expect((await test.host.updateBot(id, { ...BOT, allocation: 900 })).ok).toBe(true);
    await test.host.setupVault(PASS, PASS);
    await test.host.idle();
    expect(await storedBots(test)).not.toContain(NAME);
    expect(await storedBots(test)).not.toContain('"slow":37');
    const second = await test.host.createBot({ ...BOT, name: `${NAME} two` });
    expect(second.ok).toBe(true);
    expect(await storedBots(test)).not.toContain(NAME);
    const rows = await test.db.bots.toArray();
    expect(rows.every((row) => row.config === undefined && row.sealedConfig !== undefined)).toBe(
      true,
    );
    const listed = await test.host.listBots();
    expect(listed.ok && listed.value.map((summary) => summary.bot.config.name)).toEqual([
      NAME,
      `${NAME} two`,
    ]);
    // The key handed to tabs is non-extractable: it decrypts, its bytes never leave WebCrypto.
    const key = await test.host.configKey();
    if (!key.ok || !key.value) throw new Error('no config key while unlocked');
    expect(key.value.extractable).toBe(false);
    await test.host.lockVault();
    expect(await test.host.configKey()).toEqual({ ok: true, value: undefined });
    // Running bots keep being managed while locked; nothing new can be created.
    await test.play(2);
    expect((await test.db.bots.get(id))?.status).toBe('running');
    expect((await test.host.createBot({ ...BOT, name: 'Locked out' })).ok).toBe(false);
    await test.host.shutdown();
  });

  it('a passphrase change keeps configs readable without re-encrypting them', async () => {
    const test = await startTestHost({ vaultIterations: 1_000 });
    await test.host.setupVault(PASS, PASS);
    const id = await createStarted(test);
    const sealed = (await test.db.bots.get(id))?.sealedConfig;
    expect((await test.host.changeVaultPassphrase(PASS, NEW, NEW)).ok).toBe(true);
    expect((await test.db.bots.get(id))?.sealedConfig).toEqual(sealed);
    await test.host.shutdown();
    const again = await reopen(test);
    expect((await again.host.unlockVault(PASS)).ok).toBe(false);
    expect((await again.host.unlockVault(NEW)).ok).toBe(true);
    await again.host.idle();
    const listed = await again.host.listBots();
    expect(listed.ok && listed.value[0]?.bot.config.name).toBe(NAME);
    await again.host.shutdown();
  });

  it('after a reload with the vault locked no bot resumes; unlocking resumes them', async () => {
    const first = await startTestHost({ vaultIterations: 1_000 });
    await first.host.setupVault(PASS, PASS);
    const id = await createStarted(first);
    await first.play(3);
    await first.host.shutdown();

    const second = await reopen(first);
    expect(await second.db.bots.get(id)).toMatchObject({
      status: 'running',
      statusNote: WAITING_FOR_VAULT,
    });
    const events = await second.db.events.where('botId').equals(id).toArray();
    expect(events.at(-1)?.message).toContain('its configuration is encrypted');
    expect((await second.host.startBot(id)).ok).toBe(false);
    expect((await second.host.unlockVault(PASS)).ok).toBe(true);
    await second.host.idle();
    const listed = await second.host.listBots();
    expect(listed.ok && listed.value.map((summary) => summary.isLoaded)).toEqual([true]);
    expect(await second.db.bots.get(id)).not.toHaveProperty('statusNote');
    await second.play(2);
    expect((await second.db.bots.get(id))?.status).toBe('running');
    await second.host.shutdown();
  });

  it('erasing an unlocked vault opens every config back to clear', async () => {
    const test = await startTestHost({ vaultIterations: 1_000 });
    await test.host.setupVault(PASS, PASS);
    const id = await createStarted(test);
    expect((await test.host.eraseVault()).ok).toBe(true);
    const row = await test.db.bots.get(id);
    expect(row?.config?.name).toBe(NAME);
    expect(row?.sealedConfig).toBeUndefined();
    expect((await test.db.botConfigs.toArray()).every((version) => version.config)).toBe(true);
    expect((await test.host.vaultStatus()).ok).toBe(true);
    // No vault: configs are written in clear again and the bot keeps running.
    expect((await test.host.updateBot(id, { ...BOT, allocation: 800 })).ok).toBe(true);
    expect((await test.db.bots.get(id))?.config?.allocation).toBe(800);
    await test.play(1);
    expect((await test.db.bots.get(id))?.status).toBe('running');
    await test.host.shutdown();
  });

  it('erasing a locked vault deletes the bots whose configs it sealed, all at once', async () => {
    const first = await startTestHost({ vaultIterations: 1_000 });
    await first.host.setupVault(PASS, PASS);
    const id = await createStarted(first);
    await first.play(3);
    expect(await first.db.equity.count()).toBeGreaterThan(0);
    await first.host.lockVault();
    expect((await first.host.eraseVault()).ok).toBe(true);
    await first.host.idle();
    expect(await first.db.bots.count()).toBe(0);
    expect(await first.db.botConfigs.count()).toBe(0);
    expect(await first.db.vault.count()).toBe(0);
    const deleted = await first.db.events.where('type').equals('deleted').toArray();
    expect(deleted.map((event) => event.botId)).toEqual([id]);
    const listed = await first.host.listBots();
    expect(listed.ok && listed.value).toEqual([]);
    await first.play(2);
    // Unloaded with the erase: nothing of the deleted bot is written afterwards.
    const { db } = first;
    for (const table of [db.bots, db.orders, db.fills, db.ledgers, db.equity, db.runtime]) {
      expect(await table.count()).toBe(0);
    }
    await first.host.shutdown();
  });
});
