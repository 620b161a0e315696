import { describe, expect, it } from 'vitest';
import { defineStrategy, StrategyDefinitionError } from './defineStrategy';
import type { ParamSpecs, StrategyDefinition } from './types';

function base(overrides: Partial<StrategyDefinition<ParamSpecs, unknown>> = {}) {
  return {
    id: 'demo',
    name: 'Demo',
    description: 'A demo.',
    category: 'trend' as const,
    timeframe: '1m' as const,
    params: {
      period: { kind: 'integer' as const, label: 'Period', default: 10, min: 2, max: 50 },
    },
    warmup: () => 10,
    init: () => ({ count: 0 }),
    onCandle: () => [],
    ...overrides,
  };
}

describe('defineStrategy', () => {
  it('returns the definition itself, with parameter and state types inferred', () => {
    const strategy = defineStrategy({
      id: 'demo',
      name: 'Demo',
      description: 'A demo.',
      category: 'trend',
      timeframe: '1m',
      params: {
        period: { kind: 'integer', label: 'Period', default: 10, min: 2, max: 50 },
        mode: {
          kind: 'choice',
          label: 'Mode',
          default: 'fast',
          options: [
            { value: 'fast', label: 'Fast' },
            { value: 'slow', label: 'Slow' },
          ],
        },
      },
      warmup: ({ period }) => period,
      init: (params) => ({ period: params.period, mode: params.mode, seen: 0 }),
      onCandle(state, candle) {
        state.seen += 1;
        return candle.close > 0 && state.seen > state.period ? [{ kind: 'enter_long' }] : [];
      },
    });
    // Compile-time checks: numbers stay numbers, choices are their option literals.
    const period: number = strategy.init({ period: 3, mode: 'slow' }).period;
    const mode: 'fast' | 'slow' = strategy.init({ period: 3, mode: 'slow' }).mode;
    expect([period, mode]).toEqual([3, 'slow']);
    expect(strategy.id).toBe('demo');
    expect(strategy.init({ period: 3, mode: 'fast' })).toEqual({
      period: 3,
      mode: 'fast',
      seen: 0,
    });
  });

  it.each([
    [{ id: '' }, /id must be non-empty lowercase kebab-case/],
    [{ id: 'Has Space' }, /kebab-case/],
    [{ name: ' ' }, /name must not be empty/],
    [
      { params: { p: { kind: 'integer', label: 'P', default: 1, min: 2, max: 5 } } },
      /default 1 of parameter "p" is invalid: P must be a whole number between 2 and 5/,
    ],
    [
      { params: { p: { kind: 'number', label: 'P', default: 0.3, min: 0, max: 1, step: 0.25 } } },
      /in steps of 0.25/,
    ],
    [
      { params: { p: { kind: 'integer', label: 'P', default: 3, min: 5, max: 2 } } },
      /parameter "p" has an invalid range 5..2/,
    ],
    [
      { params: { p: { kind: 'number', label: 'P', default: 1, min: 0, max: 2, step: 0 } } },
      /invalid step 0/,
    ],
    [{ params: { p: { kind: 'boolean', label: '', default: true } } }, /empty label/],
    [
      { params: { p: { kind: 'choice', label: 'P', default: 'x', options: [] } } },
      /has no options/,
    ],
    [
      {
        params: {
          p: { kind: 'choice', label: 'P', default: 'z', options: [{ value: 'x', label: 'X' }] },
        },
      },
      /P must be one of "X"/,
    ],
    [
      { validate: () => ({ field: 'period', message: 'nope' }) },
      /default parameters fail validate\(\): nope/,
    ],
    [{ warmup: () => -1 }, /warmup\(\) must return a whole number/],
    [
      {
        plots: () => [
          { key: 'a', label: 'A' },
          { key: 'a', label: 'Again' },
        ],
      },
      /plot key "a" is declared twice/,
    ],
    [{ plots: () => [{ key: ' ', label: 'A' }] }, /a plot has an empty key/],
    [{ plots: () => [{ key: 'a', label: '' }] }, /plot "a" has an empty label/],
  ] as const)('rejects %j', (overrides, message) => {
    const definition = base(overrides as Partial<StrategyDefinition<ParamSpecs, unknown>>);
    expect(() => defineStrategy(definition)).toThrow(StrategyDefinitionError);
    expect(() => defineStrategy(definition)).toThrow(message);
  });
});
