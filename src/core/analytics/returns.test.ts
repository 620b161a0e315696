import { describe, expect, it } from 'vitest';
import {
  annualReturn,
  annualVolatility,
  perPeriodRate,
  periodsPerYearFromMs,
  returnsFromEquity,
  totalReturn,
} from './returns';

describe('returnsFromEquity', () => {
  it('gives rᵢ = vᵢ / vᵢ₋₁ − 1, one fewer than the values', () => {
    // 110 / 100 − 1 = 0.1 ; 99 / 110 − 1 = −0.1
    const returns = returnsFromEquity([100, 110, 99]);
    expect(returns).toHaveLength(2);
    expect(returns[0]).toBeCloseTo(0.1, 15);
    expect(returns[1]).toBeCloseTo(-0.1, 15);
  });

  it('is empty for fewer than two values', () => {
    expect(returnsFromEquity([])).toEqual([]);
    expect(returnsFromEquity([100])).toEqual([]);
  });

  it('gives 0 for a step from a value ≤ 0 or through a non-finite value, keeping alignment', () => {
    // 0 → 10: undefined (÷ 0) → 0 ; 10 → 20: 20 / 10 − 1 = 1
    expect(returnsFromEquity([0, 10, 20])).toEqual([0, 1]);
    expect(returnsFromEquity([100, Number.NaN, 100])).toEqual([0, 0]);
    expect(returnsFromEquity([-5, 10])).toEqual([0]);
    expect(Object.is(returnsFromEquity([7, 7])[0], 0)).toBe(true);
  });
});

describe('totalReturn', () => {
  it('compounds: Π(1 + r) − 1', () => {
    // 1.1 × 0.9 − 1 = 0.99 − 1 = −0.01
    expect(totalReturn([0.1, -0.1])).toBeCloseTo(-0.01, 15);
    // 1.05 × 1.05 × 1.05 − 1 = 1.157625 − 1 = 0.157625
    expect(totalReturn([0.05, 0.05, 0.05])).toBeCloseTo(0.157625, 15);
  });

  it('is 0 for no returns and skips non-finite entries', () => {
    expect(totalReturn([])).toBe(0);
    expect(totalReturn([0.1, Number.NaN, Infinity])).toBeCloseTo(0.1, 15);
  });
});

describe('annualReturn (CAGR)', () => {
  it('is (1 + total)^(periodsPerYear / n) − 1', () => {
    // Two quarters of +10 %: 1.1² = 1.21 over half a year → 1.21^(4/2) − 1 = 1.4641 − 1 = 0.4641
    expect(annualReturn([0.1, 0.1], { periodsPerYear: 4 })).toBeCloseTo(0.4641, 12);
    // One month of +2 %: 1.02^12 − 1 = 0.268241794562545…
    expect(annualReturn([0.02], { periodsPerYear: 12 })).toBeCloseTo(0.268241794562545, 12);
    // Exactly a year of data: CAGR = total. 1.1 × 0.8 × 1.1 − 1 = −0.032
    expect(annualReturn([0.1, -0.2, 0.1], { periodsPerYear: 3 })).toBeCloseTo(-0.032, 12);
  });

  it('is −1 for a wiped-out series', () => {
    expect(annualReturn([-1, 0.5], { periodsPerYear: 12 })).toBe(-1);
    expect(annualReturn([-1.5], { periodsPerYear: 12 })).toBe(-1);
  });

  it('is null for no returns, an unusable periodsPerYear, or an overflowing extrapolation', () => {
    expect(annualReturn([], { periodsPerYear: 252 })).toBeNull();
    expect(annualReturn([0.01], { periodsPerYear: 0 })).toBeNull();
    expect(annualReturn([0.01], { periodsPerYear: Number.NaN })).toBeNull();
    // One 1-minute candle of +100 % annualised: 2^525600 overflows float64.
    expect(annualReturn([1], { periodsPerYear: 525_600 })).toBeNull();
  });

  it('is 0 (not −0) for a flat series', () => {
    expect(Object.is(annualReturn([0, 0], { periodsPerYear: 12 }), 0)).toBe(true);
  });
});

describe('annualVolatility', () => {
  it('is std(r, ddof = 1) × √periodsPerYear', () => {
    // mean 0.02; deviations ±0.01; Σd² = 2e-4; / (n − 1 = 1) = 2e-4; × 252 = 0.0504; √ = 0.224499…
    expect(annualVolatility([0.01, 0.03], { periodsPerYear: 252 })).toBeCloseTo(
      Math.sqrt(0.0504),
      12,
    );
  });

  it('is null for fewer than two returns and 0 for a constant series', () => {
    expect(annualVolatility([], { periodsPerYear: 252 })).toBeNull();
    expect(annualVolatility([0.05], { periodsPerYear: 252 })).toBeNull();
    // The float std of three equal 0.01 values is noise (~1e-18); it counts as 0.
    expect(annualVolatility([0.01, 0.01, 0.01], { periodsPerYear: 252 })).toBe(0);
    expect(annualVolatility([0, 0], { periodsPerYear: 252 })).toBe(0);
    expect(annualVolatility([0.01, 0.03], { periodsPerYear: -1 })).toBeNull();
  });
});

describe('periodsPerYearFromMs and perPeriodRate', () => {
  it('uses a 365-day year', () => {
    // 365 × 86,400,000 ms / 300,000 ms = 105,120 five-minute candles
    expect(periodsPerYearFromMs(300_000)).toBe(105_120);
    expect(periodsPerYearFromMs(86_400_000)).toBe(365);
    expect(periodsPerYearFromMs(3_600_000)).toBe(8_760);
    expect(periodsPerYearFromMs(0)).toBeNull();
    expect(periodsPerYearFromMs(Number.NaN)).toBeNull();
  });

  it('compounds an annual rate down to a period', () => {
    // (1 + 0.21)^(1/2) − 1 = 1.1 − 1 = 0.1
    expect(perPeriodRate(0.21, 2)).toBeCloseTo(0.1, 15);
    expect(perPeriodRate(0, 365)).toBe(0);
    expect(perPeriodRate(-1.5, 12)).toBe(-1);
    expect(perPeriodRate(0.05, 0)).toBeNull();
  });
});
