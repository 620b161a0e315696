/**
 * Input checks at the persistence boundary. Every failure throws a ValidationError whose
 * message starts with the offending field's path, so the UI can show it next to that field.
 * Checks run before a transaction starts, so invalid input never writes anything.
 */
import type { BotConfig, BotMode } from '../core/bot/types';
import { isTimeframe } from '../core/market/timeframe';

export class ValidationError extends Error {
  override name = 'ValidationError';
  constructor(
    /** Path of the invalid field, e.g. "config.allocation". */
    readonly field: string,
    problem: string,
  ) {
    super(`${field} ${problem}`);
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export function requireString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ValidationError(field, 'must be a non-empty string');
  }
  return value;
}

export interface NumberRange {
  min?: number;
  max?: number;
  /** When true, `min` itself is not allowed. */
  isMinExclusive?: boolean;
}

export function requireNumber(value: unknown, field: string, range: NumberRange = {}): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ValidationError(field, `must be a finite number (got ${String(value)})`);
  }
  const { min, max, isMinExclusive = false } = range;
  if (min !== undefined && (isMinExclusive ? value <= min : value < min)) {
    throw new ValidationError(field, `must be ${isMinExclusive ? '>' : '≥'} ${min} (got ${value})`);
  }
  if (max !== undefined && value > max) {
    throw new ValidationError(field, `must be ≤ ${max} (got ${value})`);
  }
  return value;
}

export function requireInteger(value: unknown, field: string, min = 0): number {
  requireNumber(value, field, { min });
  if (!Number.isInteger(value)) {
    throw new ValidationError(field, `must be an integer (got ${String(value)})`);
  }
  return value as number;
}

const BOT_MODES: readonly BotMode[] = ['simulated', 'paper', 'live'];
const SHORT_ID = /^[a-z0-9]{6}$/;
/** Unified ccxt symbol: BASE/QUOTE, optionally :SETTLE for derivatives. */
const SYMBOL = /^[^\s/:]+\/[^\s/:]+(:[^\s/:]+)?$/;

export function requireShortId(value: unknown, field: string): string {
  if (typeof value !== 'string' || !SHORT_ID.test(value)) {
    throw new ValidationError(field, 'must be 6 characters of [a-z0-9]');
  }
  return value;
}

/**
 * Checks the structure of a bot config and returns a clean copy holding only its known fields
 * (so proxies or stray UI state never reach IndexedDB). Strategy-specific parameter ranges are
 * the strategy spec's job, not this one's.
 */
export function validateBotConfig(value: unknown, field = 'config'): BotConfig {
  if (!isPlainObject(value)) throw new ValidationError(field, 'must be an object');
  const name = requireString(value.name, `${field}.name`);
  if (name.length > 100) throw new ValidationError(`${field}.name`, 'must be ≤ 100 characters');
  const mode = value.mode;
  if (typeof mode !== 'string' || !(BOT_MODES as readonly string[]).includes(mode)) {
    throw new ValidationError(`${field}.mode`, `must be one of ${BOT_MODES.join(', ')}`);
  }
  const symbol = requireString(value.symbol, `${field}.symbol`);
  if (!SYMBOL.test(symbol)) {
    throw new ValidationError(`${field}.symbol`, `must look like BASE/QUOTE (got "${symbol}")`);
  }
  const timeframe = value.timeframe;
  if (typeof timeframe !== 'string' || !isTimeframe(timeframe)) {
    throw new ValidationError(`${field}.timeframe`, `is not a known timeframe`);
  }
  if (!isPlainObject(value.params))
    throw new ValidationError(`${field}.params`, 'must be an object');
  const params: BotConfig['params'] = {};
  for (const [key, param] of Object.entries(value.params)) {
    const isValid =
      typeof param === 'string' ||
      typeof param === 'boolean' ||
      (typeof param === 'number' && Number.isFinite(param));
    if (!isValid) {
      throw new ValidationError(
        `${field}.params.${key}`,
        'must be a finite number, boolean or string',
      );
    }
    params[key] = param;
  }
  // The risk section's content is checked by the host (checkBotConfig); only its shape here.
  const risk = value.risk;
  if (risk !== undefined && risk !== null && !isPlainObject(risk))
    throw new ValidationError(`${field}.risk`, 'must be an object');
  return {
    name,
    mode: mode as BotMode,
    accountId: requireString(value.accountId, `${field}.accountId`),
    symbol,
    strategyId: requireString(value.strategyId, `${field}.strategyId`),
    timeframe,
    params,
    allocation: requireNumber(value.allocation, `${field}.allocation`, {
      min: 0,
      isMinExclusive: true,
    }),
    ...(isPlainObject(risk) ? { risk: risk as BotConfig['risk'] } : {}),
  };
}

/** Top-level fields that differ, with parameters listed one by one ("params.fast"). */
export function changedConfigFields(before: BotConfig, after: BotConfig): string[] {
  const changed: string[] = [];
  const keys = Object.keys(after) as (keyof BotConfig)[];
  for (const key of keys) {
    if (key === 'params') continue;
    if (before[key] !== after[key]) changed.push(key);
  }
  const paramKeys = new Set([...Object.keys(before.params), ...Object.keys(after.params)]);
  for (const key of [...paramKeys].sort()) {
    if (before.params[key] !== after.params[key]) changed.push(`params.${key}`);
  }
  return changed;
}
