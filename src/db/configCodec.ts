/**
 * How bot configurations are stored: the ConfigCodec port every reader and writer of `bots` and
 * `botConfigs` goes through. Before a vault exists a config is stored in clear (`config`); once
 * one exists it is sealed (`sealedConfig`, an envelope authenticated with the row's context) by
 * a cipher the caller provides — the vault's config key — since this layer never imports the
 * vault. While the vault is locked nothing can be sealed, and a sealed config does not open.
 */
import type { Bot, BotConfig } from '../core/bot/types';
import type { BotConfigRecord, SealedValue, StoredBot, StoredBotConfig } from './schema';

/** Encrypts and decrypts values for one context (the vault's config key, on WebCrypto). */
export interface ConfigCipher {
  seal(value: unknown, context: string): Promise<SealedValue>;
  open(sealed: SealedValue, context: string): Promise<unknown>;
}

/** Where the configs' key stands: no vault (clear), a locked vault, or the cipher to use. */
export type ConfigKeyState =
  { kind: 'none' } | { kind: 'locked' } | { kind: 'unlocked'; cipher: ConfigCipher };

/** The stored form of a config: one of the two fields, never both. */
export type StoredConfig =
  | { config: BotConfig; sealedConfig?: undefined }
  | { sealedConfig: SealedValue; config?: undefined };

export class ConfigLockedError extends Error {
  override name = 'ConfigLockedError';
  constructor() {
    super('Bot configurations are encrypted and the vault is locked: unlock it first.');
  }
}

export interface ConfigCodec {
  /** The stored form of `config` under `context`: sealed when a vault exists. */
  encode(config: BotConfig, context: string): Promise<StoredConfig>;
  /** The config of a stored row; throws ConfigLockedError for a sealed one while locked. */
  decode(stored: StoredConfig, context: string): Promise<BotConfig>;
  /** Any JSON value (e.g. a form draft) sealed under `context`; undefined before a vault. */
  sealValue(value: unknown, context: string): Promise<SealedValue | undefined>;
  /** Opens a value sealed with sealValue; throws ConfigLockedError while locked. */
  openValue(sealed: SealedValue, context: string): Promise<unknown>;
}

/** The context a bot row's config is sealed with. */
export const botContext = (botId: string): string => `botConfig:${botId}`;
/** The context a config-history row is sealed with. */
export const versionContext = (botId: string, version: number): string =>
  `botConfig:${botId}:${version}`;

/** Stores every config in clear: for databases without a vault (and most tests). */
export const CLEAR_CODEC: ConfigCodec = createConfigCodec(() => ({ kind: 'none' }));

export function createConfigCodec(
  keyState: () => ConfigKeyState | Promise<ConfigKeyState>,
): ConfigCodec {
  return {
    async encode(config, context) {
      const state = await keyState();
      if (state.kind === 'none') return { config };
      if (state.kind === 'locked') throw new ConfigLockedError();
      return { sealedConfig: await state.cipher.seal(config, context) };
    },
    async sealValue(value, context) {
      const state = await keyState();
      if (state.kind === 'none') return undefined;
      if (state.kind === 'locked') throw new ConfigLockedError();
      return state.cipher.seal(value, context);
    },
    async openValue(sealed, context) {
      const state = await keyState();
      if (state.kind !== 'unlocked') throw new ConfigLockedError();
      return state.cipher.open(sealed, context);
    },
    async decode(stored, context) {
      if (stored.sealedConfig === undefined) {
        if (stored.config === undefined)
          throw new Error(`No configuration is stored (${context}).`);
        return stored.config;
      }
      const state = await keyState();
      if (state.kind !== 'unlocked') throw new ConfigLockedError();
      return (await state.cipher.open(stored.sealedConfig, context)) as BotConfig;
    },
  };
}

/** Splits a stored row into its clear fields and its stored config. */
function splitBot(row: StoredBot): { rest: Omit<Bot, 'config'>; stored: StoredConfig } {
  const { config, sealedConfig, ...rest } = row;
  return {
    rest,
    stored: sealedConfig === undefined ? { config: config as BotConfig } : { sealedConfig },
  };
}

/** A stored bot row with its config decoded. */
export async function decodeBot(codec: ConfigCodec, row: StoredBot): Promise<Bot> {
  const { rest, stored } = splitBot(row);
  return { ...rest, config: await codec.decode(stored, botContext(row.id)) };
}

/** Stored bot rows decoded, in the same order. */
export function decodeBots(codec: ConfigCodec, rows: readonly StoredBot[]): Promise<Bot[]> {
  return Promise.all(rows.map((row) => decodeBot(codec, row)));
}

/** A bot as it is stored: the config encoded by `codec`. */
export async function encodeBot(codec: ConfigCodec, bot: Bot): Promise<StoredBot> {
  const { config, ...rest } = bot;
  return { ...rest, ...(await codec.encode(config, botContext(bot.id))) };
}

/** A stored config-history row with its config decoded. */
export async function decodeVersion(
  codec: ConfigCodec,
  row: StoredBotConfig,
): Promise<BotConfigRecord> {
  const { config, sealedConfig, ...rest } = row;
  const stored: StoredConfig =
    sealedConfig === undefined ? { config: config as BotConfig } : { sealedConfig };
  return { ...rest, config: await codec.decode(stored, versionContext(row.botId, row.version)) };
}

/** A config-history row as it is stored. */
export async function encodeVersion(
  codec: ConfigCodec,
  record: BotConfigRecord,
): Promise<StoredBotConfig> {
  const { config, ...rest } = record;
  return {
    ...rest,
    ...(await codec.encode(config, versionContext(record.botId, record.version))),
  };
}

/** Whether a stored row's config is sealed (unreadable without the vault's config key). */
export const isSealed = (row: StoredBot | StoredBotConfig): boolean =>
  row.sealedConfig !== undefined;
