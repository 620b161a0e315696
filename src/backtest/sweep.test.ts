import { describe, expect, it } from 'vitest';
import type { NumericParamSpec } from '../core/strategy/types';
import smaCrossover from '../../strategies/smaCrossover';
import { axisValues, defaultSweepRange, planSweep, sweepSize, validateSweepRange } from './sweep';

const percent: NumericParamSpec = {
  kind: 'percent',
  label: 'Stop',
  default: 2,
  min: 0.5,
  max: 20,
  step: 0.5,
};

describe('sweep grid', () => {
  it('takes values from min to max by step, without float noise', () => {
    expect(axisValues(percent, { min: 0.5, max: 1.5, step: 0.5 })).toEqual([0.5, 1, 1.5]);
    const real: NumericParamSpec = { kind: 'number', label: 'K', default: 1, min: 0, max: 1 };
    expect(axisValues(real, { min: 0.1, max: 0.3, step: 0.1 })).toEqual([0.1, 0.2, 0.3]);
    expect(axisValues({ kind: 'boolean', label: 'B', default: false })).toEqual([false, true]);
  });

  it('starts from the default and two steps either side, inside the bounds', () => {
    expect(defaultSweepRange(smaCrossover.params.fast)).toEqual({ min: 7, max: 11, step: 1 });
    expect(defaultSweepRange({ ...percent, default: 0.5 })).toEqual({
      min: 0.5,
      max: 1.5,
      step: 0.5,
    });
  });

  it('rejects ranges outside the spec, reversed, non-integer or off the step grid', () => {
    const fast = smaCrossover.params.fast;
    expect(validateSweepRange(fast, { min: 1, max: 5, step: 1 })).toMatch(/between 2 and 200/);
    expect(validateSweepRange(fast, { min: 9, max: 5, step: 1 })).toMatch(
      /"from" must not be above/,
    );
    expect(validateSweepRange(fast, { min: 2, max: 5, step: 1.5 })).toMatch(/whole numbers/);
    expect(validateSweepRange(fast, { min: 2, max: 5, step: 0 })).toMatch(/step must be above 0/);
    expect(validateSweepRange(percent, { min: 0.7, max: 2, step: 0.5 })).toMatch(
      /multiples of 0.5/,
    );
    expect(validateSweepRange(fast, { min: 2, max: 5, step: 1 })).toBeUndefined();
  });

  it('builds every combination, last axis fastest, skipping ones the template rejects', () => {
    const plan = planSweep(smaCrossover, { fast: 9, slow: 21 }, [
      { name: 'fast', range: { min: 5, max: 10, step: 5 } },
      { name: 'slow', range: { min: 10, max: 20, step: 10 } },
    ]);
    expect(plan).toEqual({
      ok: true,
      combinations: [
        { fast: 5, slow: 10 },
        { fast: 5, slow: 20 },
        { fast: 10, slow: 20 },
      ],
      skipped: 1,
    });
  });

  it('caps the number of combinations with a clear message', () => {
    const axes = [
      { name: 'fast', range: { min: 2, max: 50, step: 1 } },
      { name: 'slow', range: { min: 60, max: 100, step: 1 } },
    ];
    expect(sweepSize(smaCrossover, axes)).toBe(49 * 41);
    const plan = planSweep(smaCrossover, { fast: 9, slow: 21 }, axes, 400);
    expect(plan).toEqual({
      ok: false,
      errors: [
        {
          field: 'sweep',
          message: expect.stringContaining('2009 combinations is more than the limit of 400'),
        },
      ],
    });
  });

  it('names the field of a bad range and asks for at least one axis', () => {
    expect(planSweep(smaCrossover, { fast: 9, slow: 21 }, [])).toMatchObject({
      ok: false,
      errors: [{ field: 'sweep' }],
    });
    expect(
      planSweep(smaCrossover, { fast: 9, slow: 21 }, [
        { name: 'slow', range: { min: 1, max: 2, step: 1 } },
      ]),
    ).toMatchObject({ ok: false, errors: [{ field: 'slow' }] });
  });
});
