/**
 * The bot-creation form's state as a plain JSON draft (what the user typed, numbers as text so
 * partial input survives), how to read a stored draft back safely, and how to turn it into a
 * BotConfig (and back, for clones, imports and edits). Parameters are kept per template, so
 * switching templates loses nothing.
 */
import type { BotConfig, BotMode } from '../../core/bot/types';
import { isTimeframe, type Timeframe } from '../../core/market/timeframe';
import type { StrategyInfo, ParamSpec, RawParams } from '../../core/strategy/types';
import { DEFAULT_SIM_ACCOUNT_ID } from '../../host/engineApi';
import {
  emptyRiskDraft,
  readRiskDraft,
  riskDraftFrom,
  toRiskConfig,
  type RiskDraft,
} from './riskDraft';

export type ParamInput = string | boolean;

export interface BotDraft {
  version: 1;
  /** The wizard step shown (0 = account and mode … 5 = review). */
  step: number;
  name: string;
  accountId: string;
  mode: BotMode;
  symbol: string;
  strategyId: string;
  timeframe: string;
  /** Inputs per template id, per parameter key. */
  paramsByStrategy: Record<string, Record<string, ParamInput>>;
  allocation: string;
  risk: RiskDraft;
  start: boolean;
}

/** Allocation suggested for a new bot, in quote currency: a tenth of the default balance. */
const DEFAULT_ALLOCATION = '1000';

export function emptyDraft(strategy: StrategyInfo | undefined): BotDraft {
  return {
    version: 1,
    step: 0,
    name: '',
    accountId: DEFAULT_SIM_ACCOUNT_ID,
    mode: 'simulated',
    symbol: '',
    strategyId: strategy?.id ?? '',
    timeframe: strategy?.timeframe ?? '1m',
    paramsByStrategy: {},
    allocation: DEFAULT_ALLOCATION,
    risk: emptyRiskDraft(),
    start: true,
  };
}

/** The form input for a parameter's value: text for numbers, as-is otherwise. */
export function toParamInput(spec: ParamSpec, value: unknown): ParamInput {
  if (spec.kind === 'boolean') return value === true;
  if (spec.kind === 'choice') return typeof value === 'string' ? value : spec.default;
  return typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
}

/** The inputs of `strategy`'s parameters in `draft`, defaults filling any gap. */
export function paramInputs(draft: BotDraft, strategy: StrategyInfo): Record<string, ParamInput> {
  const saved = draft.paramsByStrategy[strategy.id] ?? {};
  const inputs: Record<string, ParamInput> = {};
  for (const [key, spec] of Object.entries(strategy.params as Record<string, ParamSpec>)) {
    inputs[key] = Object.hasOwn(saved, key)
      ? (saved[key] as ParamInput)
      : toParamInput(spec, spec.default);
  }
  return inputs;
}

/** Form inputs for `strategy` holding `params` (e.g. a preset's), defaults filling any gap. */
export function paramInputsFrom(
  strategy: StrategyInfo,
  params: RawParams,
): Record<string, ParamInput> {
  const inputs: Record<string, ParamInput> = {};
  for (const [key, spec] of Object.entries(strategy.params as Record<string, ParamSpec>)) {
    inputs[key] = toParamInput(spec, Object.hasOwn(params, key) ? params[key] : spec.default);
  }
  return inputs;
}

/** Parameter values as the engine takes them; an empty number field is left out ("missing"). */
export function toRawParams(draft: BotDraft, strategy: StrategyInfo): RawParams {
  const inputs = paramInputs(draft, strategy);
  const raw: RawParams = {};
  for (const [key, spec] of Object.entries(strategy.params as Record<string, ParamSpec>)) {
    const input = inputs[key];
    if (spec.kind === 'boolean') raw[key] = input === true;
    else if (spec.kind === 'choice') raw[key] = String(input);
    else if (typeof input === 'string' && input.trim() !== '') raw[key] = Number(input);
  }
  return raw;
}

/** The allocation typed, or NaN when it is not a number. */
export function parseAmount(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

export function toBotConfig(draft: BotDraft, strategy: StrategyInfo): BotConfig {
  const risk = toRiskConfig(draft.risk);
  return {
    name: draft.name.trim(),
    mode: draft.mode,
    accountId: draft.accountId,
    symbol: draft.symbol,
    strategyId: strategy.id,
    timeframe: (isTimeframe(draft.timeframe) ? draft.timeframe : strategy.timeframe) as Timeframe,
    params: toRawParams(draft, strategy),
    allocation: parseAmount(draft.allocation),
    ...(risk ? { risk } : {}),
  };
}

/**
 * A draft showing a saved config (a clone, an imported file, an edit), at wizard step `step`;
 * `strategy` is the config's template when it is known.
 */
export function draftFromConfig(
  config: BotConfig,
  strategy: StrategyInfo | undefined,
  step = 0,
): BotDraft {
  return {
    ...emptyDraft(strategy),
    step,
    name: config.name,
    accountId: config.accountId,
    mode: config.mode,
    symbol: config.symbol,
    strategyId: config.strategyId,
    timeframe: config.timeframe,
    paramsByStrategy: strategy ? { [strategy.id]: paramInputsFrom(strategy, config.params) } : {},
    allocation: String(config.allocation),
    risk: riskDraftFrom(config.risk),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readParams(value: unknown): Record<string, Record<string, ParamInput>> {
  const result: Record<string, Record<string, ParamInput>> = {};
  if (!isRecord(value)) return result;
  for (const [strategyId, params] of Object.entries(value)) {
    if (!isRecord(params)) continue;
    const inputs: Record<string, ParamInput> = {};
    for (const [key, input] of Object.entries(params)) {
      if (typeof input === 'string' || typeof input === 'boolean') inputs[key] = input;
    }
    result[strategyId] = inputs;
  }
  return result;
}

/**
 * Reads a stored draft (possibly from an older form) over `fallback`, keeping only fields of
 * the right type.
 */
export function readDraft(stored: unknown, fallback: BotDraft): BotDraft {
  if (!isRecord(stored) || stored.version !== 1) return fallback;
  const text = (key: keyof BotDraft): string =>
    typeof stored[key] === 'string' ? (stored[key] as string) : (fallback[key] as string);
  const mode = stored.mode;
  const step = stored.step;
  return {
    version: 1,
    step: typeof step === 'number' && Number.isInteger(step) && step >= 0 ? step : fallback.step,
    name: text('name'),
    accountId: text('accountId'),
    mode: mode === 'simulated' || mode === 'paper' || mode === 'live' ? mode : fallback.mode,
    symbol: text('symbol'),
    strategyId: text('strategyId'),
    timeframe: text('timeframe'),
    paramsByStrategy: readParams(stored.paramsByStrategy),
    allocation: text('allocation'),
    risk: readRiskDraft(stored.risk),
    start: typeof stored.start === 'boolean' ? stored.start : fallback.start,
  };
}
