/**
 * A bot's risk section: protective exits (stop-loss, scaled take-profit, trailing stop, ROI by
 * trade age) and pre-trade limits (position size, open orders, trades per day, cooldown after a
 * loss). Every setting is optional; an absent one is off. `validateRiskConfig` checks stored,
 * untyped input and returns either a normalized config or one message per bad field naming the
 * field and its allowed range. Nothing is saved half-way and nothing is defaulted silently,
 * except `trailingStop.activationPercent`, which means "active from entry" when left out.
 * Pure.
 */
import {
  ErrorCollector,
  formatNumber,
  isRecord,
  type NumberRule,
  type RiskValidation,
} from './validation';

/** Stop-loss below the average entry by a percentage, or at a fixed price. */
export type StopLossConfig = (
  { kind: 'percent'; percent: number } | { kind: 'price'; price: number }
) & {
  /**
   * Place the stop as a stop-market order on the exchange (where it supports them) instead of
   * having the engine watch closed candles. Default false: the engine enforces it.
   */
  onExchange?: boolean;
};

/** One take-profit step: sell `fraction` of the position once the price is `percent` above entry. */
export interface TakeProfitStep {
  /** Gain over the average entry, in percent (2 = +2%). */
  percent: number;
  /** Share of the position as it stood before the first step, in (0, 1]. */
  fraction: number;
}

/** Scaled partial exits, e.g. 50% at +2% and the rest at +4%. Steps are sorted by `percent`. */
export interface TakeProfitConfig {
  steps: TakeProfitStep[];
}

/**
 * A stop that trails the highest price since entry by `percent`, armed once the price has been
 * `activationPercent` above entry (0 = armed from entry).
 */
export interface TrailingStopConfig {
  percent: number;
  activationPercent: number;
}

/** One row of freqtrade's minimal_roi: once the trade is `afterMinutes` old, exit at `percent` profit. */
export interface RoiStep {
  afterMinutes: number;
  /** Profit over the average entry, in percent; may be negative (exit at a bounded loss). */
  percent: number;
}

/** The per-bot risk section. Every field is optional; absent = off. */
export interface RiskConfig {
  stopLoss?: StopLossConfig;
  takeProfit?: TakeProfitConfig;
  trailingStop?: TrailingStopConfig;
  /** Sorted by `afterMinutes`; the row with the largest age not above the trade's age applies. */
  roiTable?: RoiStep[];
  /** Largest position value, in quote currency. */
  maxPositionQuote?: number;
  /** Largest position value as a percentage of the bot's allocation. */
  maxPositionPercentOfAllocation?: number;
  maxOpenOrders?: number;
  /** New trades (entries from flat) per UTC day. */
  maxTradesPerDay?: number;
  /** No new entries for this many minutes after a trade closed at a loss. */
  cooldownMinutesAfterLoss?: number;
}

/** The allowed range of every numeric risk setting (the UI builds its form hints from these). */
export const RISK_RULES = {
  stopLossPercent: { label: 'Stop-loss percent', min: 0.1, max: 99 },
  stopLossPrice: { label: 'Stop-loss price', min: 0, max: Infinity, exclusiveMin: true },
  takeProfitPercent: { label: 'percent', min: 0.1, max: 1000 },
  takeProfitFraction: { label: 'fraction', min: 0.01, max: 1 },
  trailingPercent: { label: 'Trailing-stop percent', min: 0.1, max: 99 },
  trailingActivation: { label: 'Trailing-stop activation percent', min: 0, max: 1000 },
  roiMinutes: { label: 'minutes', min: 0, max: 525_600, integer: true },
  roiPercent: { label: 'percent', min: -99, max: 1000 },
  maxPositionQuote: {
    label: 'Max position (quote)',
    min: 0,
    max: Infinity,
    exclusiveMin: true,
  },
  maxPositionPercentOfAllocation: {
    label: 'Max position percent of allocation',
    min: 0.1,
    max: 100,
  },
  maxOpenOrders: { label: 'Max open orders', min: 1, max: 1000, integer: true },
  maxTradesPerDay: { label: 'Max trades per day', min: 1, max: 1000, integer: true },
  cooldownMinutesAfterLoss: {
    label: 'Cooldown after a loss (minutes)',
    min: 0,
    max: 10_080,
    integer: true,
  },
} as const satisfies Record<string, NumberRule>;

