/**
 * Rounding to an exchange's step sizes (ccxt TICK_SIZE precision: 0.01, 0.00001, 5…) without
 * float artifacts: 0.3 / 0.1 is 2.9999999999999996 in float64, so a plain Math.floor would
 * drop a whole step. Results are snapped to the step's decimal count, so 0.1 + 0.2 style
 * noise never reaches an order. Only for order shaping; ledgers are never rounded.
 */

/** Relative slack for float noise in value / step (a few ulps), plus an absolute floor. */
const QUOTIENT_SLACK = 4 * Number.EPSILON;
const ABSOLUTE_SLACK = 1e-9;

/** Decimals of each step seen (steps are few, and parsing one is a regex on its string). */
const decimalsByStep = new Map<number, number>();

/** Decimal places of a step: 0.01 -> 2, 1e-8 -> 8, 2.5e-7 -> 8, 5 -> 0. */
export function stepDecimals(step: number): number {
  let decimals = decimalsByStep.get(step);
  if (decimals === undefined) {
    decimals = parseDecimals(step);
    // A market has two steps; a bounded cache keeps odd callers from growing it without end.
    if (decimalsByStep.size >= 256) decimalsByStep.clear();
    decimalsByStep.set(step, decimals);
  }
  return decimals;
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

/** 10^d for the steps that are exactly 1e-d (0.01, 0.00001, 1), else undefined. */
const divisorByStep = new Map<number, number | undefined>();

function powerOfTenDivisor(step: number): number | undefined {
  if (divisorByStep.has(step)) return divisorByStep.get(step);
  const decimals = stepDecimals(step);
  const divisor =
    decimals <= 22 && Number(`1e-${decimals}`) === step ? Number(`1e${decimals}`) : undefined;
  if (divisorByStep.size >= 256) divisorByStep.clear();
  divisorByStep.set(step, divisor);
  return divisor;
}

/**
 * `units` steps as the number its decimal string reads: units × step rounded to the step's
 * decimals. For a step of exactly 1e-d that is units / 10^d, a correctly rounded division of
 * the same rational: the same number, without the string round trip (orders are shaped on
 * every signal of a backtest). `units` is a whole number; 0 stays +0, as the string gives.
 */
function snap(units: number, step: number): number {
  const divisor = powerOfTenDivisor(step);
  if (divisor !== undefined && Math.abs(units) < 1e15) return units === 0 ? 0 : units / divisor;
  return Number((units * step).toFixed(stepDecimals(step)));
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
