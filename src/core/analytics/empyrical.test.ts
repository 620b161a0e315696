/**
 * Cross-check against empyrical (quantopian/empyrical, tests/test_stats.py). Its fixtures are
 * percent returns on daily periods (DAILY = 252):
 *   mixed_returns    = [NaN, 1, 10, −4, 2, 3, 2, 1, −10] / 100
 *   positive_returns = [1, 2, 1, 1, 1, 1, 1, 1, 1] / 100
 *   negative_returns = [0, −6, −7, −1, −9, −2, −6, −8, −5] / 100
 * and the expected values below are the ones empyrical's own tests assert. The arithmetic is
 * redone by hand in the comments. Where empyrical answers NaN/inf we answer null.
 */
import { describe, expect, it } from 'vitest';
import { maxDrawdown } from './drawdown';
import { calmarRatio, downsideRisk, sharpeRatio, sortinoRatio } from './ratios';
import { annualReturn, annualVolatility, totalReturn } from './returns';

const daily = { periodsPerYear: 252 };
// empyrical's nan-functions skip the leading NaN: these 8 values.
const mixed = [1, 10, -4, 2, 3, 2, 1, -10].map((x) => x / 100);
// empyrical's annual_return counts the NaN in n (len = 9) and cum_returns treats it as 0.
const mixedWithNanAsZero = [0, ...mixed];
const positive = [1, 2, 1, 1, 1, 1, 1, 1, 1].map((x) => x / 100);
const negative = [0, -6, -7, -1, -9, -2, -6, -8, -5].map((x) => x / 100);

describe('empyrical reference values, mixed_returns', () => {
  it('cum_returns_final', () => {
    // 1.01 → 1.111 → 1.06656 → 1.0878912 → 1.120527936 → 1.14293849472 → 1.1543678796672
    // → × 0.9 = 1.03893109170048; − 1
    expect(totalReturn(mixed)).toBeCloseTo(0.03893109170048, 12);
  });

  it('max_drawdown = −0.1', () => {
    // Peak 1.1543678796672 (after the 1 %), then −10 %: 0.9 − 1 = −0.1.
    // (The earlier −4 % from 1.111 is only −0.04.)
    expect(maxDrawdown(mixed)).toBeCloseTo(-0.1, 12);
  });

  it('annual_return = 1.9135925373194231', () => {
    // n = 9 (NaN counted): 1.03893109170048^(252 / 9 = 28) − 1
    expect(annualReturn(mixedWithNanAsZero, daily)).toBeCloseTo(1.9135925373194231, 10);
  });

  it('annual_volatility = 0.9136465399704637', () => {
    // mean = 5 / 8 % = 0.00625. Deviations: .00375, .09375, −.04625, .01375, .02375, .01375,
    // .00375, −.10625 → squares sum: 8.7890625e-3 + 2.1390625e-3 + 11.2890625e-3
    // + 0.5640625e-3 + 2 × 0.1890625e-3 + 2 × 0.0140625e-3 = 23.1875e-3.
    // / 7 = 3.3125e-3 → std = 0.0575543…; × √252 = 0.913646…
    expect(annualVolatility(mixed, daily)).toBeCloseTo(0.9136465399704637, 12);
    expect(annualVolatility(mixed, daily)).toBeCloseTo(Math.sqrt((0.0231875 / 7) * 252), 14);
  });

  it('sharpe_ratio = 1.7238613961706866', () => {
    // 0.00625 / √3.3125e-3 × √252 = 0.108593… × 15.874508 = 1.723861…
    expect(sharpeRatio(mixed, daily)).toBeCloseTo(1.7238613961706866, 12);
  });

  it('downside_risk = 0.6044832503882965, and 1.7161730681956295 with required 0.1', () => {
    // min(r, 0)²: only −0.04 and −0.10 → 0.0016 + 0.01 = 0.0116; / 8 = 0.00145;
    // √ = 0.0380789…; × √252 = 0.604483…
    expect(downsideRisk(mixed, daily)).toBeCloseTo(0.6044832503882965, 12);
    // min(r − 0.1, 0)²: .0081, 0, .0196, .0064, .0049, .0064, .0081, .04 → 0.0935 / 8
    // = 0.0116875; √ = 0.108109…; × √252 = 1.716173…
    expect(downsideRisk(mixed, { ...daily, requiredReturn: 0.1 })).toBeCloseTo(
      1.7161730681956295,
      12,
    );
  });

  it('sortino_ratio = 2.605531251673693', () => {
    // mean × 252 / downside risk = 0.00625 × 252 / 0.6044832… = 1.575 / 0.6044832… = 2.605531…
    expect(sortinoRatio(mixed, daily)).toBeCloseTo(2.605531251673693, 12);
  });

  it('calmar_ratio = 19.135925373194233', () => {
    // annual_return / |max_drawdown| = 1.9135925373194231 / 0.1
    expect(calmarRatio(mixedWithNanAsZero, daily)).toBeCloseTo(19.135925373194233, 9);
  });
});

describe('empyrical reference values, other fixtures', () => {
  it('positive_returns: sharpe 52.915026221291804; sortino inf → null', () => {
    // mean = 10 / 9 % = 0.011111…; deviations: 8 × −0.001111…, one 0.008888…
    // Σd² = 8 × 1.2345679e-6 + 7.9012346e-5 = 8.8888889e-5; / 8 = 1.1111111e-5;
    // std = 0.0033333…; 0.011111 / 0.0033333 = 3.33333…; × √252 = 52.915026…
    expect(sharpeRatio(positive, daily)).toBeCloseTo(52.915026221291804, 10);
    expect(sortinoRatio(positive, daily)).toBeNull();
  });

  it('negative_returns: sharpe −24.406808633910085, sortino −13.532743075043401', () => {
    expect(sharpeRatio(negative, daily)).toBeCloseTo(-24.406808633910085, 10);
    expect(sortinoRatio(negative, daily)).toBeCloseTo(-13.532743075043401, 10);
  });

  it('negative_returns: max_drawdown = cum_returns_final (it only falls)', () => {
    // 0.94 × 0.93 × 0.99 × 0.91 × 0.98 × 0.94 × 0.92 × 0.95 − 1 = −0.365907303498736
    expect(maxDrawdown(negative)).toBeCloseTo(totalReturn(negative), 14);
    expect(maxDrawdown(negative)).toBeCloseTo(-0.365907303498736, 12);
  });

  it('one_return and empty_returns: NaN in empyrical, null here; max drawdown 0', () => {
    expect(sharpeRatio([0.01], daily)).toBeNull();
    expect(sortinoRatio([0.01], daily)).toBeNull();
    expect(sharpeRatio([], daily)).toBeNull();
    expect(annualReturn([], daily)).toBeNull();
    expect(maxDrawdown([])).toBe(0);
    expect(maxDrawdown([0.01])).toBe(0);
  });

  it('simple_benchmark [0, 1, 0, 1, …] %: no drawdown, no downside', () => {
    const simple = [0, 1, 0, 1, 0, 1, 0, 1, 0].map((x) => x / 100);
    expect(maxDrawdown(simple)).toBe(0);
    expect(sortinoRatio(simple, daily)).toBeNull();
    expect(calmarRatio(simple, daily)).toBeNull();
  });

  it('flat_line_1 (1 % every period): annual volatility 0, sharpe inf → null', () => {
    const flat = Array.from({ length: 10 }, () => 0.01);
    expect(annualVolatility(flat, daily)).toBe(0);
    expect(sharpeRatio(flat, daily)).toBeNull();
  });
});
