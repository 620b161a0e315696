/**
 * Protective exits of a long position: stop-loss, scaled take-profit, trailing stop and the ROI
 * table, evaluated on each closed candle. They run in the risk engine, not in strategy code, and
 * stay active while the bot is paused.
 *
 * The candle is walked along the shared intrabar path (market/intrabarPath.ts): open → low →
 * high → close when it closed up, open → high → low → close when it closed down, moving linearly
 * between points. Levels fill at the level, or at the open when the candle opens through them (a
 * gap). When several levels lie inside one candle, the path decides which is reached first:
 *
 * - Up candle with a stop below and a take-profit above the open: the low comes first, so the
 *   stop fills and the take-profit never does (pessimistic, as in the fill model).
 * - Down candle: the high comes first, so the take-profit step fills, and then the rest of the
 *   position is stopped out on the way down to the low. Both show up as legs of one exit.
 * - Stop-loss and trailing stop both below: the higher level is reached first (ties: stop-loss).
 * - Take-profit steps and the ROI level above: the lower level first (ties: the take-profit step,
 *   then ROI exits what is left).
 * - The trailing stop follows the highest price reached along the path; it cannot trigger on the
 *   rise that sets a new high, only on a later fall, so a candle may raise the high and then
 *   exit on its way down to the close.
 *
 * A candle that opened before the entry (a fill in the middle of a live candle) is judged on its
 * close alone: the path before the fill is not the position's. Pure; no clock, no I/O.
 */
import type { Candle } from '../market/candle';
import { intrabarPath, type IntrabarPath } from '../market/intrabarPath';
import type { TimestampMs } from '../time';
import type { RiskConfig, RoiStep, StopLossConfig } from './riskConfig';

export type ExitReason = 'stop_loss' | 'take_profit' | 'trailing_stop' | 'roi';

/** What the protective exits remember about the open position between candles (persist it). */
export interface ProtectiveState {
  /** Average entry price of the position. */
  entryPrice: number;
  /** When the position was opened (its first fill), UTC ms; the ROI table measures age from it. */
  entryTime: TimestampMs;
  /** Highest price traded since entry (the trailing stop's anchor). */
  highWater: number;
  /** Whether the trailing stop is armed (the price reached entry × (1 + activation%)). */
  trailingActive: boolean;
  /** How many take-profit steps (in ascending level order) have been taken. */
  takeProfitStepsDone: number;
}

/** One fill the path produces within a candle. */
export interface ProtectiveExitLeg {
  reason: ExitReason;
  /** Share of the position held at the start of the candle that this leg sells, in (0, 1]. */
  fraction: number;
  /** Modelled fill price: the level, or the open when the candle gapped through it. */
  price: number;
  /** Index of the take-profit step (in ascending level order), for take-profit legs. */
  step?: number;
  /** Where on the path: 0 = at the open (a gap), k = on the way to path point k. */
  point: number;
}

/**
 * The exit the engine must take: sell `fraction` of the current position. Usually one leg; when
 * a candle reaches several levels (two take-profit steps, or a step and then the stop), the legs
 * are combined: `fraction` is their sum, `price` their fraction-weighted average, `reason` the
 * last leg's (the one that closed the position, if any) and `step` the last take-profit step.
 */
export interface ProtectiveExit {
  reason: ExitReason;
  /** Share of the current position to sell, in (0, 1]; exactly 1 when the position is closed. */
  fraction: number;
  price: number;
  step?: number;
  legs: ProtectiveExitLeg[];
}

export interface ProtectiveEvaluation {
  exit: ProtectiveExit | undefined;
  /** The state after the candle (new high, trailing armed, steps taken). */
  state: ProtectiveState;
}

/** Where the exits currently sit, for charts and the bot page. Undefined = not in force. */
export interface ProtectiveLevels {
  stopLoss?: number;
  /** The trailing stop's level once armed. */
  trailingStop?: number;
  /** The price that arms the trailing stop, while it is not armed yet. */
  trailingActivation?: number;
  takeProfit?: { step: number; price: number; fraction: number };
  roi?: number;
}

/** Below this share of the original position, take-profit steps have sold everything. */
const CLOSED_TOLERANCE = 1e-9;
const MINUTE_MS = 60_000;

/** State for a position just opened at `entryPrice` (its average entry) at `entryTime`. */
export function initialProtectiveState(
  entryPrice: number,
  entryTime: TimestampMs,
): ProtectiveState {
  return {
    entryPrice,
    entryTime,
    highWater: entryPrice,
    trailingActive: false,
    takeProfitStepsDone: 0,
  };
}

