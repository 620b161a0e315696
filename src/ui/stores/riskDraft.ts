/**
 * The risk section of the bot form as typed text (so partial input survives reloads), how to
 * read it from a stored draft or a saved RiskConfig, and how to turn it into the raw risk object
 * the engine checks. Validation is core's validateRiskConfig, keyed `risk.<field>` like the
 * engine's field errors (src/host/checkBotConfig.ts). Empty inputs mean "off".
 */
import { validateRiskConfig, type RiskConfig } from '../../core/risk/riskConfig';
import type { FieldError } from '../../host/engineApi';

export type StopLossKind = 'off' | 'percent' | 'price';

export interface TakeProfitInput {
  percent: string;
  fraction: string;
}

export interface RoiInput {
  afterMinutes: string;
  percent: string;
}

export interface RiskDraft {
  stopLossKind: StopLossKind;
  stopLossValue: string;
  /** Place the stop on the exchange when it supports native stops (RiskConfig stopLoss.onExchange). */
  stopLossOnExchange: boolean;
  takeProfit: TakeProfitInput[];
  isTrailing: boolean;
  trailingPercent: string;
  trailingActivation: string;
  roiTable: RoiInput[];
  maxPositionQuote: string;
  maxPositionPercentOfAllocation: string;
  maxOpenOrders: string;
  maxTradesPerDay: string;
  cooldownMinutesAfterLoss: string;
}

/** The five single-number limits, in form order. */
export const RISK_LIMIT_KEYS = [
  'maxPositionQuote',
  'maxPositionPercentOfAllocation',
  'maxOpenOrders',
  'maxTradesPerDay',
  'cooldownMinutesAfterLoss',
] as const;

export type RiskLimitKey = (typeof RISK_LIMIT_KEYS)[number];

export function emptyRiskDraft(): RiskDraft {
  return {
    stopLossKind: 'off',
    stopLossValue: '',
    stopLossOnExchange: false,
    takeProfit: [],
    isTrailing: false,
    trailingPercent: '',
    trailingActivation: '',
    roiTable: [],
    maxPositionQuote: '',
    maxPositionPercentOfAllocation: '',
    maxOpenOrders: '',
    maxTradesPerDay: '',
    cooldownMinutesAfterLoss: '',
  };
}

const text = (value: number | undefined): string => (value === undefined ? '' : String(value));

/** The form inputs showing a saved risk section (from a bot, a clone or an imported file). */
export function riskDraftFrom(config: RiskConfig | undefined): RiskDraft {
  const draft = emptyRiskDraft();
  if (!config) return draft;
  const stopLoss = config.stopLoss as
    (NonNullable<RiskConfig['stopLoss']> & { onExchange?: boolean }) | undefined;
  if (stopLoss) {
    draft.stopLossKind = stopLoss.kind;
    draft.stopLossValue = text(stopLoss.kind === 'percent' ? stopLoss.percent : stopLoss.price);
    draft.stopLossOnExchange = stopLoss.onExchange === true;
  }
  draft.takeProfit = (config.takeProfit?.steps ?? []).map((step) => ({
    percent: text(step.percent),
    fraction: text(step.fraction),
  }));
  if (config.trailingStop) {
    draft.isTrailing = true;
    draft.trailingPercent = text(config.trailingStop.percent);
    draft.trailingActivation = text(config.trailingStop.activationPercent);
  }
  draft.roiTable = (config.roiTable ?? []).map((row) => ({
    afterMinutes: text(row.afterMinutes),
    percent: text(row.percent),
  }));
  for (const key of RISK_LIMIT_KEYS) draft[key] = text(config[key]);
  return draft;
}

/** A typed number, the text itself when it is not one (so the check names it), or undefined. */
function numberOrText(input: string): number | string | undefined {
  const trimmed = input.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : trimmed;
}

/** The raw risk object for the engine; fields left empty are absent; undefined when all are. */
export function toRawRisk(draft: RiskDraft): Record<string, unknown> | undefined {
  const raw: Record<string, unknown> = {};
  if (draft.stopLossKind !== 'off') {
    const value = numberOrText(draft.stopLossValue);
    raw.stopLoss = {
      kind: draft.stopLossKind,
      [draft.stopLossKind]: value,
      // Only sent when chosen, so configs stay valid on engines that do not know the option.
      ...(draft.stopLossOnExchange ? { onExchange: true } : {}),
    };
  }
  if (draft.takeProfit.length > 0) {
    raw.takeProfit = {
      steps: draft.takeProfit.map((step) => ({
        percent: numberOrText(step.percent),
        fraction: numberOrText(step.fraction),
      })),
    };
  }
  if (draft.isTrailing) {
    const activation = numberOrText(draft.trailingActivation);
    raw.trailingStop = {
      percent: numberOrText(draft.trailingPercent),
      ...(activation === undefined ? {} : { activationPercent: activation }),
    };
  }
  if (draft.roiTable.length > 0) {
    raw.roiTable = draft.roiTable.map((row) => ({
      afterMinutes: numberOrText(row.afterMinutes),
      percent: numberOrText(row.percent),
    }));
  }
  for (const key of RISK_LIMIT_KEYS) {
    const value = numberOrText(draft[key]);
    if (value !== undefined) raw[key] = value;
  }
  return Object.keys(raw).length > 0 ? raw : undefined;
}

/** Every problem with the risk inputs, keyed `risk.<field>` (e.g. "risk.stopLoss.percent"). */
export function validateRiskDraft(draft: RiskDraft): FieldError[] {
  const result = validateRiskConfig(toRawRisk(draft));
  if (result.ok) return [];
  return result.errors.map((error) => ({
    field: error.field === '' || error.field === 'risk' ? 'risk' : `risk.${error.field}`,
    message: error.message,
  }));
}

/** The checked, normalized risk section, or undefined when it is empty or invalid. */
export function toRiskConfig(draft: RiskDraft): RiskConfig | undefined {
  const raw = toRawRisk(draft);
  if (!raw) return undefined;
  const result = validateRiskConfig(raw);
  // onExchange is passed through even where the validator normalizes it away.
  if (!result.ok) return raw as RiskConfig;
  const stopLoss = result.value.stopLoss;
  if (stopLoss && draft.stopLossOnExchange) {
    return { ...result.value, stopLoss: Object.assign({}, stopLoss, { onExchange: true }) };
  }
  return result.value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const asText = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Reads the risk part of a stored draft, keeping only fields of the right type. */
export function readRiskDraft(stored: unknown): RiskDraft {
  const draft = emptyRiskDraft();
  if (!isRecord(stored)) return draft;
  if (stored.stopLossKind === 'percent' || stored.stopLossKind === 'price') {
    draft.stopLossKind = stored.stopLossKind;
  }
  draft.stopLossValue = asText(stored.stopLossValue);
  draft.stopLossOnExchange = stored.stopLossOnExchange === true;
  draft.isTrailing = stored.isTrailing === true;
  draft.trailingPercent = asText(stored.trailingPercent);
  draft.trailingActivation = asText(stored.trailingActivation);
  const rows = (value: unknown): Record<string, unknown>[] =>
    Array.isArray(value) ? value.filter(isRecord) : [];
  draft.takeProfit = rows(stored.takeProfit).map((row) => ({
    percent: asText(row.percent),
    fraction: asText(row.fraction),
  }));
  draft.roiTable = rows(stored.roiTable).map((row) => ({
    afterMinutes: asText(row.afterMinutes),
    percent: asText(row.percent),
  }));
  for (const key of RISK_LIMIT_KEYS) draft[key] = asText(stored[key]);
  return draft;
}
