/**
 * The Backtest page's form as typed (strings, as inputs hold them) and its check: every field
 * is validated with a message naming it, and only a fully valid form becomes a BacktestConfig.
 * Fees are typed in percent, dates as UTC days (the "to" day is included); the timeframe may
 * not be finer than the data source's candles.
 */
import type { BacktestConfig } from '../../backtest/backtestJob';
import { dataTimeframeProblem } from '../../backtest/dataTimeframe';
import { isTimeframe, timeframeMs } from '../../core/market/timeframe';
import { validateRiskConfig } from '../../core/risk/riskConfig';
import { validateParams } from '../../core/strategy/params';
import type { RawParams, StrategyInfo } from '../../core/strategy/types';
import type { BacktestDataSource } from './backtestData';

const DAY_MS = 86_400_000;

export interface BacktestFormValues {
  strategyId: string;
  sourceId: string;
  /** YYYY-MM-DD (UTC). */
  from: string;
  to: string;
  timeframe: string;
  cash: string;
  makerFeePct: string;
  takerFeePct: string;
  slippageBps: string;
  closeAtEnd: boolean;
  /** The bot config's risk section as JSON; empty for none. */
  riskJson: string;
}

export interface FieldError {
  field: string;
  message: string;
}

export type ConfigCheck =
  { ok: true; config: BacktestConfig } | { ok: false; errors: FieldError[] };

/** "2023-03-01" for a time in ms (UTC). */
export function utcDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function parseDay(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const time = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(time) ? time : undefined;
}

function parseNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

function checkNumber(
  errors: FieldError[],
  field: string,
  label: string,
  text: string,
  min: number,
  max: number,
): number {
  const value = parseNumber(text);
  if (!Number.isFinite(value) || value < min || value > max) {
    errors.push({ field, message: `${label} must be a number between ${min} and ${max}` });
  }
  return value;
}

/** Checks the form; `params` are the template's parameter values as typed. */
export function checkBacktestForm(
  values: BacktestFormValues,
  params: RawParams,
  strategy: StrategyInfo | undefined,
  source: BacktestDataSource | undefined,
): ConfigCheck {
  const errors: FieldError[] = [];
  if (!strategy) errors.push({ field: 'strategyId', message: 'Choose a template' });
  if (!source) errors.push({ field: 'sourceId', message: 'Choose a data source' });
  const from = parseDay(values.from);
  const toDay = parseDay(values.to);
  if (from === undefined) errors.push({ field: 'from', message: 'From must be a date' });
  if (toDay === undefined) errors.push({ field: 'to', message: 'To must be a date' });
  const to = toDay === undefined ? undefined : toDay + DAY_MS;
  if (source && from !== undefined && to !== undefined) {
    const range = `${utcDay(source.start)} to ${utcDay(source.end - 1)}`;
    if (from >= to) errors.push({ field: 'to', message: 'To must not be before From' });
    else if (from >= source.end || to <= source.start) {
      errors.push({ field: 'from', message: `The data covers ${range} only` });
    }
  }
  if (!isTimeframe(values.timeframe))
    errors.push({ field: 'timeframe', message: 'Choose a timeframe' });
  else if (source) {
    // Data is resampled to the timeframe: never finer than the data itself.
    const problem = dataTimeframeProblem(source.candleMs, values.timeframe);
    if (problem !== undefined) errors.push({ field: 'timeframe', message: problem });
  }
  const cash = checkNumber(errors, 'cash', 'Starting cash', values.cash, 1, 1e12);
  const maker = checkNumber(errors, 'makerFeePct', 'Maker fee', values.makerFeePct, 0, 10);
  const taker = checkNumber(errors, 'takerFeePct', 'Taker fee', values.takerFeePct, 0, 10);
  const slippage = checkNumber(errors, 'slippageBps', 'Slippage', values.slippageBps, 0, 1000);
  let risk: BacktestConfig['risk'];
  if (values.riskJson.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(values.riskJson);
      const checked = validateRiskConfig(parsed);
      if (checked.ok) risk = checked.value;
      else {
        const first = checked.errors[0];
        errors.push({ field: 'riskJson', message: `Risk: ${first?.field}: ${first?.message}` });
      }
    } catch {
      errors.push({
        field: 'riskJson',
        message: 'Risk must be JSON, e.g. {"stopLoss": {"kind": "percent", "percent": 2}}',
      });
    }
  }
  if (strategy) {
    const checked = validateParams(strategy, params);
    if (!checked.ok) {
      for (const error of checked.errors)
        errors.push({ field: `params.${error.field}`, message: error.message });
    }
  }
  if (errors.length > 0 || !strategy || !source || from === undefined || to === undefined) {
    return { ok: false, errors };
  }
  if (isTimeframe(values.timeframe) && to - from < timeframeMs(values.timeframe) * 2) {
    return {
      ok: false,
      errors: [{ field: 'to', message: 'The range is shorter than two candles of the timeframe' }],
    };
  }
  return {
    ok: true,
    config: {
      strategyId: strategy.id,
      strategyName: strategy.name,
      params,
      sourceId: source.id,
      sourceLabel: source.label,
      symbol: source.symbol,
      from: Math.max(from, source.start),
      to: Math.min(to, source.end),
      timeframe: values.timeframe as BacktestConfig['timeframe'],
      cash,
      makerFee: maker / 100,
      takerFee: taker / 100,
      slippageBps: slippage,
      fill: 'next-open',
      closeAtEnd: values.closeAtEnd,
      ...(risk && Object.keys(risk).length > 0 ? { risk } : {}),
    },
  };
}