/**
 * Keeps the state in step with the position after a fill: undefined when flat, a fresh state
 * when a position opens, the new average entry (keeping the high and the steps taken) when it
 * grows or shrinks. `amount` should be 0 for dust the market cannot sell.
 */
export function syncProtectiveState(
  state: ProtectiveState | undefined,
  position: { amount: number; averageEntry: number },
  time: TimestampMs,
): ProtectiveState | undefined {
  if (!(position.amount > 0) || !(position.averageEntry > 0)) return undefined;
  if (state === undefined) return initialProtectiveState(position.averageEntry, time);
  return { ...state, entryPrice: position.averageEntry };
}

/** The stop-loss price for a position entered at `entryPrice`. */
export function stopLossLevel(
  stopLoss: StopLossConfig | undefined,
  entryPrice: number,
): number | undefined {
  if (!stopLoss) return undefined;
  return stopLoss.kind === 'price' ? stopLoss.price : entryPrice * (1 - stopLoss.percent / 100);
}

/** The ROI row in force for a trade `ageMs` old: the one with the largest age not above it. */
export function roiRowFor(
  roiTable: readonly RoiStep[] | undefined,
  ageMs: number,
): RoiStep | undefined {
  let row: RoiStep | undefined;
  for (const candidate of roiTable ?? []) {
    if (candidate.afterMinutes * MINUTE_MS <= ageMs) {
      if (!row || candidate.afterMinutes > row.afterMinutes) row = candidate;
    }
  }
  return row;
}

function armTrailing(state: ProtectiveState, config: RiskConfig): ProtectiveState {
  const trailing = config.trailingStop;
  if (!trailing || state.trailingActive) return state;
  const activation = state.entryPrice * (1 + trailing.activationPercent / 100);
  return state.highWater >= activation ? { ...state, trailingActive: true } : state;
}

function trailingLevel(state: ProtectiveState, config: RiskConfig): number | undefined {
  const trailing = config.trailingStop;
  if (!trailing || !state.trailingActive) return undefined;
  return state.highWater * (1 - trailing.percent / 100);
}

/**
 * Where the exits sit for `state` at `nowMs` (ROI depends on the trade's age).
 *
 * @example protectiveLevels(initialProtectiveState(100, 0), { stopLoss: { kind: 'percent', percent: 3 } }, 0)
 *   // { stopLoss: 97 }
 */
export function protectiveLevels(
  state: ProtectiveState,
  config: RiskConfig,
  nowMs: TimestampMs,
): ProtectiveLevels {
  const armed = armTrailing(state, config);
  const levels: ProtectiveLevels = {};
  const stop = stopLossLevel(config.stopLoss, state.entryPrice);
  if (stop !== undefined) levels.stopLoss = stop;
  const trailing = trailingLevel(armed, config);
  if (trailing !== undefined) levels.trailingStop = trailing;
  else if (config.trailingStop) {
    levels.trailingActivation =
      state.entryPrice * (1 + config.trailingStop.activationPercent / 100);
  }
  const next = config.takeProfit?.steps[state.takeProfitStepsDone];
  if (next) {
    levels.takeProfit = {
      step: state.takeProfitStepsDone,
      price: state.entryPrice * (1 + next.percent / 100),
      fraction: next.fraction,
    };
  }
  const roi = roiRowFor(config.roiTable, nowMs - state.entryTime);
  if (roi) levels.roi = state.entryPrice * (1 + roi.percent / 100);
  return levels;
}

/** The walk through one candle: mutable only inside `evaluateProtectiveExits`. */
interface Walk {
  state: ProtectiveState;
  legs: ProtectiveExitLeg[];
  /** Share of the original position (before any take-profit step) still held. */
  remaining: number;
  /** `remaining` at the start of the candle: the unit leg fractions are expressed in. */
  startRemaining: number;
  closed: boolean;
}

function closeAll(walk: Walk, reason: ExitReason, price: number, point: number): void {
  walk.legs.push({ reason, fraction: walk.remaining / walk.startRemaining, price, point });
  walk.remaining = 0;
  walk.closed = true;
}

/** Price falling from `from` to `to` (or sitting at the open, from = to): stops below. */
function walkDown(walk: Walk, config: RiskConfig, from: number, to: number, point: number): void {
  const stop = stopLossLevel(config.stopLoss, walk.state.entryPrice);
  const trailing = trailingLevel(walk.state, config);
  const useTrailing = trailing !== undefined && (stop === undefined || trailing > stop);
  const level = useTrailing ? trailing : stop;
  if (level === undefined || to > level) return;
  // Already through the level where this stretch starts (the open, a gap): fill there.
  closeAll(walk, useTrailing ? 'trailing_stop' : 'stop_loss', Math.min(level, from), point);
}

