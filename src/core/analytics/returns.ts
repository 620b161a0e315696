/**
 * Periodic simple returns and the return metrics computed from them, following empyrical
 * (quantopian/empyrical, the library behind pyfolio): `cum_returns_final`, `annual_return`
 * (CAGR) and `annual_volatility`. A "period" is one step of the series — one candle of the bot's
 * timeframe — and `periodsPerYear` annualises (crypto trades 24/7: a year is 365 days, so 1h
 * candles give 8,760 periods; empyrical's equity default is 252 trading days).
 *
 * Non-finite entries of a returns array are skipped, like empyrical's nan-aware functions.
 * Results follow the convention in `stats.ts`: never NaN/Infinity, never a throw; `null` when
 * the metric is undefined for its input.
 */
import {
  annualisationFactor,
  finite,
  finiteOrNull,
  isNegligible,
  noNegativeZero,
  sampleStd,
} from './stats';

/** One year of a market that never closes, in ms (365 days). */
export const YEAR_MS = 365 * 86_400_000;

/** Options of the annualised metrics. */
export interface AnnualisationOptions {
  /** Periods per year: 365 for daily returns, 8,760 for hourly, 525,600 for 1-minute. */
  periodsPerYear: number;
}

/** Options of the metrics measured in excess of a risk-free rate. */
export interface RiskFreeOptions extends AnnualisationOptions {
  /**
   * Risk-free return PER PERIOD (empyrical's `risk_free` is in the returns' own period);
   * default 0. Convert an annual rate with `perPeriodRate`.
   */
  riskFree?: number;
}

/**
 * Periods per year for periods of `periodMs` milliseconds: YEAR_MS / periodMs, with a
 * 365-day year (crypto convention). E.g. 5-minute candles → 365 × 24 × 12 = 105,120.
 * Returns `null` when `periodMs` is not a positive finite number.
 */
export function periodsPerYearFromMs(periodMs: number): number | null {
  return Number.isFinite(periodMs) && periodMs > 0 ? YEAR_MS / periodMs : null;
}

/**
 * The per-period rate equivalent to an annual rate by compounding:
 * (1 + annualRate)^(1 / periodsPerYear) − 1. An annual rate ≤ −1 gives −1.
 * Returns `null` when `periodsPerYear` is not a positive finite number.
 */
export function perPeriodRate(annualRate: number, periodsPerYear: number): number | null {
  const factor = annualisationFactor(periodsPerYear);
  if (factor === null || !Number.isFinite(annualRate)) return null;
  if (annualRate <= -1) return -1;
  return noNegativeZero((1 + annualRate) ** (1 / factor) - 1);
}

/**
 * Simple returns of an equity (or price) series: rᵢ = vᵢ / vᵢ₋₁ − 1, so n values give n − 1
 * returns (pandas `pct_change().dropna()`, empyrical `simple_returns`).
 * A step whose previous value is ≤ 0 or whose values are not finite has no defined return and
 * yields 0 (the period is kept so the series stays aligned with the equity points).
 * Fewer than two values → [].
 */
export function returnsFromEquity(values: ArrayLike<number>): number[] {
  const returns: number[] = [];
  for (let i = 1; i < values.length; i++) {
    const previous = values[i - 1] ?? 0;
    const value = values[i] ?? 0;
    const isDefined = Number.isFinite(previous) && Number.isFinite(value) && previous > 0;
    returns.push(isDefined ? noNegativeZero(value / previous - 1) : 0);
  }
  return returns;
}

/**
 * Compounded total return: Π(1 + rᵢ) − 1 (empyrical `cum_returns_final`).
 * No returns → 0 (an empty product is 1: nothing gained, nothing lost).
 */
export function totalReturn(returns: readonly number[]): number {
  let growth = 1;
  for (const r of finite(returns)) growth *= 1 + r;
  return noNegativeZero(Number.isFinite(growth) ? growth - 1 : 0);
}

/**
 * Compound annual growth rate (empyrical `annual_return`):
 *   CAGR = (1 + totalReturn)^(periodsPerYear / n) − 1, n = number of returns.
 * A wiped-out series (1 + total ≤ 0) gives −1.
 * `null` when there are no returns, `periodsPerYear` is unusable, or the extrapolation
 * overflows float64 (a short, strongly positive sample raised to a large power).
 * Note: empyrical counts NaN entries in n; here non-finite entries are skipped.
 */
export function annualReturn(
  returns: readonly number[],
  options: AnnualisationOptions,
): number | null {
  const clean = finite(returns);
  const factor = annualisationFactor(options.periodsPerYear);
  if (clean.length === 0 || factor === null) return null;
  const growth = 1 + totalReturn(clean);
  if (growth <= 0) return -1;
  return finiteOrNull(noNegativeZero(growth ** (factor / clean.length) - 1));
}

/**
 * Annualised volatility (empyrical `annual_volatility`, alpha = 2):
 *   σ_annual = std(r, ddof = 1) × √periodsPerYear.
 * `null` for fewer than two returns (a sample std needs two) or an unusable `periodsPerYear`.
 * A constant series gives 0 (a std that is only float noise, see `NEGLIGIBLE`, counts as 0).
 */
export function annualVolatility(
  returns: readonly number[],
  options: AnnualisationOptions,
): number | null {
  const clean = finite(returns);
  const std = sampleStd(clean);
  const factor = annualisationFactor(options.periodsPerYear);
  if (std === null || factor === null) return null;
  return isNegligible(std, clean) ? 0 : std * Math.sqrt(factor);
}
