import { describe, expect, it } from 'vitest';
import { calmarRatio, downsideRisk, sharpeRatio, sortinoRatio } from './ratios';

const monthly = { periodsPerYear: 12 };
const daily = { periodsPerYear: 252 };

describe('sharpeRatio', () => {
  it('is mean(r − rf) / std(r − rf, ddof = 1) × √periodsPerYear', () => {
    // mean 0.02, std √(2e-4 / 1) = 0.0141421…; 0.02 / 0.0141421 = √2; × √252 → √504 = 22.449944…
    expect(sharpeRatio([0.01, 0.03], daily)).toBeCloseTo(Math.sqrt(504), 10);
  });

  it('subtracts a per-period risk-free rate', () => {
    // [0.02, 0.04] − 0.01 = [0.01, 0.03]: the same excess returns as above
    expect(sharpeRatio([0.02, 0.04], { ...daily, riskFree: 0.01 })).toBeCloseTo(Math.sqrt(504), 10);
  });

  it('is negative when the mean excess return is', () => {
    expect(sharpeRatio([-0.01, -0.03], daily)).toBeCloseTo(-Math.sqrt(504), 10);
  });

  it('is null for fewer than two returns or zero volatility', () => {
    expect(sharpeRatio([], daily)).toBeNull();
    expect(sharpeRatio([0.01], daily)).toBeNull();
    expect(sharpeRatio([0.01, 0.01, 0.01], daily)).toBeNull();
    expect(sharpeRatio([0, 0, 0], daily)).toBeNull();
    expect(sharpeRatio([0.01, 0.03], { periodsPerYear: 0 })).toBeNull();
  });
});

describe('downsideRisk and sortinoRatio', () => {
  // r = [0.02, −0.01, 0.03, −0.02]
  // min(r, 0)² = [0, 1e-4, 0, 4e-4]; mean over ALL four = 5e-4 / 4 = 1.25e-4
  // per-period downside deviation = √1.25e-4 = 0.0111803…
  // mean(r) = 0.02 / 4 = 0.005
  const returns = [0.02, -0.01, 0.03, -0.02];

  it('downside risk is sqrt(mean(min(r − required, 0)²)) × √periodsPerYear', () => {
    // √(1.25e-4 × 12) = √1.5e-3 = 0.0387298…
    expect(downsideRisk(returns, monthly)).toBeCloseTo(Math.sqrt(1.5e-3), 12);
    expect(downsideRisk([0.01, 0.02], monthly)).toBe(0);
    expect(downsideRisk([], monthly)).toBeNull();
  });

  it('sortino is mean(r − required) × periodsPerYear / downside risk', () => {
    // (0.005 / 0.0111803)² = 2.5e-5 / 1.25e-4 = 0.2 → ratio √0.2; × √12 → √2.4 = 1.549193…
    expect(sortinoRatio(returns, monthly)).toBeCloseTo(Math.sqrt(2.4), 10);
  });

  it('measures against a per-period required return', () => {
    // [0.03, 0, 0.04, −0.01] − 0.01 = the returns above
    expect(sortinoRatio([0.03, 0, 0.04, -0.01], { ...monthly, requiredReturn: 0.01 })).toBeCloseTo(
      Math.sqrt(2.4),
      10,
    );
  });

  it('is null with no downside, fewer than two returns, or no usable periodsPerYear', () => {
    expect(sortinoRatio([0.01, 0.02], monthly)).toBeNull();
    expect(sortinoRatio([0, 0], monthly)).toBeNull();
    expect(sortinoRatio([-0.01], monthly)).toBeNull();
    expect(sortinoRatio([], monthly)).toBeNull();
    expect(sortinoRatio(returns, { periodsPerYear: 0 })).toBeNull();
  });
});

describe('calmarRatio', () => {
  it('is annual return / |max drawdown|', () => {
    // r = [0.1, −0.2, 0.1], one year of 3 periods: CAGR = 1.1 × 0.8 × 1.1 − 1 = −0.032
    // curve [1, 1.1, 0.88, 0.968]: peak 1.1, trough 0.88 → 0.88 / 1.1 − 1 = −0.2
    // Calmar = −0.032 / 0.2 = −0.16
    expect(calmarRatio([0.1, -0.2, 0.1], { periodsPerYear: 3 })).toBeCloseTo(-0.16, 12);
  });

  it('is null without a drawdown or without an annual return', () => {
    expect(calmarRatio([0.01, 0.02], monthly)).toBeNull();
    expect(calmarRatio([], monthly)).toBeNull();
    expect(calmarRatio([-0.1], { periodsPerYear: 0 })).toBeNull();
  });
});
