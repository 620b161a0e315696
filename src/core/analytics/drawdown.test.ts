import { describe, expect, it } from 'vitest';
import { compoundedCurve, drawdownDetails, equityDrawdownSeries, maxDrawdown } from './drawdown';

const none = {
  maxDrawdown: 0,
  peakIndex: 0,
  troughIndex: 0,
  recoveryIndex: undefined,
  durationPeriods: 0,
  longestDurationPeriods: 0,
};

describe('equityDrawdownSeries', () => {
  it('is vₜ / running peak − 1 at each point', () => {
    // peaks 100, 120, 120, 130, 130 → 0, 0, 90/120 − 1 = −0.25, 0, 117/130 − 1 = −0.1
    const series = equityDrawdownSeries([100, 120, 90, 130, 117]);
    expect(series.slice(0, 2)).toEqual([0, 0]);
    expect(series[2]).toBeCloseTo(-0.25, 15);
    expect(series[3]).toBe(0);
    expect(series[4]).toBeCloseTo(-0.1, 15);
  });

  it('handles empty input, non-finite points and peaks ≤ 0', () => {
    expect(equityDrawdownSeries([])).toEqual([]);
    expect(equityDrawdownSeries([100, Number.NaN, 50])).toEqual([0, 0, -0.5]);
    expect(equityDrawdownSeries([0, -5])).toEqual([0, 0]);
    expect(equityDrawdownSeries([5, 5]).every((x) => Object.is(x, 0))).toBe(true);
  });
});

describe('drawdownDetails', () => {
  it('finds peak, trough, recovery and duration of the worst drawdown', () => {
    // [100, 120, 90, 130, 117]: worst is 120 (i=1) → 90 (i=2) = −25 %, back above 120 at i=3.
    // duration = 3 − 1 = 2. Second drawdown 130 → 117 is not recovered: 4 − 3 = 1.
    const details = drawdownDetails([100, 120, 90, 130, 117]);
    expect(details).toEqual({ ...details, peakIndex: 1, troughIndex: 2, recoveryIndex: 3 });
    expect(details.maxDrawdown).toBeCloseTo(-0.25, 15);
    expect(details.durationPeriods).toBe(2);
    expect(details.longestDurationPeriods).toBe(2);
  });

  it('counts an unrecovered drawdown to the last point', () => {
    // 100 → 80 = −20 %, then 90 < 100: duration = last index 2 − peak 0 = 2
    expect(drawdownDetails([100, 80, 90])).toEqual({
      maxDrawdown: -0.19999999999999996,
      peakIndex: 0,
      troughIndex: 1,
      recoveryIndex: undefined,
      durationPeriods: 2,
      longestDurationPeriods: 2,
    });
  });

  it('recovers on returning exactly to the peak and keeps the earliest of equal drawdowns', () => {
    expect(drawdownDetails([100, 50, 100]).recoveryIndex).toBe(2);
    // Two −10 % drawdowns (0→1 and 2→3): the first is reported.
    const tie = drawdownDetails([100, 90, 100, 90]);
    expect(tie).toMatchObject({ peakIndex: 0, troughIndex: 1, recoveryIndex: 2 });
    expect(tie.durationPeriods).toBe(2);
  });

  it('tells the longest drawdown apart from the deepest', () => {
    // −5 % lasting 5 periods (0 → 5), then −30.69 % (101 → 70) recovered after 2 periods.
    const details = drawdownDetails([100, 95, 96, 97, 98, 101, 70, 102]);
    expect(details.maxDrawdown).toBeCloseTo(70 / 101 - 1, 15);
    expect(details).toMatchObject({ peakIndex: 5, troughIndex: 6, recoveryIndex: 7 });
    expect(details.durationPeriods).toBe(2);
    expect(details.longestDurationPeriods).toBe(5);
  });

  it('is all zeros with no recovery for curves that never fall, one point, or none', () => {
    expect(drawdownDetails([100, 100, 110, 120])).toEqual(none);
    expect(drawdownDetails([100])).toEqual(none);
    expect(drawdownDetails([])).toEqual(none);
    expect(Object.is(drawdownDetails([1, 2]).maxDrawdown, 0)).toBe(true);
  });

  it('skips non-finite points', () => {
    // 100, (NaN), 90 = −10 %, 100 recovers
    expect(drawdownDetails([100, Number.NaN, 90, 100])).toMatchObject({
      peakIndex: 0,
      troughIndex: 2,
      recoveryIndex: 3,
      durationPeriods: 3,
    });
  });
});

describe('maxDrawdown over returns', () => {
  it('compounds from 1, so the starting value is a peak', () => {
    // [1, 1.1, 0.88, 0.968]: 0.88 / 1.1 − 1 = −0.2
    const curve = compoundedCurve([0.1, -0.2, 0.1]);
    [1, 1.1, 0.88, 0.968].forEach((value, i) => expect(curve[i]).toBeCloseTo(value, 15));
    expect(maxDrawdown([0.1, -0.2, 0.1])).toBeCloseTo(-0.2, 15);
    // A first return of −10 % is a 10 % drawdown from the starting value.
    expect(maxDrawdown([-0.1])).toBeCloseTo(-0.1, 15);
  });

  it('is 0 for no returns and for a curve that never falls', () => {
    expect(maxDrawdown([])).toBe(0);
    expect(maxDrawdown([0.01, 0.02, 0])).toBe(0);
  });
});
