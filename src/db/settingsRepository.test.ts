import { describe, expect, it } from 'vitest';
import {
  createAppSettingsRepository,
  createSettingsRepository,
  DEFAULT_SETTINGS,
} from './settingsRepository';
import { createTestDb } from './testDb';

describe('settingsRepository', () => {
  it('reads defaults until a value is set, and again after reset', async () => {
    const settings = createAppSettingsRepository(createTestDb());
    expect(await settings.get('theme')).toBe('system');
    await settings.set('theme', 'dark');
    await settings.set('vaultAutoLockMinutes', 5);
    expect(await settings.get('theme')).toBe('dark');
    expect(await settings.getAll()).toEqual({
      ...DEFAULT_SETTINGS,
      theme: 'dark',
      vaultAutoLockMinutes: 5,
    });
    await settings.reset('theme');
    expect(await settings.get('theme')).toBe('system');
  });

  it('rejects unknown keys, wrong types and invalid values, naming the key', async () => {
    const db = createTestDb();
    const settings = createAppSettingsRepository(db);
    const loose = settings as unknown as { set(key: string, value: unknown): Promise<void> };
    await expect(loose.set('nope', 1)).rejects.toThrow(/^nope is not a known setting/);
    await expect(loose.set('vaultAutoLockMinutes', '5')).rejects.toThrow(
      /^vaultAutoLockMinutes must be a number/,
    );
    await expect(settings.set('vaultAutoLockMinutes', 0)).rejects.toThrow(/^vaultAutoLockMinutes /);
    await expect(loose.set('theme', 'neon')).rejects.toThrow(/^theme /);
    await expect(settings.set('corsProxyUrl', 'not a url')).rejects.toThrow(/^corsProxyUrl /);
    await settings.set('corsProxyUrl', 'http://127.0.0.1:8787/');
    expect(await db.settings.count()).toBe(1);
  });

  it('reads a stored value of the wrong type as the default', async () => {
    const db = createTestDb();
    await db.settings.put({ key: 'vaultAutoLockMinutes', value: 'soon' });
    const settings = createAppSettingsRepository(db);
    expect(await settings.get('vaultAutoLockMinutes')).toBe(15);
    expect((await settings.getAll()).vaultAutoLockMinutes).toBe(15);
  });

  it('works for any settings shape', async () => {
    const settings = createSettingsRepository(createTestDb(), { showTips: true, pageSize: 50 });
    await settings.set('showTips', false);
    expect(await settings.getAll()).toEqual({ showTips: false, pageSize: 50 });
  });
});
