/**
 * Rounding to an exchange's step sizes (ccxt TICK_SIZE precision: 0.01, 0.00001, 5…) without
 * float artifacts: 0.3 / 0.1 is 2.9999999999999996 in float64, so a plain Math.floor would
 * drop a whole step. Results are snapped to the step's decimal count, so 0.1 + 0.2 style
 * noise never reaches an order. Only for order shaping; ledgers are never rounded.
 */

/** Relative slack for float noise in value / step (a few ulps), plus an absolute floor. */
const QUOTIENT_SLACK = 4 * Number.EPSILON;
const ABSOLUTE_SLACK = 1e-9;

/**
 * What is known of each step seen (steps are few, and parsing one is a regex on its string):
 * its decimal places, and 10^d when it is exactly 1e-d (0.01, 0.00001, 1), else undefined.
 */
interface StepFacts {
  decimals: number;
  divisor: number | undefined;
}
const factsByStep = new Map<number, StepFacts>();

function stepFacts(step: number): StepFacts {
  let facts = factsByStep.get(step);
  if (facts === undefined) {
    const decimals = parseDecimals(step);
    const isPowerOfTen = decimals <= 22 && Number(`1e-${decimals}`) === step;
    facts = { decimals, divisor: isPowerOfTen ? Number(`1e${decimals}`) : undefined };
    // A market has two steps; a bounded cache keeps odd callers from growing it without end.
    if (factsByStep.size >= 256) factsByStep.clear();
    factsByStep.set(step, facts);
  }
  return facts;
}

/** Decimal places of a step: 0.01 -> 2, 1e-8 -> 8, 2.5e-7 -> 8, 5 -> 0. */
export function stepDecimals(step: number): number {
  return stepFacts(step).decimals;
}

function parseDecimals(step: number): number {
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/i.exec(String(step));
  if (!match) return 0;
  const fraction = match[2]?.length ?? 0;
  const exponent = Number(match[3] ?? 0);
  return Math.min(100, Math.max(0, fraction - exponent));
}

function assertStep(step: number): void {
  if (!(Number.isFinite(step) && step > 0)) throw new RangeError(`Invalid step size ${step}.`);
}

/**
 * `units` steps as the number its decimal string reads: units × step rounded to the step's
 * decimals. For a step of exactly 1e-d that is units / 10^d, a correctly rounded division of
 * the same rational: the same number, without the string round trip (orders are shaped on
 * every signal of a backtest). `units` is a whole number; 0 stays +0, as the string gives.
 */
function snap(units: number, step: number): number {
  const { decimals, divisor } = stepFacts(step);
  if (divisor !== undefined && Math.abs(units) < 1e15) return units === 0 ? 0 : units / divisor;
  return Number((units * step).toFixed(decimals));
}

function slack(quotient: number): number {
  return ABSOLUTE_SLACK + Math.abs(quotient) * QUOTIENT_SLACK;
}

/** The largest multiple of `step` ≤ `value` (float noise just below a multiple counts as on it). */
export function floorToStep(value: number, step: number): number {
  assertStep(step);
  const quotient = value / step;
  return snap(Math.floor(quotient + slack(quotient)), step);
}

/** The smallest multiple of `step` ≥ `value` (float noise just above a multiple counts as on it). */
export function ceilToStep(value: number, step: number): number {
  assertStep(step);
  const quotient = value / step;
  return snap(Math.ceil(quotient - slack(quotient)), step);
}
