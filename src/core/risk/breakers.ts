/**
 * Account / portfolio circuit breakers, over an equity series (one sample per closed candle, in
 * time order) and the positions held:
 *
 * - daily loss limit: equity fell from the start of the UTC day by at least a percentage and/or
 *   a quote amount. The day starts at the last equity seen before midnight (UTC), or at the
 *   day's first sample when there is none;
 * - max drawdown: equity fell from its running peak by at least a percentage;
 * - exposure cap: the value of all positions divided by equity exceeds a percentage.
 *
 * A trip carries its reason and the figures behind it; what to do (stop the bots, cancel, close)
 * is the caller's, as is latching a trip until the user resets it (start a fresh state then).
 * `updateBreakers` is incremental (O(1) per sample, the state is small and serializable);
 * `scanEquity` runs it over a whole series. The series should be net of deposits and
 * withdrawals. Pure.
 */
import type { TimestampMs } from '../time';
import { utcDayStart } from './limits';
import { ErrorCollector, formatNumber, isRecord, type RiskValidation } from './validation';

export interface BreakerConfig {
  /** Trip when equity is this % below the start of the UTC day. */
  dailyLossPercent?: number;
  /** Trip when equity is this much quote below the start of the UTC day. */
  dailyLossQuote?: number;
  /** Trip when equity is this % below its running peak. */
  maxDrawdownPercent?: number;
  /** Trip when positions are worth more than this % of equity. */
  maxExposurePercent?: number;
}

export interface EquitySample {
  time: TimestampMs;
  equity: number;
}

export interface DailyLossTrip {
  kind: 'daily_loss';
  time: TimestampMs;
  reason: string;
  dayStart: TimestampMs;
  dayStartEquity: number;
  equity: number;
  /** dayStartEquity − equity, in quote. */
  loss: number;
  lossPercent: number;
  limitPercent?: number;
  limitQuote?: number;
}

export interface DrawdownTrip {
  kind: 'max_drawdown';
  time: TimestampMs;
  reason: string;
  peak: number;
  peakTime: TimestampMs;
  equity: number;
  drawdownPercent: number;
  limitPercent: number;
}

export interface ExposureTrip {
  kind: 'exposure';
  time: TimestampMs;
  reason: string;
  /** Sum of the positions' values, in quote. */
  exposure: number;
  equity: number;
  /** Infinity when equity is 0 or less while positions are held. */
  exposurePercent: number;
  limitPercent: number;
}

export type BreakerTrip = DailyLossTrip | DrawdownTrip | ExposureTrip;

/** What the breakers remember between samples (persist it with the account). */
export interface BreakerState {
  dayStart: TimestampMs;
  dayStartEquity: number;
  peak: number;
  peakTime: TimestampMs;
  lastTime: TimestampMs;
  lastEquity: number;
}

const RULES = {
  dailyLossPercent: { label: 'Daily loss limit (%)', min: 0.1, max: 100 },
  dailyLossQuote: { label: 'Daily loss limit (quote)', min: 0, max: Infinity, exclusiveMin: true },
  maxDrawdownPercent: { label: 'Max drawdown (%)', min: 0.1, max: 100 },
  maxExposurePercent: { label: 'Exposure cap (%)', min: 1, max: 100 },
} as const;

/**
 * Validates stored account breaker settings (all optional; undefined/null = none set).
 *
 * @example validateBreakerConfig({ maxDrawdownPercent: 0 }).ok // false: "Max drawdown (%) must be between 0.1 and 100"
 */
export function validateBreakerConfig(raw: unknown): RiskValidation<BreakerConfig> {
  if (raw === undefined || raw === null) return { ok: true, value: {} };
  if (!isRecord(raw)) {
    return {
      ok: false,
      errors: [
        { field: 'breakers', message: 'Circuit breakers must be an object of named settings' },
      ],
    };
  }
  const errors = new ErrorCollector();
  const keys = Object.keys(RULES) as (keyof typeof RULES)[];
  errors.unknownKeys(raw, keys, '');
  const value: BreakerConfig = {};
  for (const key of keys) {
    if (raw[key] !== undefined && raw[key] !== null) {
      value[key] = errors.number(raw, key, key, RULES[key]);
    }
  }
  return errors.errors.length > 0 ? { ok: false, errors: errors.errors } : { ok: true, value };
}

const pct = (value: number) => `${value.toFixed(2)}%`;
const amount = (value: number) => value.toFixed(2);

function dailyLossTrip(state: BreakerState, config: BreakerConfig): DailyLossTrip | undefined {
  const { dailyLossPercent: limitPercent, dailyLossQuote: limitQuote } = config;
  if (limitPercent === undefined && limitQuote === undefined) return undefined;
  const loss = state.dayStartEquity - state.lastEquity;
  const lossPercent = state.dayStartEquity > 0 ? (loss / state.dayStartEquity) * 100 : 0;
  const byPercent =
    limitPercent !== undefined && state.dayStartEquity > 0 && lossPercent >= limitPercent;
  const byQuote = limitQuote !== undefined && loss >= limitQuote;
  if (!byPercent && !byQuote) return undefined;
  const limit = byPercent
    ? `${formatNumber(limitPercent as number)}%`
    : amount(limitQuote as number);
  return {
    kind: 'daily_loss',
    time: state.lastTime,
    reason: `Daily loss limit hit: equity ${amount(state.lastEquity)} is ${amount(loss)} (${pct(lossPercent)}) below the day's start of ${amount(state.dayStartEquity)}; the limit is ${limit}.`,
    dayStart: state.dayStart,
    dayStartEquity: state.dayStartEquity,
    equity: state.lastEquity,
    loss,
    lossPercent,
    ...(limitPercent === undefined ? {} : { limitPercent }),
    ...(limitQuote === undefined ? {} : { limitQuote }),
  };
}

