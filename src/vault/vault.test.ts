import { describe, expect, it } from 'vitest';
import { createManualClock } from '../core/time';
import { createMemoryVaultStore } from './testSupport';
import { createVault, VaultLockedError, type VaultChange } from './vault';

const GOOD = 'correct horse battery staple';
const NEW = 'mauve kettle orbit 1987 fjord';
const CREDS = { apiKey: 'AKIA1234567890abcdef', secret: 'sup3r-s3cret-value-xyz' };

function setup(options: { iterations?: number } = {}) {
  const store = createMemoryVaultStore();
  const clock = createManualClock(Date.UTC(2026, 0, 1));
  const vault = createVault({
    store,
    clock,
    timers: clock,
    kdfIterations: options.iterations ?? 1_000,
  });
  const changes: VaultChange[] = [];
  vault.onChange((change) => changes.push(change));
  return { store, clock, vault, changes };
}

describe('vault state machine', () => {
  it('starts with no vault; setup refuses weak and mismatched passphrases, then unlocks', async () => {
    const { vault, store, changes } = setup();
    expect((await vault.status()).state).toBe('none');
    await expect(vault.setup('password123', 'password123')).rejects.toMatchObject({
      field: 'passphrase',
      message: expect.stringMatching(/too weak/i),
    });
    await expect(vault.setup(GOOD, `${GOOD}!`)).rejects.toMatchObject({ field: 'confirmation' });
    expect(store.header).toBeUndefined();
    await vault.setup(GOOD, GOOD);
    expect(await vault.status()).toMatchObject({ state: 'unlocked', autoLockMinutes: 15 });
    expect(changes).toEqual([{ state: 'unlocked', reason: 'setup' }]);
    expect(store.header?.kdf).toMatchObject({ algorithm: 'PBKDF2-SHA256', iterations: 1_000 });
    expect(store.header?.envelopeVersion).toBe(1);
    await expect(vault.setup(GOOD, GOOD)).rejects.toThrow('already set up');
  });

  it('stores credentials only as ciphertext and gives them back while unlocked', async () => {
    const { vault, store } = setup();
    await vault.setup(GOOD, GOOD);
    const info = await vault.putSecret('acc-1', CREDS);
    expect(info).toMatchObject({ id: 'acc-1', kind: 'credentials', hint: '••••cdef' });
    expect(JSON.stringify([...store.secrets.values()])).not.toContain(CREDS.secret);
    expect(JSON.stringify([...store.secrets.values()])).not.toContain(CREDS.apiKey);
    expect(await vault.getSecret('acc-1')).toEqual(CREDS);
    expect(await vault.listSecrets()).toEqual([info]);
    vault.lock();
    await expect(vault.getSecret('acc-1')).rejects.toBeInstanceOf(VaultLockedError);
    await expect(vault.putSecret('acc-2', CREDS)).rejects.toBeInstanceOf(VaultLockedError);
    expect(await vault.listSecrets()).toEqual([info]);
    await vault.unlock(GOOD);
    expect(await vault.getSecret('acc-1')).toEqual(CREDS);
    await vault.deleteSecret('acc-1');
    await expect(vault.getSecret('acc-1')).rejects.toThrow('No credentials');
  });

  it('refuses bad credentials naming the field, never the value', async () => {
    const { vault } = setup();
    await vault.setup(GOOD, GOOD);
    const error = await vault
      .putSecret('acc-1', { apiKey: 'k', secret: 42 } as unknown as Record<string, string>)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ field: 'credentials.secret' });
    await expect(vault.putSecret('', CREDS)).rejects.toMatchObject({ field: 'id' });
    await expect(vault.putSecret('acc', {})).rejects.toMatchObject({ field: 'credentials' });
  });

  it('says "Wrong passphrase", reveals nothing, and slows down repeated failures (persisted)', async () => {
    const { vault, store, clock } = setup();
    await vault.setup(GOOD, GOOD);
    await vault.putSecret('acc-1', CREDS);
    vault.lock();
    await expect(vault.unlock('nope')).rejects.toThrow(/^Wrong passphrase\.$/);
    await expect(vault.unlock('nope again')).rejects.toThrow(/^Wrong passphrase\.$/);
    await expect(vault.unlock('third try')).rejects.toThrow(
      'Wrong passphrase. Wait 5 seconds before trying again.',
    );
    expect(store.throttle.failures).toBe(3);
    // A fresh vault object on the same store (a reload) still has to wait: even the right one.
    const reloaded = createVault({ store, clock, timers: clock, kdfIterations: 1_000 });
    expect((await reloaded.status()).retryAt).toBe(clock.now() + 5_000);
    await expect(reloaded.unlock(GOOD)).rejects.toThrow(
      'Too many wrong passphrases: try again in 5 seconds.',
    );
    clock.advance(5_000);
    await expect(reloaded.unlock('fourth')).rejects.toThrow('Wait 10 seconds');
    clock.advance(10_000);
    await reloaded.unlock(GOOD);
    expect(store.throttle).toEqual({ failures: 0, retryAt: 0 });
    expect(await reloaded.getSecret('acc-1')).toEqual(CREDS);
  });

  it('auto-locks after the idle time; activity restarts the timer', async () => {
    const { vault, clock, changes } = setup();
    await vault.setup(GOOD, GOOD);
    await vault.setAutoLockMinutes(5);
    clock.advance(4 * 60_000);
    vault.touch();
    clock.advance(4 * 60_000);
    expect(vault.isUnlocked()).toBe(true);
    clock.advance(60_000);
    expect(vault.isUnlocked()).toBe(false);
    expect(changes.at(-1)).toEqual({ state: 'locked', reason: 'idle' });
    expect((await vault.status()).state).toBe('locked');
    await expect(vault.setAutoLockMinutes(0)).rejects.toMatchObject({ field: 'autoLockMinutes' });
    await expect(vault.setAutoLockMinutes(1.5)).rejects.toMatchObject({ field: 'autoLockMinutes' });
  });

  it('changes the passphrase: old one no longer opens, secrets still readable', async () => {
    const { vault, store, changes } = setup();
    await vault.setup(GOOD, GOOD);
    await vault.putSecret('acc-1', CREDS);
    await vault.putSecret('acc-2', { apiKey: 'second', secret: 'two' });
    const before = structuredClone(store.header);
    await expect(vault.changePassphrase('wrong', NEW, NEW)).rejects.toMatchObject({
      field: 'current',
      message: 'Wrong passphrase.',
    });
    await expect(vault.changePassphrase(GOOD, 'weak', 'weak')).rejects.toMatchObject({
      field: 'passphrase',
    });
    await vault.changePassphrase(GOOD, NEW, NEW);
    expect(changes.at(-1)).toEqual({ state: 'unlocked', reason: 'passphrase-changed' });
    expect(store.header?.kdf.salt).not.toBe(before?.kdf.salt);
    vault.lock();
    await expect(vault.unlock(GOOD)).rejects.toThrow('Wrong passphrase');
    await vault.unlock(NEW);
    expect(await vault.getSecret('acc-1')).toEqual(CREDS);
    expect(await vault.getSecret('acc-2')).toEqual({ apiKey: 'second', secret: 'two' });
  });

  it('a passphrase change that fails half-way leaves the old vault intact', async () => {
    const { vault, store } = setup();
    await vault.setup(GOOD, GOOD);
    await vault.putSecret('acc-1', CREDS);
    const before = structuredClone({ header: store.header, secrets: [...store.secrets] });
    store.failRekey = new Error('disk full');
    await expect(vault.changePassphrase(GOOD, NEW, NEW)).rejects.toThrow('disk full');
    expect({ header: store.header, secrets: [...store.secrets] }).toEqual(before);
    expect(await vault.getSecret('acc-1')).toEqual(CREDS);
    vault.lock();
    await expect(vault.unlock(NEW)).rejects.toThrow('Wrong passphrase');
    await vault.unlock(GOOD);
    expect(await vault.getSecret('acc-1')).toEqual(CREDS);
  });

  it('raises KDF iterations below the current floor on the next unlock', async () => {
    const store = createMemoryVaultStore();
    const clock = createManualClock(0);
    const old = createVault({ store, clock, timers: clock, kdfIterations: 1_000 });
    await old.setup(GOOD, GOOD);
    await old.putSecret('acc-1', CREDS);
    const current = createVault({ store, clock, timers: clock, kdfIterations: 2_000 });
    await current.unlock(GOOD);
    expect(store.header?.kdf.iterations).toBe(2_000);
    expect(await current.getSecret('acc-1')).toEqual(CREDS);
  });

  it('never puts a passphrase or a secret into an error message', async () => {
    const { vault } = setup();
    await vault.setup(GOOD, GOOD);
    await vault.putSecret('acc-1', CREDS);
    vault.lock();
    const messages: string[] = [];
    for (const attempt of [
      () => vault.unlock('my-wrong-guess-123'),
      () => vault.getSecret('acc-1'),
    ]) {
      await attempt().catch((error: Error) => messages.push(error.message));
    }
    expect(messages).toHaveLength(2);
    for (const message of messages) {
      for (const secret of [GOOD, 'my-wrong-guess-123', CREDS.secret, CREDS.apiKey]) {
        expect(message).not.toContain(secret);
      }
    }
  });

  it('erasing (a forgotten passphrase) deletes the vault and every secret', async () => {
    const { vault, store, changes } = setup();
    await vault.setup(GOOD, GOOD);
    await vault.putSecret('acc-1', CREDS);
    vault.lock();
    await vault.unlock('forgotten').catch(() => undefined);
    await vault.erase();
    expect(await vault.status()).toMatchObject({ state: 'none' });
    expect(store.secrets.size).toBe(0);
    expect(store.header).toBeUndefined();
    expect(changes.at(-1)).toEqual({ state: 'none', reason: 'erased' });
    await vault.setup(NEW, NEW);
    expect(await vault.listSecrets()).toEqual([]);
  });
});
