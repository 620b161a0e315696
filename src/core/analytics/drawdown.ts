/**
 * Drawdowns: how far a curve fell below its running peak, as a fraction of that peak.
 * Sign convention (empyrical `max_drawdown`, pyfolio's underwater plot): drawdowns are
 * reported as NEGATIVE fractions (−0.25 = 25 % below the peak) and 0 at a new high.
 * A curve that never falls — and an empty or one-point curve — has a max drawdown of 0,
 * no recovery (`undefined`) and a duration of 0. Nothing returns NaN/Infinity or throws.
 */
import { finite, noNegativeZero } from './stats';

/** The worst peak-to-trough fall of a curve and when it happened (indexes into the input). */
export interface DrawdownDetails {
  /** min over t of (vₜ / max_{s≤t} vₛ − 1): ≤ 0; 0 when the curve never falls. */
  maxDrawdown: number;
  /** Index of the peak the max drawdown fell from (0 when there is no drawdown). */
  peakIndex: number;
  /** Index of the lowest point of the max drawdown (0 when there is no drawdown). */
  troughIndex: number;
  /** First index after the trough back at or above the peak; `undefined` if not (yet) recovered. */
  recoveryIndex: number | undefined;
  /**
   * Length of the max drawdown in periods: recoveryIndex − peakIndex when recovered, else
   * (last index − peakIndex) — still under water at the end (pyfolio leaves it NaN). 0 without one.
   */
  durationPeriods: number;
  /**
   * Longest drawdown of any depth, in periods, measured like `durationPeriods` (peak → recovery,
   * or peak → last index if not recovered). ≥ durationPeriods; 0 when the curve never falls.
   */
  longestDurationPeriods: number;
}

/** Drawdown of `value` from `peak` as a fraction: value / peak − 1; 0 when peak ≤ 0. */
function fractionBelow(value: number, peak: number): number {
  return peak > 0 ? noNegativeZero(Math.min(0, value / peak - 1)) : 0;
}

/**
 * Drawdown series of an equity curve, one point per input value (the "underwater" curve):
 *   ddₜ = vₜ / max_{s≤t} vₛ − 1   (≤ 0; 0 at new highs).
 * Non-finite values (and points before the first finite one) get 0 and do not move the peak;
 * a running peak ≤ 0 gives 0 (a fraction of nothing is undefined). [] → [].
 */
export function equityDrawdownSeries(values: readonly number[]): number[] {
  let peak = -Infinity;
  return values.map((value) => {
    if (!Number.isFinite(value)) return 0;
    peak = Math.max(peak, value);
    return fractionBelow(value, peak);
  });
}

/**
 * The max drawdown of an equity (or price) curve with its peak, trough, recovery and duration
 * (pyfolio `gen_drawdown_table`, first row, in indexes rather than dates):
 *   maxDrawdown = minₜ (vₜ / max_{s≤t} vₛ − 1)
 * Ties keep the earliest drawdown. Conventions for curves without a drawdown: see the header.
 */
export function drawdownDetails(values: ArrayLike<number>): DrawdownDetails {
  let peak = -Infinity;
  let peakIndex = 0;
  let worst = 0;
  let worstPeakIndex = 0;
  let troughIndex = 0;
  let longest = 0;
  let lastFinite = -1;
  let isUnderwater = false;
  for (let index = 0; index < values.length; index++) {
    const value = values[index] as number;
    if (!Number.isFinite(value)) continue;
    lastFinite = index;
    if (value >= peak) {
      if (isUnderwater) longest = Math.max(longest, index - peakIndex);
      isUnderwater = false;
      peak = value;
      peakIndex = index;
      continue;
    }
    isUnderwater = peak > 0;
    const drawdown = fractionBelow(value, peak);
    if (drawdown < worst) {
      worst = drawdown;
      worstPeakIndex = peakIndex;
      troughIndex = index;
    }
  }
  if (isUnderwater) longest = Math.max(longest, lastFinite - peakIndex);
  if (worst === 0) {
    return {
      maxDrawdown: 0,
      peakIndex: 0,
      troughIndex: 0,
      recoveryIndex: undefined,
      durationPeriods: 0,
      longestDurationPeriods: longest,
    };
  }
  const peakValue = values[worstPeakIndex] ?? 0;
  let recoveryIndex: number | undefined;
  for (let index = troughIndex + 1; index < values.length; index++) {
    const value = values[index] ?? Number.NaN;
    if (Number.isFinite(value) && value >= peakValue) {
      recoveryIndex = index;
      break;
    }
  }
  return {
    maxDrawdown: worst,
    peakIndex: worstPeakIndex,
    troughIndex,
    recoveryIndex,
    durationPeriods: (recoveryIndex ?? lastFinite) - worstPeakIndex,
    longestDurationPeriods: longest,
  };
}

/**
 * Compounded curve of periodic returns, starting at 1: [1, 1 + r₁, (1 + r₁)(1 + r₂), …].
 * Non-finite returns are skipped. Includes the starting value, like empyrical's
 * `max_drawdown`, so a first return of −10 % is already a 10 % drawdown.
 */
export function compoundedCurve(returns: readonly number[]): number[] {
  const curve = [1];
  let value = 1;
  for (const r of finite(returns)) {
    value *= 1 + r;
    curve.push(value);
  }
  return curve;
}

/**
 * Max drawdown of periodic simple returns over the compounded curve (empyrical
 * `max_drawdown`): with Vₜ = Π_{i≤t}(1 + rᵢ) and V₀ = 1,
 *   MDD = minₜ (Vₜ / max_{s≤t} Vₛ − 1)   — a NEGATIVE fraction, 0 if it never falls or for [].
 */
export function maxDrawdown(returns: readonly number[]): number {
  return drawdownDetails(compoundedCurve(returns)).maxDrawdown;
}
