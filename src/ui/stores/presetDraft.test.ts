import { describe, expect, it } from 'vitest';
import smaCrossover from '../../../strategies/smaCrossover';
import type { PresetRow } from '../../db';
import { emptyDraft, paramInputs, type BotDraft } from './createBotDraft';
import { applyInitialPreset, checkPresetToSave, draftWithPreset } from './presetDraft';

function draft(patch: Partial<BotDraft> = {}): BotDraft {
  return { ...emptyDraft(smaCrossover), name: 'Alpha', symbol: 'BTC/USDT', ...patch };
}

const quick: PresetRow = {
  id: 'p1',
  strategyId: 'sma-crossover',
  name: 'Quick',
  params: { fast: 5, slow: 30 },
  createdAt: 1,
  updatedAt: 1,
};

describe('presets in the create form', () => {
  it('applies a preset: its template and values, keeping the rest of the draft', () => {
    const before = draft({ strategyId: 'other', timeframe: '1h', allocation: '500' });
    const after = draftWithPreset(before, quick);
    expect(after).toMatchObject({
      name: 'Alpha',
      allocation: '500',
      strategyId: 'sma-crossover',
      timeframe: smaCrossover.timeframe,
    });
    expect(after && paramInputs(after, smaCrossover)).toEqual({ fast: '5', slow: '30' });
    // Same template: the chosen timeframe stays; a missing value falls back to the default.
    const partial = draftWithPreset(draft({ timeframe: '5m' }), { ...quick, params: { fast: 4 } });
    expect(partial?.timeframe).toBe('5m');
    expect(partial && paramInputs(partial, smaCrossover)).toEqual({ fast: '4', slow: '21' });
    expect(draftWithPreset(before, { ...quick, strategyId: 'gone' })).toBeUndefined();
  });

  it('says when the preset of a link is missing or its template unknown', () => {
    const base = draft();
    expect(applyInitialPreset(base, quick).outcome).toEqual({ preset: quick });
    expect(applyInitialPreset(base, undefined)).toEqual({
      draft: base,
      outcome: { error: 'The preset in the link was not found; it may have been deleted.' },
    });
    expect(applyInitialPreset(base, { ...quick, strategyId: 'gone' }).outcome).toEqual({
      error: 'Preset "Quick" is for a template this app does not have.',
    });
  });

  it('checks the name and the current values before saving', () => {
    const values = draft({ paramsByStrategy: { 'sma-crossover': { fast: '5', slow: '30' } } });
    expect(checkPresetToSave('  Quick ', smaCrossover, values)).toEqual({
      ok: true,
      name: 'Quick',
      params: { fast: 5, slow: 30 },
    });
    expect(checkPresetToSave(' ', smaCrossover, values)).toMatchObject({
      ok: false,
      field: 'name',
    });
    expect(checkPresetToSave('x'.repeat(61), smaCrossover, values)).toMatchObject({
      field: 'name',
      message: 'The preset name must be at most 60 characters.',
    });
    const invalid = draft({ paramsByStrategy: { 'sma-crossover': { fast: '1', slow: '30' } } });
    expect(checkPresetToSave('Bad', smaCrossover, invalid)).toEqual({
      ok: false,
      field: 'params',
      message: 'Fix the parameters first: Fast period must be a whole number between 2 and 200.',
    });
  });
});