/** Most take-profit steps and ROI rows accepted. */
export const MAX_TAKE_PROFIT_STEPS = 10;
export const MAX_ROI_ROWS = 20;
/** Float slack when take-profit fractions add up to exactly 1. */
const FRACTION_TOLERANCE = 1e-9;

const TOP_LEVEL_KEYS = [
  'stopLoss',
  'takeProfit',
  'trailingStop',
  'roiTable',
  'maxPositionQuote',
  'maxPositionPercentOfAllocation',
  'maxOpenOrders',
  'maxTradesPerDay',
  'cooldownMinutesAfterLoss',
] as const;

const SCALAR_KEYS = [
  'maxPositionQuote',
  'maxPositionPercentOfAllocation',
  'maxOpenOrders',
  'maxTradesPerDay',
  'cooldownMinutesAfterLoss',
] as const;

/** A section left out, or set to null, is off. */
const isAbsent = (value: unknown): boolean => value === undefined || value === null;

function readStopLoss(raw: unknown, errors: ErrorCollector): StopLossConfig | undefined {
  if (!isRecord(raw)) {
    errors.add(
      'stopLoss',
      'Stop-loss must be { kind: "percent", percent } or { kind: "price", price }',
    );
    return undefined;
  }
  let onExchange: { onExchange?: boolean } = {};
  if (!isAbsent(raw.onExchange)) {
    if (typeof raw.onExchange === 'boolean') onExchange = { onExchange: raw.onExchange };
    else errors.add('stopLoss.onExchange', 'Stop-loss on the exchange must be true or false');
  }
  if (raw.kind === 'percent') {
    errors.unknownKeys(raw, ['kind', 'percent', 'onExchange'], 'stopLoss');
    const percent = errors.number(raw, 'percent', 'stopLoss.percent', RISK_RULES.stopLossPercent);
    return percent === undefined ? undefined : { kind: 'percent', percent, ...onExchange };
  }
  if (raw.kind === 'price') {
    errors.unknownKeys(raw, ['kind', 'price', 'onExchange'], 'stopLoss');
    const price = errors.number(raw, 'price', 'stopLoss.price', RISK_RULES.stopLossPrice);
    return price === undefined ? undefined : { kind: 'price', price, ...onExchange };
  }
  errors.add('stopLoss.kind', 'Stop-loss kind must be "percent" or "price"');
  return undefined;
}

function readTakeProfit(raw: unknown, errors: ErrorCollector): TakeProfitConfig | undefined {
  const steps = isRecord(raw) ? raw.steps : undefined;
  if (!isRecord(raw) || !Array.isArray(steps)) {
    errors.add('takeProfit', 'Take-profit must be { steps: [{ percent, fraction }, …] }');
    return undefined;
  }
  errors.unknownKeys(raw, ['steps'], 'takeProfit');
  if (steps.length < 1 || steps.length > MAX_TAKE_PROFIT_STEPS) {
    errors.add(
      'takeProfit.steps',
      `Take-profit must have between 1 and ${MAX_TAKE_PROFIT_STEPS} steps (it has ${steps.length})`,
    );
    return undefined;
  }
  const before = errors.errors.length;
  const read: TakeProfitStep[] = [];
  steps.forEach((step: unknown, index) => {
    const field = `takeProfit.steps[${index}]`;
    const name = `Take-profit step ${index + 1}`;
    if (!isRecord(step)) {
      errors.add(field, `${name} must be { percent, fraction }`);
      return;
    }
    errors.unknownKeys(step, ['percent', 'fraction'], field);
    const percent = errors.number(step, 'percent', `${field}.percent`, {
      ...RISK_RULES.takeProfitPercent,
      label: `${name} percent`,
    });
    const fraction = errors.number(step, 'fraction', `${field}.fraction`, {
      ...RISK_RULES.takeProfitFraction,
      label: `${name} fraction`,
    });
    if (percent === undefined || fraction === undefined) return;
    const twin = read.findIndex((other) => other.percent === percent);
    if (twin >= 0) {
      errors.add(
        `${field}.percent`,
        `${name} repeats the +${formatNumber(percent)}% level of step ${twin + 1}; each step needs its own level`,
      );
    }
    read.push({ percent, fraction });
  });
  if (errors.errors.length > before) return undefined;
  const total = read.reduce((sum, step) => sum + step.fraction, 0);
  if (total > 1 + FRACTION_TOLERANCE) {
    errors.add(
      'takeProfit.steps',
      `Take-profit fractions must add up to at most 1 (the whole position); they add up to ${formatNumber(total)}`,
    );
    return undefined;
  }
  return { steps: read.sort((a, b) => a.percent - b.percent) };
}

