import { describe, expect, it } from 'vitest';
import { createManualClock } from '../core/time';
import { CONFIG_KEY_ID, keyCipher } from './configKey';
import { createMemoryVaultStore } from './testSupport';
import { createVault } from './vault';

const GOOD = 'correct horse battery staple';
const NEW = 'mauve kettle orbit 1987 fjord';

function setup() {
  const store = createMemoryVaultStore();
  const clock = createManualClock(Date.UTC(2026, 0, 1));
  const vault = createVault({ store, clock, timers: clock, kdfIterations: 1_000 });
  return { store, vault };
}

describe('the config key', () => {
  it('is created with the vault, sealed as a hidden secret, and dropped on lock', async () => {
    const { vault, store } = setup();
    expect(vault.configKey()).toBeUndefined();
    await vault.setup(GOOD, GOOD);
    const key = vault.configKey();
    expect(key?.extractable).toBe(false);
    expect(store.secrets.get(CONFIG_KEY_ID)?.kind).toBe('dataKey');
    expect(await vault.listSecrets()).toEqual([]);
    vault.lock();
    expect(vault.configKey()).toBeUndefined();
  });

  it('stays the same key across a passphrase change and a reload, so old configs open', async () => {
    const { vault, store } = setup();
    await vault.setup(GOOD, GOOD);
    const sealed = await keyCipher(vault.configKey() as CryptoKey).seal({ a: 1 }, 'botConfig:x');
    const storedBefore = store.secrets.get(CONFIG_KEY_ID)?.envelope;
    await vault.changePassphrase(GOOD, NEW, NEW);
    expect(store.secrets.get(CONFIG_KEY_ID)?.envelope).not.toEqual(storedBefore);
    const clock = createManualClock(Date.UTC(2026, 0, 2));
    const reopened = createVault({ store, clock, timers: clock, kdfIterations: 1_000 });
    await reopened.unlock(NEW);
    const cipher = keyCipher(reopened.configKey() as CryptoKey);
    expect(await cipher.open(sealed, 'botConfig:x')).toEqual({ a: 1 });
    await expect(cipher.open(sealed, 'botConfig:y')).rejects.toThrow('could not be decrypted');
  });

  it('is added at the first unlock of a vault set up before it existed', async () => {
    const { vault, store } = setup();
    await vault.setup(GOOD, GOOD);
    store.secrets.delete(CONFIG_KEY_ID);
    vault.lock();
    await vault.unlock(GOOD);
    expect(vault.configKey()).toBeDefined();
    expect(store.secrets.has(CONFIG_KEY_ID)).toBe(true);
  });

  it('cannot be overwritten, read or deleted as credentials', async () => {
    const { vault, store } = setup();
    await vault.setup(GOOD, GOOD);
    const before = store.secrets.get(CONFIG_KEY_ID);
    await expect(vault.putSecret(CONFIG_KEY_ID, { apiKey: 'x' })).rejects.toMatchObject({
      field: 'id',
    });
    await expect(vault.getSecret(CONFIG_KEY_ID)).rejects.toMatchObject({ field: 'id' });
    await expect(vault.deleteSecret(CONFIG_KEY_ID)).rejects.toMatchObject({ field: 'id' });
    expect(store.secrets.get(CONFIG_KEY_ID)).toEqual(before);
  });
});
