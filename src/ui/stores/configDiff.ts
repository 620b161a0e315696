/**
 * What changes between two versions of a bot's config, as readable lines ("Fast period: 10 → 12",
 * "Stop-loss: off → 3%"): shown before an edit is saved and in the bot's version history. Risk
 * settings are described one control at a time; a setting that is absent reads "off". Pure.
 */
import type { BotConfig } from '../../core/bot/types';
import type { RiskConfig } from '../../core/risk/riskConfig';
import type { ParamSpec, ParamSpecs, RawParams } from '../../core/strategy/types';
import { formatAmount } from '../format';

export interface ConfigChange {
  /** What changed, e.g. "Fast period" or "Stop-loss". */
  label: string;
  before: string;
  after: string;
}

const OFF = 'off';

/**
 * A number without float noise or locale grouping, e.g. 0.30000000000000004 → "0.3". Input
 * still being typed (not a number yet) shows as typed, or "—" when missing.
 */
export function plainNumber(value: number): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return String(value ?? '—');
  return String(Number(value.toPrecision(12)));
}

const percent = (value: number): string => `${plainNumber(value)}%`;

function describeStopLoss(risk: RiskConfig | undefined): string {
  const stop = risk?.stopLoss as
    (NonNullable<RiskConfig['stopLoss']> & { onExchange?: boolean }) | undefined;
  if (!stop) return OFF;
  const level = stop.kind === 'percent' ? percent(stop.percent) : `at ${plainNumber(stop.price)}`;
  return stop.onExchange ? `${level} (on the exchange)` : level;
}

function describeTakeProfit(risk: RiskConfig | undefined): string {
  const steps = risk?.takeProfit?.steps ?? [];
  if (steps.length === 0) return OFF;
  return steps
    .map((step) => `${percent(step.fraction * 100)} at +${percent(step.percent)}`)
    .join(', ');
}

function describeTrailing(risk: RiskConfig | undefined): string {
  const trailing = risk?.trailingStop;
  if (!trailing) return OFF;
  return trailing.activationPercent > 0
    ? `${percent(trailing.percent)} from +${percent(trailing.activationPercent)}`
    : `${percent(trailing.percent)} from entry`;
}

function describeRoi(risk: RiskConfig | undefined): string {
  const rows = risk?.roiTable ?? [];
  if (rows.length === 0) return OFF;
  return rows.map((row) => `${row.afterMinutes} min: ${percent(row.percent)}`).join(', ');
}

const valueOr = (value: number | undefined, show: (value: number) => string): string =>
  value === undefined ? OFF : show(value);

/** Every risk control with its label and its value in `risk`, in form order. */
export function describeRisk(
  risk: RiskConfig | undefined,
  quote: string,
): { label: string; value: string }[] {
  return [
    { label: 'Stop-loss', value: describeStopLoss(risk) },
    { label: 'Take-profit', value: describeTakeProfit(risk) },
    { label: 'Trailing stop', value: describeTrailing(risk) },
    { label: 'ROI table', value: describeRoi(risk) },
    {
      label: 'Max position',
      value: valueOr(risk?.maxPositionQuote, (value) => formatAmount(value, quote)),
    },
    {
      label: 'Max position of allocation',
      value: valueOr(risk?.maxPositionPercentOfAllocation, percent),
    },
    { label: 'Max open orders', value: valueOr(risk?.maxOpenOrders, plainNumber) },
    { label: 'Max trades per day', value: valueOr(risk?.maxTradesPerDay, plainNumber) },
    {
      label: 'Cooldown after a loss',
      value: valueOr(risk?.cooldownMinutesAfterLoss, (value) => `${plainNumber(value)} min`),
    },
  ];
}

/** A parameter's value as the form shows it (a choice by its label, booleans on/off). */
export function describeParam(spec: ParamSpec | undefined, value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'on' : OFF;
  if (spec?.kind === 'choice') {
    return spec.options.find((option) => option.value === value)?.label ?? String(value);
  }
  if (typeof value === 'number')
    return spec?.kind === 'percent' ? percent(value) : plainNumber(value);
  return String(value);
}

function paramChanges(before: RawParams, after: RawParams, specs: ParamSpecs): ConfigChange[] {
  const keys = [...new Set([...Object.keys(specs), ...Object.keys(before), ...Object.keys(after)])];
  const changes: ConfigChange[] = [];
  for (const key of keys) {
    const spec = specs[key];
    const from = describeParam(spec, before[key]);
    const to = describeParam(spec, after[key]);
    if (from !== to) changes.push({ label: spec?.label ?? key, before: from, after: to });
  }
  return changes;
}

export interface DiffContext {
  /** The parameter spec of the (new) template, for labels; missing keys show as their key. */
  params: ParamSpecs;
  /** Names a template id for display. */
  strategyName(id: string): string;
}

/** The changes from `before` to `after`, in form order; empty when nothing changes. */
export function diffConfigs(
  before: BotConfig,
  after: BotConfig,
  context: DiffContext,
): ConfigChange[] {
  const changes: ConfigChange[] = [];
  const add = (label: string, from: string, to: string): void => {
    if (from !== to) changes.push({ label, before: from, after: to });
  };
  add('Name', before.name, after.name);
  add('Account', before.accountId, after.accountId);
  add('Mode', before.mode, after.mode);
  add('Market', before.symbol, after.symbol);
  add('Template', context.strategyName(before.strategyId), context.strategyName(after.strategyId));
  add('Timeframe', before.timeframe, after.timeframe);
  add(
    'Allocation',
    formatAmount(before.allocation, quoteOf(before.symbol)),
    formatAmount(after.allocation, quoteOf(after.symbol)),
  );
  const paramSpecs = before.strategyId === after.strategyId ? context.params : {};
  changes.push(...paramChanges(before.params ?? {}, after.params ?? {}, paramSpecs));
  const quote = quoteOf(after.symbol);
  const from = describeRisk(before.risk, quote);
  describeRisk(after.risk, quote).forEach((item, index) =>
    add(item.label, from[index]?.value ?? OFF, item.value),
  );
  return changes;
}

/** "USDT" of "BTC/USDT". */
function quoteOf(symbol: string): string {
  return symbol.split('/')[1] ?? '';
}

/** One change as a sentence fragment: "Fast period: 10 → 12". */
export function formatChange(change: ConfigChange): string {
  return `${change.label}: ${change.before} → ${change.after}`;
}
