/**
 * Typed app settings in the key/value `settings` table. Each key has a default, so reading a
 * setting never yields undefined, and a stored value of the wrong type reads as the default.
 */
import type { FlotillaDb } from './schema';
import { ValidationError } from './validation';

export interface AppSettings {
  theme: 'system' | 'light' | 'dark';
  /** Minutes without activity before the vault locks again. */
  vaultAutoLockMinutes: number;
  /** CORS proxy handed to ccxt as `proxyUrl` (`npm run cors-proxy`); empty when unused. */
  corsProxyUrl: string;
}

export const DEFAULT_SETTINGS: AppSettings = {
  theme: 'system',
  vaultAutoLockMinutes: 15,
  corsProxyUrl: '',
};

/** Returns a problem description when `value` is not acceptable for the key. */
export type SettingValidators<S> = { [K in keyof S]?: (value: S[K]) => string | undefined };

export const APP_SETTING_VALIDATORS: SettingValidators<AppSettings> = {
  theme: (value) =>
    ['system', 'light', 'dark'].includes(value) ? undefined : 'must be system, light or dark',
  vaultAutoLockMinutes: (value) =>
    Number.isInteger(value) && value >= 1 ? undefined : 'must be a whole number of minutes ≥ 1',
  corsProxyUrl: (value) =>
    value === '' || /^https?:\/\/\S+$/.test(value) ? undefined : 'must be an http(s) URL or empty',
};

export interface SettingsRepository<S> {
  get<K extends keyof S & string>(key: K): Promise<S[K]>;
  set<K extends keyof S & string>(key: K, value: S[K]): Promise<void>;
  /** Every setting, stored values over defaults. */
  getAll(): Promise<S>;
  /** Forgets the stored value so the default applies again. */
  reset(key: keyof S & string): Promise<void>;
}

export function createSettingsRepository<S extends object>(
  db: FlotillaDb,
  defaults: S,
  validators: SettingValidators<S> = {},
): SettingsRepository<S> {
  const isKnown = (key: string): key is keyof S & string => Object.hasOwn(defaults, key);
  const hasDefaultType = (key: keyof S, value: unknown) => typeof value === typeof defaults[key];

  return {
    async get(key) {
      const row = await db.settings.get(key);
      return row && hasDefaultType(key, row.value) ? (row.value as S[typeof key]) : defaults[key];
    },
    async set(key, value) {
      if (!isKnown(key)) throw new ValidationError(key, 'is not a known setting');
      if (!hasDefaultType(key, value)) {
        throw new ValidationError(key, `must be a ${typeof defaults[key]}`);
      }
      const problem = validators[key]?.(value);
      if (problem !== undefined) throw new ValidationError(key, problem);
      await db.settings.put({ key, value });
    },
    async getAll() {
      const all = { ...defaults };
      for (const { key, value } of await db.settings.toArray()) {
        if (isKnown(key) && hasDefaultType(key, value)) all[key] = value as S[typeof key];
      }
      return all;
    },
    async reset(key) {
      await db.settings.delete(key);
    },
  };
}

/** The app's settings with their defaults and checks. */
export function createAppSettingsRepository(db: FlotillaDb): SettingsRepository<AppSettings> {
  return createSettingsRepository(db, DEFAULT_SETTINGS, APP_SETTING_VALIDATORS);
}
