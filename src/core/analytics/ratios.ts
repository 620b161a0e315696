/**
 * Risk-adjusted return ratios over periodic simple returns, following empyrical:
 * `sharpe_ratio`, `downside_risk`, `sortino_ratio` and `calmar_ratio`.
 *
 * Where empyrical answers NaN or ±inf — fewer than two returns, zero volatility, zero downside,
 * no drawdown — these return `null` ("not defined", shown as "—"): never 0, which would read as
 * "no risk-adjusted return" for a curve that only went up, and never Infinity, which is not
 * JSON and breaks sorting. A dispersion that is only float noise counts as zero (`NEGLIGIBLE`).
 */
import { maxDrawdown } from './drawdown';
import { annualReturn, type AnnualisationOptions, type RiskFreeOptions } from './returns';
import { annualisationFactor, finite, isNegligible, mean, sampleStd } from './stats';

/** Options of the Sortino ratio and downside risk. */
export interface DownsideOptions extends AnnualisationOptions {
  /** Minimum acceptable return PER PERIOD (empyrical `required_return`); default 0. */
  requiredReturn?: number;
}

/**
 * Annualised Sharpe ratio (empyrical `sharpe_ratio`), with eᵢ = rᵢ − rf (rf per period):
 *   Sharpe = mean(e) / std(e, ddof = 1) × √periodsPerYear.
 * `null` for fewer than two returns, zero (or float-noise) volatility of e, or an unusable
 * `periodsPerYear`.
 */
export function sharpeRatio(returns: readonly number[], options: RiskFreeOptions): number | null {
  const riskFree = options.riskFree ?? 0;
  const excess = finite(returns).map((r) => r - riskFree);
  const factor = annualisationFactor(options.periodsPerYear);
  const average = mean(excess);
  const std = sampleStd(excess);
  if (factor === null || average === null || std === null || isNegligible(std, excess)) {
    return null;
  }
  return (average / std) * Math.sqrt(factor);
}

/**
 * Annualised downside deviation (empyrical `downside_risk`), with dᵢ = min(rᵢ − required, 0)
 * averaged over ALL n returns (not only the losing ones):
 *   DR = sqrt(Σ dᵢ² / n) × √periodsPerYear.
 * 0 when no return is below `requiredReturn`; `null` for no returns or an unusable
 * `periodsPerYear`.
 */
export function downsideRisk(returns: readonly number[], options: DownsideOptions): number | null {
  const required = options.requiredReturn ?? 0;
  const below = finite(returns).map((r) => Math.min(r - required, 0) ** 2);
  const factor = annualisationFactor(options.periodsPerYear);
  const meanSquare = mean(below);
  if (factor === null || meanSquare === null) return null;
  return Math.sqrt(meanSquare) * Math.sqrt(factor);
}

/**
 * Annualised Sortino ratio (empyrical `sortino_ratio`):
 *   Sortino = mean(r − required) × periodsPerYear / DR   (DR from `downsideRisk`)
 *           = mean(r − required) / sqrt(mean(min(r − required, 0)²)) × √periodsPerYear.
 * `null` for fewer than two returns (as empyrical), no (or float-noise) downside — empyrical's
 * +inf — or an unusable `periodsPerYear`.
 */
export function sortinoRatio(returns: readonly number[], options: DownsideOptions): number | null {
  const required = options.requiredReturn ?? 0;
  const excess = finite(returns).map((r) => r - required);
  const factor = annualisationFactor(options.periodsPerYear);
  const average = mean(excess);
  const risk = downsideRisk(excess, { periodsPerYear: options.periodsPerYear });
  if (factor === null || average === null || risk === null || excess.length < 2) return null;
  if (isNegligible(risk / Math.sqrt(factor), excess)) return null;
  return (average * factor) / risk;
}

/**
 * Calmar ratio (empyrical `calmar_ratio`): CAGR over the depth of the max drawdown,
 *   Calmar = annualReturn(r) / |maxDrawdown(r)|.
 * `null` when the curve never draws down (empyrical: NaN) or the annual return is `null`.
 */
export function calmarRatio(
  returns: readonly number[],
  options: AnnualisationOptions,
): number | null {
  const drawdown = maxDrawdown(returns);
  const annual = annualReturn(returns, options);
  if (drawdown === 0 || annual === null) return null;
  return annual / Math.abs(drawdown);
}
