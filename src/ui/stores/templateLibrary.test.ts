import { describe, expect, it } from 'vitest';
import smaCrossover from '../../../strategies/smaCrossover';
import type { AnyStrategy, ParamSpec } from '../../core/strategy/types';
import {
  CATEGORY_FILTERS,
  describeAllowed,
  formatParamValue,
  importedMessage,
  summarizeParams,
  templatesIn,
} from './templateLibrary';

const percent: ParamSpec = {
  kind: 'percent',
  label: 'Stop',
  default: 2,
  min: 0.5,
  max: 20,
  step: 0.5,
};
const flag: ParamSpec = { kind: 'boolean', label: 'Trail', default: true };
const choice: ParamSpec = {
  kind: 'choice',
  label: 'Source',
  default: 'close',
  options: [
    { value: 'close', label: 'Close' },
    { value: 'hl2', label: 'High-low midpoint' },
  ],
};

describe('template library wording', () => {
  it('offers every category after "All"', () => {
    expect(CATEGORY_FILTERS.map((choice) => choice.label)).toEqual([
      'All',
      'Trend',
      'Mean reversion',
      'Breakout',
      'Grid',
      'DCA',
      'Benchmark',
    ]);
  });

  it('filters templates by category', () => {
    const grid = { ...smaCrossover, id: 'grid', category: 'grid' } as AnyStrategy;
    expect(templatesIn([smaCrossover, grid], 'all')).toEqual([smaCrossover, grid]);
    expect(templatesIn([smaCrossover, grid], 'grid')).toEqual([grid]);
    expect(templatesIn([smaCrossover, grid], 'dca')).toEqual([]);
  });

  it('describes defaults and allowed values of each kind of parameter', () => {
    const fast = smaCrossover.params.fast as ParamSpec;
    expect(formatParamValue(fast, 9)).toBe('9');
    expect(describeAllowed(fast)).toBe('A whole number between 2 and 200');
    expect(formatParamValue(percent, 2)).toBe('2%');
    expect(describeAllowed(percent)).toBe('A percentage between 0.5% and 20% in steps of 0.5%');
    expect(formatParamValue(flag, true)).toBe('On');
    expect(describeAllowed(flag)).toBe('On or off');
    expect(formatParamValue(choice, 'hl2')).toBe('High-low midpoint');
    expect(describeAllowed(choice)).toBe('Close, High-low midpoint');
  });

  it('summarizes preset values and import counts', () => {
    expect(summarizeParams(smaCrossover, { fast: 5, slow: 30 })).toBe(
      'Fast period 5, Slow period 30',
    );
    expect(importedMessage(1)).toBe('Imported 1 preset.');
    expect(importedMessage(3)).toBe('Imported 3 presets.');
  });
});