/** Price rising from `from` to `to` (or sitting at the open): take-profit steps and ROI above. */
function walkUp(
  walk: Walk,
  config: RiskConfig,
  roi: number | undefined,
  from: number,
  to: number,
  point: number,
): void {
  const steps = config.takeProfit?.steps ?? [];
  const { entryPrice } = walk.state;
  for (;;) {
    const index = walk.state.takeProfitStepsDone;
    const step = steps[index];
    const stepLevel = step ? entryPrice * (1 + step.percent / 100) : Infinity;
    // Ties go to the take-profit step; the ROI exit then takes what is left at the same price.
    if (roi !== undefined && roi < stepLevel) {
      if (roi <= to) closeAll(walk, 'roi', Math.max(roi, from), point);
      return;
    }
    if (!step || stepLevel > to) return;
    const price = Math.max(stepLevel, from);
    const isLast = walk.remaining - step.fraction <= CLOSED_TOLERANCE;
    const sold = isLast ? walk.remaining : step.fraction;
    walk.legs.push({
      reason: 'take_profit',
      fraction: sold / walk.startRemaining,
      price,
      step: index,
      point,
    });
    walk.remaining -= sold;
    walk.state = { ...walk.state, takeProfitStepsDone: index + 1 };
    if (isLast) {
      walk.closed = true;
      return;
    }
  }
}

/** Raises the high-water mark to `price` and arms the trailing stop when it gets there. */
function markHigh(walk: Walk, config: RiskConfig, price: number): void {
  if (price > walk.state.highWater) walk.state = { ...walk.state, highWater: price };
  walk.state = armTrailing(walk.state, config);
}

function combine(legs: ProtectiveExitLeg[], closed: boolean): ProtectiveExit | undefined {
  const last = legs.at(-1);
  if (!last) return undefined;
  const total = legs.reduce((sum, leg) => sum + leg.fraction, 0);
  const price =
    legs.length === 1
      ? last.price
      : legs.reduce((sum, leg) => sum + leg.fraction * leg.price, 0) / total;
  const lastStep = legs.filter((leg) => leg.step !== undefined).at(-1)?.step;
  return {
    reason: last.reason,
    fraction: closed ? 1 : Math.min(1, total),
    price,
    ...(lastStep === undefined ? {} : { step: lastStep }),
    legs,
  };
}

/**
 * The exit the engine must take on this closed candle, if any, and the updated state.
 * `nowMs` dates the decision for the ROI table (the trade's age is nowMs − entryTime); pass the
 * candle's close time. Call it for every closed candle while a position is open, in order.
 *
 * @example
 * const state = initialProtectiveState(100, t0);
 * evaluateProtectiveExits(state, { time: t0, open: 100, high: 101, low: 96, close: 100.5 },
 *   { stopLoss: { kind: 'percent', percent: 3 } }, t0 + 60_000).exit;
 * // { reason: 'stop_loss', fraction: 1, price: 97, legs: [...] }
 */
export function evaluateProtectiveExits(
  state: ProtectiveState,
  candle: Pick<Candle, 'time' | 'open' | 'high' | 'low' | 'close'>,
  config: RiskConfig,
  nowMs: TimestampMs,
): ProtectiveEvaluation {
  const steps = config.takeProfit?.steps ?? [];
  const taken = steps
    .slice(0, state.takeProfitStepsDone)
    .reduce((sum, step) => sum + step.fraction, 0);
  const startRemaining = 1 - taken;
  const walk: Walk = {
    state: armTrailing(state, config),
    legs: [],
    remaining: startRemaining,
    startRemaining,
    closed: startRemaining <= CLOSED_TOLERANCE,
  };
  if (walk.closed) return { exit: undefined, state: walk.state };

  const path: IntrabarPath =
    candle.time >= state.entryTime
      ? intrabarPath(candle)
      : [candle.close, candle.close, candle.close, candle.close];
  const roiRow = roiRowFor(config.roiTable, nowMs - state.entryTime);
  const roi = roiRow && state.entryPrice * (1 + roiRow.percent / 100);

  // The open: anything it is already through fills there (a gap), stops first.
  const open = path[0];
  walkDown(walk, config, open, open, 0);
  if (!walk.closed) walkUp(walk, config, roi, open, open, 0);
  if (!walk.closed) markHigh(walk, config, open);

  for (let point = 1; point < path.length && !walk.closed; point++) {
    const from = path[point - 1] as number;
    const to = path[point] as number;
    if (to < from) walkDown(walk, config, from, to, point);
    else if (to > from) {
      walkUp(walk, config, roi, from, to, point);
      if (!walk.closed) markHigh(walk, config, to);
    }
  }
  return { exit: combine(walk.legs, walk.closed), state: walk.state };
}
