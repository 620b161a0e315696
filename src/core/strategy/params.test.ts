import { describe, expect, it } from 'vitest';
import { defineStrategy } from './defineStrategy';
import { defaultParams, isOnStep, validateParam, validateParams } from './params';
import type { RawParams } from './types';

const strategy = defineStrategy({
  id: 'test-params',
  name: 'Param test',
  description: 'Exercises every parameter kind.',
  category: 'benchmark',
  timeframe: '1m',
  params: {
    fast: { kind: 'integer', label: 'Fast period', default: 9, min: 2, max: 200 },
    slow: { kind: 'integer', label: 'Slow period', default: 21, min: 3, max: 500, step: 1 },
    stopLoss: { kind: 'percent', label: 'Stop loss', default: 2, min: 0.1, max: 50, step: 0.1 },
    ratio: { kind: 'number', label: 'Ratio', default: 1.5, min: 0.5, max: 3, step: 0.25 },
    scale: { kind: 'number', label: 'Scale', default: 1, min: 0, max: 10 },
    trailing: { kind: 'boolean', label: 'Trailing stop', default: false },
    side: {
      kind: 'choice',
      label: 'Order type',
      default: 'market',
      options: [
        { value: 'market', label: 'Market' },
        { value: 'limit', label: 'Limit' },
      ],
    },
  },
  validate: (p) =>
    p.fast < p.slow
      ? undefined
      : { field: 'fast', message: 'Fast period must be below slow period' },
  warmup: (p) => p.slow,
  init: () => ({}),
  onCandle: () => [],
});

const valid = defaultParams(strategy.params);

describe('defaultParams', () => {
  it('collects every default, typed by the spec', () => {
    expect(valid).toEqual({
      fast: 9,
      slow: 21,
      stopLoss: 2,
      ratio: 1.5,
      scale: 1,
      trailing: false,
      side: 'market',
    });
    const fast: number = valid.fast;
    const trailing: boolean = valid.trailing;
    expect([fast, trailing]).toEqual([9, false]);
  });
});

describe('validateParams', () => {
  it('accepts valid values, including float-noisy steps', () => {
    const result = validateParams(strategy, { ...valid, stopLoss: 0.1 + 0.2, ratio: 2.75 });
    expect(result).toEqual({ ok: true, values: { ...valid, stopLoss: 0.1 + 0.2, ratio: 2.75 } });
  });

  it('names the label and the allowed range, step or options, one error per field', () => {
    const result = validateParams(strategy, {
      fast: 1.5,
      slow: 600,
      stopLoss: 0.15,
      ratio: 0.6,
      scale: Number.NaN,
      trailing: 'yes',
      side: 'stop',
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'fast', message: 'Fast period must be a whole number between 2 and 200' },
        { field: 'slow', message: 'Slow period must be a whole number between 3 and 500' },
        {
          field: 'stopLoss',
          message: 'Stop loss must be a percentage between 0.1% and 50% in steps of 0.1%',
        },
        { field: 'ratio', message: 'Ratio must be a number between 0.5 and 3 in steps of 0.25' },
        { field: 'scale', message: 'Scale must be a number between 0 and 10' },
        { field: 'trailing', message: 'Trailing stop must be true or false' },
        { field: 'side', message: 'Order type must be one of "Market", "Limit"' },
      ],
    });
  });

  it('rejects missing fields instead of defaulting them, and unknown fields', () => {
    const { fast: _fast, ...withoutFast } = valid;
    expect(validateParams(strategy, { ...withoutFast, extra: 1 })).toEqual({
      ok: false,
      errors: [
        {
          field: 'fast',
          message: 'Fast period is missing; it must be a whole number between 2 and 200',
        },
        { field: 'extra', message: '"extra" is not a parameter of Param test' },
      ],
    });
  });

  it('does not take numeric strings for numbers', () => {
    const result = validateParams(strategy, { ...valid, fast: '9' });
    expect(result.ok).toBe(false);
  });

  it('runs the cross-field check only once every field is valid', () => {
    expect(validateParams(strategy, { ...valid, fast: 30, slow: 20 })).toEqual({
      ok: false,
      errors: [{ field: 'fast', message: 'Fast period must be below slow period' }],
    });
    const both = validateParams(strategy, { ...valid, fast: 300, slow: 20 });
    expect(both.ok ? [] : both.errors.map((e) => e.field)).toEqual(['fast']);
  });

  it('ignores inherited properties of the raw object', () => {
    const { fast: _fast, ...withoutFast } = valid;
    const raw: RawParams = Object.assign(Object.create({ fast: 9 }) as RawParams, withoutFast);
    expect(raw.fast).toBe(9);
    expect(validateParams(strategy, raw).ok).toBe(false);
  });
});

describe('step helpers', () => {
  it('tolerates float noise but not real off-grid values', () => {
    expect(isOnStep(0.3, 0.1, 0.1)).toBe(true);
    expect(isOnStep(0.7000000000000001, 0, 0.1)).toBe(true);
    expect(isOnStep(0.15, 0.1, 0.1)).toBe(false);
    expect(isOnStep(1e6 + 0.5, 0, 0.5)).toBe(true);
  });

  it('validateParam returns undefined for a valid value', () => {
    expect(validateParam(strategy.params.fast, 10)).toBeUndefined();
    expect(validateParam(strategy.params.side, 'limit')).toBeUndefined();
  });
});