function readTrailingStop(raw: unknown, errors: ErrorCollector): TrailingStopConfig | undefined {
  if (!isRecord(raw)) {
    errors.add('trailingStop', 'Trailing stop must be { percent, activationPercent }');
    return undefined;
  }
  errors.unknownKeys(raw, ['percent', 'activationPercent'], 'trailingStop');
  const percent = errors.number(raw, 'percent', 'trailingStop.percent', RISK_RULES.trailingPercent);
  const activationPercent = isAbsent(raw.activationPercent)
    ? 0
    : errors.number(
        raw,
        'activationPercent',
        'trailingStop.activationPercent',
        RISK_RULES.trailingActivation,
      );
  if (percent === undefined || activationPercent === undefined) return undefined;
  return { percent, activationPercent };
}

function readRoiTable(raw: unknown, errors: ErrorCollector): RoiStep[] | undefined {
  if (!Array.isArray(raw) || raw.length > MAX_ROI_ROWS) {
    errors.add(
      'roiTable',
      `The ROI table must be a list of at most ${MAX_ROI_ROWS} rows { afterMinutes, percent }`,
    );
    return undefined;
  }
  const before = errors.errors.length;
  const rows: RoiStep[] = [];
  raw.forEach((row: unknown, index) => {
    const field = `roiTable[${index}]`;
    const name = `ROI table row ${index + 1}`;
    if (!isRecord(row)) {
      errors.add(field, `${name} must be { afterMinutes, percent }`);
      return;
    }
    errors.unknownKeys(row, ['afterMinutes', 'percent'], field);
    const afterMinutes = errors.number(row, 'afterMinutes', `${field}.afterMinutes`, {
      ...RISK_RULES.roiMinutes,
      label: `${name} minutes`,
    });
    const percent = errors.number(row, 'percent', `${field}.percent`, {
      ...RISK_RULES.roiPercent,
      label: `${name} percent`,
    });
    if (afterMinutes === undefined || percent === undefined) return;
    const twin = rows.findIndex((other) => other.afterMinutes === afterMinutes);
    if (twin >= 0) {
      errors.add(
        `${field}.afterMinutes`,
        `${name} repeats the ${afterMinutes}-minute age of row ${twin + 1}; each row needs its own age`,
      );
    }
    rows.push({ afterMinutes, percent });
  });
  if (errors.errors.length > before) return undefined;
  return rows.sort((a, b) => a.afterMinutes - b.afterMinutes);
}

/**
 * Validates a stored (untyped) risk section. `undefined` or `null` means "no risk settings".
 * Returns the normalized config (take-profit steps sorted by level, ROI rows by age, null
 * sections dropped) or every problem found, each naming its field and the allowed range.
 *
 * @example
 * validateRiskConfig({ stopLoss: { kind: 'percent', percent: 150 } });
 * // { ok: false, errors: [{ field: 'stopLoss.percent',
 * //   message: 'Stop-loss percent must be between 0.1 and 99' }] }
 */
export function validateRiskConfig(raw: unknown): RiskValidation<RiskConfig> {
  if (isAbsent(raw)) return { ok: true, value: {} };
  if (!isRecord(raw)) {
    return {
      ok: false,
      errors: [{ field: 'risk', message: 'Risk settings must be an object of named settings' }],
    };
  }
  const errors = new ErrorCollector();
  errors.unknownKeys(raw, TOP_LEVEL_KEYS, '');
  const value: RiskConfig = {};
  if (!isAbsent(raw.stopLoss)) value.stopLoss = readStopLoss(raw.stopLoss, errors);
  if (!isAbsent(raw.takeProfit)) value.takeProfit = readTakeProfit(raw.takeProfit, errors);
  if (!isAbsent(raw.trailingStop)) value.trailingStop = readTrailingStop(raw.trailingStop, errors);
  if (!isAbsent(raw.roiTable)) value.roiTable = readRoiTable(raw.roiTable, errors);
  for (const key of SCALAR_KEYS) {
    if (!isAbsent(raw[key])) value[key] = errors.number(raw, key, key, RISK_RULES[key]);
  }
  if (errors.errors.length > 0) return { ok: false, errors: errors.errors };
  return { ok: true, value };
}
