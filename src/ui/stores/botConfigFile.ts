/**
 * Bot configs as JSON files: what "Export config" writes (a small envelope naming the format
 * and the bot's config version) and how "Import config" reads one back. Import checks the
 * file's shape, then the engine's own rules (checkBotConfig: account, market, template,
 * parameters, risk), and names the field of every problem. Allocation is checked only for
 * being positive: whether the account still has room is the review step's concern.
 */
import type { BotConfig } from '../../core/bot/types';
import type { Market } from '../../core/market/types';
import type { StrategyInfo } from '../../core/strategy/types';
import { checkBotConfig } from '../../host/checkBotConfig';
import type { FieldError } from '../../host/engineApi';

export const CONFIG_FILE_FORMAT = 'flotilla-bot-config';

export interface BotConfigFile {
  format: typeof CONFIG_FILE_FORMAT;
  /** Version of the file format. */
  formatVersion: 1;
  /** The exported bot's config version. */
  configVersion: number;
  config: BotConfig;
}

/** The file "Export config" writes for a bot's current config. */
export function toConfigFile(config: BotConfig, configVersion: number): BotConfigFile {
  return { format: CONFIG_FILE_FORMAT, formatVersion: 1, configVersion, config };
}

/** A safe file name for a bot's exported config, e.g. "btc-trend.flotilla-bot.json". */
export function configFileName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'bot'}.flotilla-bot.json`;
}

export interface ImportContext {
  accountIds: readonly string[];
  /** Markets of the account(s), by symbol. */
  markets: Record<string, Market>;
  strategies: readonly StrategyInfo[];
}

export type ImportResult = { ok: true; config: BotConfig } | { ok: false; errors: FieldError[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const TEXT_FIELDS = ['name', 'mode', 'accountId', 'symbol', 'strategyId', 'timeframe'] as const;

/** Shape problems the engine's check would misreport (a missing text field, params not an object). */
function shapeErrors(config: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of TEXT_FIELDS) {
    if (typeof config[field] !== 'string') {
      errors.push({ field, message: `"${field}" is missing or not text.` });
    }
  }
  if (config.params !== undefined && !isRecord(config.params)) {
    errors.push({ field: 'params', message: '"params" must be an object of parameter values.' });
  }
  if (typeof config.allocation !== 'number') {
    errors.push({ field: 'allocation', message: '"allocation" is missing or not a number.' });
  }
  return errors;
}

/**
 * Reads an exported file (or a bare config object) from `text`.
 * @example parseConfigFile('{"config":{…,"params":{"fast":1}}}', context)
 * // { ok: false, errors: [{ field: 'params.fast', message: 'Fast period must be …' }] }
 */
export function parseConfigFile(text: string, context: ImportContext): ImportResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return { ok: false, errors: [{ field: 'file', message: `Not valid JSON: ${reason}` }] };
  }
  const raw = isRecord(parsed) && isRecord(parsed.config) ? parsed.config : parsed;
  if (!isRecord(raw)) {
    return {
      ok: false,
      errors: [{ field: 'file', message: 'The file holds no bot config (expected an object).' }],
    };
  }
  const shape = shapeErrors(raw);
  if (shape.length > 0) return { ok: false, errors: shape };
  const config = { ...raw, params: raw.params ?? {} } as unknown as BotConfig;
  const errors = checkBotConfig(config, {
    accountExists: context.accountIds.includes(config.accountId),
    markets: context.markets,
    strategies: context.strategies,
    unallocated: () => Infinity,
  });
  const unknown = Object.keys(raw).filter(
    (key) => ![...TEXT_FIELDS, 'params', 'allocation', 'risk'].includes(key),
  );
  for (const key of unknown) errors.push({ field: key, message: `"${key}" is not a bot setting.` });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, config };
}

/** "params.fast: Fast period must be …" — an import error as one line naming its field. */
export function formatImportError(error: FieldError): string {
  return error.field === 'file' ? error.message : `${error.field}: ${error.message}`;
}
