import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ceilToStep, floorToStep, stepDecimals } from './steps';

describe('stepDecimals', () => {
  it.each([
    [0.01, 2],
    [0.00001, 5],
    [1e-8, 8],
    [2.5e-7, 8],
    [1, 0],
    [5, 0],
    [0.5, 1],
  ])('%d has %d decimals', (step, decimals) => {
    expect(stepDecimals(step)).toBe(decimals);
  });
});

describe('floorToStep / ceilToStep', () => {
  it('handles values that float math puts a hair off the grid', () => {
    expect(floorToStep(0.3, 0.1)).toBe(0.3);
    expect(floorToStep(0.1 + 0.2, 0.1)).toBe(0.3);
    expect(floorToStep(1.005, 0.001)).toBe(1.005);
    expect(ceilToStep(0.7, 0.1)).toBe(0.7);
    expect(ceilToStep(0.1 + 0.2, 0.01)).toBe(0.3);
  });

  it('floors and ceils real off-grid values', () => {
    expect(floorToStep(0.123456789, 0.00001)).toBe(0.12345);
    expect(ceilToStep(0.123451, 0.00001)).toBe(0.12346);
    expect(floorToStep(23142.318, 0.01)).toBe(23142.31);
    expect(ceilToStep(23142.311, 0.01)).toBe(23142.32);
    expect(floorToStep(17, 5)).toBe(15);
    expect(ceilToStep(17, 5)).toBe(20);
    expect(floorToStep(0.000004, 0.00001)).toBe(0);
  });

  it('returns a value on the grid within one step, on the right side', () => {
    const steps = fc.constantFrom(1e-8, 0.00001, 0.001, 0.01, 0.1, 0.5, 1, 10);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), steps, (value, step) => {
        const down = floorToStep(value, step);
        const up = ceilToStep(value, step);
        const tolerance = 1e-9 * step + 1e-12 * Math.max(1, value); // the documented slack
        expect(down).toBeLessThanOrEqual(value + tolerance);
        expect(value - down).toBeLessThan(step + tolerance);
        expect(up).toBeGreaterThanOrEqual(value - tolerance);
        expect(up - value).toBeLessThan(step + tolerance);
        expect(String(down)).toBe(String(Number(down.toFixed(stepDecimals(step)))));
      }),
    );
  });

  it('gives exactly what rounding through the decimal string gives', () => {
    // The reference: units × step written with the step's decimals and read back.
    const viaString = (units: number, step: number) =>
      Number((units * step).toFixed(stepDecimals(step)));
    const steps = fc.constantFrom(1e-8, 1e-5, 0.001, 0.01, 0.1, 1, 0.5, 2.5e-7, 5, 10);
    const values = fc.oneof(
      fc.double({ min: -1e7, max: 1e7, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.integer({ min: -1e6, max: 1e6 }).map((units) => units * 1e-5),
    );
    fc.assert(
      fc.property(values, steps, (value, step) => {
        const slack = 1e-9 + Math.abs(value / step) * 4 * Number.EPSILON;
        const down = Math.floor(value / step + slack);
        const up = Math.ceil(value / step - slack);
        expect(Object.is(floorToStep(value, step), viaString(down, step))).toBe(true);
        expect(Object.is(ceilToStep(value, step), viaString(up, step))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('rejects invalid steps', () => {
    expect(() => floorToStep(1, 0)).toThrow(RangeError);
    expect(() => ceilToStep(1, Number.NaN)).toThrow(RangeError);
  });
});