function drawdownTrip(state: BreakerState, config: BreakerConfig): DrawdownTrip | undefined {
  const limitPercent = config.maxDrawdownPercent;
  if (limitPercent === undefined || !(state.peak > 0)) return undefined;
  const drawdownPercent = ((state.peak - state.lastEquity) / state.peak) * 100;
  if (drawdownPercent < limitPercent) return undefined;
  const peakAt = new Date(state.peakTime).toISOString().slice(0, 16).replace('T', ' ');
  return {
    kind: 'max_drawdown',
    time: state.lastTime,
    reason: `Max drawdown hit: equity ${amount(state.lastEquity)} is ${pct(drawdownPercent)} below its peak of ${amount(state.peak)} (${peakAt} UTC); the limit is ${formatNumber(limitPercent)}%.`,
    peak: state.peak,
    peakTime: state.peakTime,
    equity: state.lastEquity,
    drawdownPercent,
    limitPercent,
  };
}

/**
 * Feeds one equity sample (later than the last) and returns the new state and the breakers
 * it trips (daily loss, max drawdown). Pass `undefined` to start.
 */
export function updateBreakers(
  state: BreakerState | undefined,
  sample: EquitySample,
  config: BreakerConfig,
): { state: BreakerState; trips: BreakerTrip[] } {
  const day = utcDayStart(sample.time);
  const base: BreakerState = state ?? {
    dayStart: day,
    dayStartEquity: sample.equity,
    peak: sample.equity,
    peakTime: sample.time,
    lastTime: sample.time,
    lastEquity: sample.equity,
  };
  const isNewDay = day > base.dayStart;
  const isNewPeak = sample.equity > base.peak;
  const next: BreakerState = {
    dayStart: isNewDay ? day : base.dayStart,
    dayStartEquity: isNewDay ? base.lastEquity : base.dayStartEquity,
    peak: isNewPeak ? sample.equity : base.peak,
    peakTime: isNewPeak ? sample.time : base.peakTime,
    lastTime: sample.time,
    lastEquity: sample.equity,
  };
  const trips: BreakerTrip[] = [];
  const daily = dailyLossTrip(next, config);
  if (daily) trips.push(daily);
  const drawdown = drawdownTrip(next, config);
  if (drawdown) trips.push(drawdown);
  return { state: next, trips };
}

/**
 * Runs the breakers over a whole series and returns the first trip of each kind, in time
 * order, and the final state.
 */
export function scanEquity(
  series: readonly EquitySample[],
  config: BreakerConfig,
  state?: BreakerState,
): { state: BreakerState | undefined; trips: BreakerTrip[] } {
  let current = state;
  const first = new Map<BreakerTrip['kind'], BreakerTrip>();
  for (const sample of series) {
    const result = updateBreakers(current, sample, config);
    current = result.state;
    for (const trip of result.trips) if (!first.has(trip.kind)) first.set(trip.kind, trip);
  }
  return { state: current, trips: [...first.values()].sort((a, b) => a.time - b.time) };
}

function exposureOf(positionValues: readonly number[]): number {
  return positionValues.reduce((sum, value) => sum + Math.abs(value), 0);
}

/**
 * Trips when the positions (their values in quote) exceed `maxExposurePercent` of equity.
 *
 * @example checkExposure([6_000, 3_000], 10_000, { maxExposurePercent: 80 }, t) // trip at 90%
 */
export function checkExposure(
  positionValues: readonly number[],
  equity: number,
  config: BreakerConfig,
  time: TimestampMs,
): ExposureTrip | undefined {
  const limitPercent = config.maxExposurePercent;
  if (limitPercent === undefined) return undefined;
  const exposure = exposureOf(positionValues);
  if (exposure <= 0) return undefined;
  const exposurePercent = equity > 0 ? (exposure / equity) * 100 : Infinity;
  if (exposurePercent <= limitPercent * (1 + 1e-9)) return undefined;
  return {
    kind: 'exposure',
    time,
    reason: `Exposure cap exceeded: positions worth ${amount(exposure)} are ${equity > 0 ? pct(exposurePercent) : 'all'} of equity ${amount(equity)}; the cap is ${formatNumber(limitPercent)}%.`,
    exposure,
    equity,
    exposurePercent,
    limitPercent,
  };
}

/**
 * How much more position value (quote) fits under the exposure cap; Infinity without a cap.
 * A buy worth more than this would trip it: resize it to this, or reject it when it is 0.
 */
export function exposureRoom(
  positionValues: readonly number[],
  equity: number,
  config: BreakerConfig,
): number {
  if (config.maxExposurePercent === undefined) return Infinity;
  return Math.max(0, (equity * config.maxExposurePercent) / 100 - exposureOf(positionValues));
}
