import { describe, expect, it } from 'vitest';
import { startTestHost } from './testHost';

const PASS = 'correct horse battery staple';
const NEW = 'mauve kettle orbit 1987 fjord';
const API_KEY = 'vK3yAPIkey0000000000ZZ9q';
const SECRET = 'Zm9vYmFyLXNlY3JldC1wbGFpbnRleHQtOTk5';

const toHex = (text: string) =>
  [...new TextEncoder().encode(text)].map((byte) => byte.toString(16).padStart(2, '0')).join('');

/** Every row of every IndexedDB store of the host's database, as one string. */
async function dumpEveryStore(db: Awaited<ReturnType<typeof startTestHost>>['db']) {
  const rows: unknown[] = [];
  for (const table of db.tables) rows.push(table.name, await table.toArray());
  return JSON.stringify(rows);
}

describe('vault through the engine API', () => {
  it('sets up, reports field errors, and streams lock/unlock events', async () => {
    const { host, live } = await startTestHost({ vaultIterations: 1_000 });
    expect(await host.vaultStatus()).toEqual({
      ok: true,
      value: { state: 'none', autoLockMinutes: 15 },
    });
    expect(await host.setupVault('password123', 'password123')).toMatchObject({
      ok: false,
      fieldErrors: [{ field: 'passphrase' }],
    });
    expect(await host.setupVault(PASS, 'different')).toMatchObject({
      ok: false,
      fieldErrors: [{ field: 'confirmation' }],
    });
    expect(await host.setupVault(PASS, PASS)).toEqual({ ok: true, value: undefined });
    expect(host.vault.isUnlocked()).toBe(true);
    await host.lockVault();
    expect(await host.unlockVault('wrong')).toMatchObject({
      ok: false,
      error: 'Wrong passphrase.',
      fieldErrors: [{ field: 'passphrase', message: 'Wrong passphrase.' }],
    });
    expect((await host.unlockVault(PASS)).ok).toBe(true);
    expect(live.filter((event) => event.type === 'vault')).toEqual([
      { type: 'vault', state: 'unlocked', reason: 'setup' },
      { type: 'vault', state: 'locked', reason: 'locked' },
      { type: 'vault', state: 'unlocked', reason: 'unlocked' },
    ]);
    expect('getSecret' in host).toBe(false);
    await host.shutdown();
  });

  it('leaves no plaintext secret or passphrase in any IndexedDB store', async () => {
    const { host, db } = await startTestHost({ vaultIterations: 1_000 });
    await host.setupVault(PASS, PASS);
    const put = await host.putVaultSecret('acc-binance', { apiKey: API_KEY, secret: SECRET });
    expect(put).toMatchObject({
      ok: true,
      value: { id: 'acc-binance', hint: '••••ZZ9q' },
    });
    expect(await host.vault.getSecret('acc-binance')).toEqual({ apiKey: API_KEY, secret: SECRET });
    await host.changeVaultPassphrase(PASS, NEW, NEW);
    await host.lockVault();
    const dump = await dumpEveryStore(db);
    expect(dump).toContain('vaultSecrets');
    for (const plain of [SECRET, API_KEY, PASS, NEW]) {
      for (const form of [plain, btoa(plain), toHex(plain), encodeURIComponent(plain)]) {
        expect(dump).not.toContain(form);
      }
    }
    await host.shutdown();
  });

  it('a passphrase change failing inside the write transaction leaves the old vault usable', async () => {
    const { host, db } = await startTestHost({ vaultIterations: 1_000 });
    await host.setupVault(PASS, PASS);
    await host.putVaultSecret('acc-1', { apiKey: API_KEY, secret: SECRET });
    await host.putVaultSecret('acc-2', { apiKey: 'another-api-key-0001', secret: 'two' });
    const before = await dumpEveryStore(db);
    let writes = 0;
    const failSecondWrite = () => {
      writes += 1;
      if (writes === 2) throw new Error('injected failure');
    };
    db.vaultSecrets.hook('updating', failSecondWrite);
    const changed = await host.changeVaultPassphrase(PASS, NEW, NEW);
    expect(changed).toMatchObject({ ok: false, error: 'injected failure' });
    expect(writes).toBe(2);
    db.vaultSecrets.hook('updating').unsubscribe(failSecondWrite);
    expect(await dumpEveryStore(db)).toBe(before);
    await host.lockVault();
    expect((await host.unlockVault(NEW)).ok).toBe(false);
    expect((await host.unlockVault(PASS)).ok).toBe(true);
    expect(await host.vault.getSecret('acc-2')).toEqual({
      apiKey: 'another-api-key-0001',
      secret: 'two',
    });
    await host.shutdown();
  });

  it('auto-locks after idle time; user commands count as activity, reads do not', async () => {
    const { host, clock, live } = await startTestHost({ vaultIterations: 1_000 });
    await host.setupVault(PASS, PASS);
    expect((await host.setVaultAutoLock(1)).ok).toBe(true);
    clock.advance(50_000);
    await host.pauseBot('no-such-bot'); // a user command, even one that fails
    clock.advance(50_000);
    expect(host.vault.isUnlocked()).toBe(true);
    await host.listBots();
    await host.getStatus();
    clock.advance(10_000);
    expect(host.vault.isUnlocked()).toBe(false);
    expect(live.at(-1)).toEqual({ type: 'vault', state: 'locked', reason: 'idle' });
    expect((await host.vaultStatus()).ok && (await host.vaultStatus())).toMatchObject({
      value: { state: 'locked', autoLockMinutes: 1 },
    });
    await host.shutdown();
  });

  it('keeps the wrong-passphrase slow-down across a reload', async () => {
    const first = await startTestHost({ vaultIterations: 1_000 });
    await first.host.setupVault(PASS, PASS);
    await first.host.lockVault();
    for (const guess of ['a', 'b', 'c']) await first.host.unlockVault(guess);
    await first.host.shutdown();
    const second = await startTestHost({
      db: first.db,
      clock: first.clock,
      vaultIterations: 1_000,
    });
    const status = await second.host.vaultStatus();
    expect(status).toMatchObject({ ok: true, value: { state: 'locked' } });
    expect(status.ok && status.value.retryAt).toBeGreaterThan(second.clock.now());
    expect(await second.host.unlockVault(PASS)).toMatchObject({
      ok: false,
      error: expect.stringContaining('Too many wrong passphrases'),
    });
    await second.host.shutdown();
  });
});
