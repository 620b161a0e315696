import { Dexie } from 'dexie';
import { describe, expect, it, onTestFinished } from 'vitest';
import { declareMigrations, MIGRATIONS } from './migrations';
import { FlotillaDb } from './schema';
import { createTestDb, testDependencies, uniqueDbName } from './testDb';
import { createVaultRepository } from './vaultRepository';
import type { VaultSecretRow } from './schema';

const row = (id: string, data = `ct-${id}`): VaultSecretRow => ({
  id,
  kind: 'credentials',
  hint: '',
  envelope: { v: 1, iv: 'aXY=', data },
  updatedAt: 1,
});

describe('vault repository (v6)', () => {
  it('stores records and sealed secrets; addRecord refuses an existing key', async () => {
    const repo = createVaultRepository(createTestDb());
    expect(await repo.getRecord('header')).toBeUndefined();
    await repo.addRecord('header', { kdf: 1 });
    await expect(repo.addRecord('header', { kdf: 2 })).rejects.toThrow();
    expect(await repo.getRecord('header')).toEqual({ kdf: 1 });
    await repo.putSecret(row('b'));
    await repo.putSecret(row('a'));
    expect((await repo.listSecrets()).map((secret) => secret.id)).toEqual(['a', 'b']);
    await repo.deleteSecret('a');
    expect(await repo.getSecret('a')).toBeUndefined();
  });

  it('replaceAll is all or nothing and refuses to leave a secret behind', async () => {
    const repo = createVaultRepository(createTestDb());
    await repo.putRecord('header', 'old');
    await repo.putSecret(row('a'));
    await repo.putSecret(row('b'));
    await expect(
      repo.replaceAll([{ key: 'header', value: 'new' }], [row('a', 'x')]),
    ).rejects.toThrow('1 secret(s) not re-encrypted');
    expect(await repo.getRecord('header')).toBe('old');
    expect((await repo.getSecret('a'))?.envelope.data).toBe('ct-a');
    await repo.replaceAll([{ key: 'header', value: 'new' }], [row('a', 'x'), row('b', 'y')]);
    expect(await repo.getRecord('header')).toBe('new');
    expect((await repo.listSecrets()).map((secret) => secret.envelope.data)).toEqual(['x', 'y']);
    await repo.clear();
    expect(await repo.getRecord('header')).toBeUndefined();
    expect(await repo.listSecrets()).toEqual([]);
  });

  it('upgrades a v3 database: existing data stays, the vault tables appear empty', async () => {
    const name = uniqueDbName();
    const old = new Dexie(name, testDependencies);
    declareMigrations(
      old,
      MIGRATIONS.filter((migration) => migration.version <= 3),
    );
    await old.table('settings').put({ key: 'theme', value: 'dark' });
    old.close();
    const db = new FlotillaDb(name, testDependencies);
    onTestFinished(() => db.close());
    expect(await db.settings.get('theme')).toEqual({ key: 'theme', value: 'dark' });
    expect(await db.vault.count()).toBe(0);
    expect(await db.vaultSecrets.count()).toBe(0);
  });
});
