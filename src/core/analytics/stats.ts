/**
 * Small numeric helpers shared by the analytics functions: finite filtering, mean, sample
 * standard deviation (ddof = 1, like numpy's `std(ddof=1)` and pandas' `std()`), and the test
 * that decides when a dispersion is only float noise. Internal to `core/analytics`.
 *
 * Convention used by every metric in this folder (see docs/metrics.md):
 * - a sum or count over nothing is 0;
 * - a statistic that is undefined for its input — a mean of nothing, a sample standard
 *   deviation of fewer than two values, a ratio whose denominator is zero — is `null`.
 * Nothing here returns NaN or ±Infinity, and nothing throws.
 */

/**
 * Below this fraction of the largest magnitude in the sample, a standard deviation is float
 * noise (e.g. the std of [0.01, 0.01, 0.01] computes as ~1e-18, not 0) and counts as zero.
 */
export const NEGLIGIBLE = 1e-10;

/** The finite entries of `values`, in order (empyrical's nan-functions skip NaN the same way). */
export function finite(values: readonly number[]): number[] {
  return values.filter(Number.isFinite);
}

/** Σ values (0 for none). */
export function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** Arithmetic mean; `null` for no values. */
export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : sum(values) / values.length;
}

/**
 * Sample standard deviation, ddof = 1: sqrt(Σ(x − x̄)² / (n − 1)), two-pass.
 * `null` for fewer than two values.
 */
export function sampleStd(values: readonly number[]): number | null {
  const n = values.length;
  const average = mean(values);
  if (n < 2 || average === null) return null;
  let squares = 0;
  for (const value of values) squares += (value - average) ** 2;
  return Math.sqrt(squares / (n - 1));
}

/** Largest |x| in `values` (0 for none). */
export function maxAbs(values: readonly number[]): number {
  let largest = 0;
  for (const value of values) largest = Math.max(largest, Math.abs(value));
  return largest;
}

/** True when `dispersion` is zero or float noise relative to the sample's scale. */
export function isNegligible(dispersion: number, sample: readonly number[]): boolean {
  return dispersion <= NEGLIGIBLE * maxAbs(sample);
}

/** `periodsPerYear` when it is a usable annualisation factor (finite, > 0), else `null`. */
export function annualisationFactor(periodsPerYear: number): number | null {
  return Number.isFinite(periodsPerYear) && periodsPerYear > 0 ? periodsPerYear : null;
}

/** `value` when finite, else `null` (guards results that could overflow). */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** Turns −0 into 0 so results print and compare as users expect. */
export function noNegativeZero(value: number): number {
  return value === 0 ? 0 : value;
}
