/**
 * Presets in the bot-creation form, as pure functions of the draft: applying a stored preset
 * (its template and values) and checking the current values before they are saved as one.
 */
import { validateParams } from '../../core/strategy/params';
import type { StrategyInfo, RawParams } from '../../core/strategy/types';
import { MAX_PRESET_NAME_LENGTH, type PresetRow } from '../../db';
import { findStrategy } from '../catalog';
import { paramInputsFrom, toRawParams, type BotDraft } from './createBotDraft';

/** What became of a preset the form was opened with (`#/bots/new?preset=<id>`). */
export type InitialPreset = { preset: PresetRow } | { error: string };

export type PresetCheck =
  | { ok: true; name: string; params: RawParams }
  | { ok: false; field: 'name' | 'params'; message: string };

/**
 * `draft` switched to `preset`'s template (and that template's timeframe, when it changes)
 * holding the preset's values; undefined when this build has no such template.
 */
export function draftWithPreset(
  draft: BotDraft,
  preset: Pick<PresetRow, 'strategyId' | 'params'>,
): BotDraft | undefined {
  const strategy = findStrategy(preset.strategyId);
  if (!strategy) return undefined;
  const isSameTemplate = draft.strategyId === strategy.id;
  return {
    ...draft,
    strategyId: strategy.id,
    timeframe: isSameTemplate ? draft.timeframe : strategy.timeframe,
    paramsByStrategy: {
      ...draft.paramsByStrategy,
      [strategy.id]: paramInputsFrom(strategy, preset.params),
    },
  };
}

/** Applies the preset the form was opened with (`row`, if it was found), or says why not. */
export function applyInitialPreset(
  draft: BotDraft,
  row: PresetRow | undefined,
): { draft: BotDraft; outcome: InitialPreset } {
  if (!row) {
    return {
      draft,
      outcome: { error: 'The preset in the link was not found; it may have been deleted.' },
    };
  }
  const applied = draftWithPreset(draft, row);
  if (!applied) {
    return {
      draft,
      outcome: { error: `Preset "${row.name}" is for a template this app does not have.` },
    };
  }
  return { draft: applied, outcome: { preset: row } };
}

/** Checks a preset name and the draft's current values of `strategy` before saving them. */
export function checkPresetToSave(
  name: string,
  strategy: StrategyInfo,
  draft: BotDraft,
): PresetCheck {
  const trimmed = name.trim();
  if (trimmed === '') return { ok: false, field: 'name', message: 'Give the preset a name.' };
  if (trimmed.length > MAX_PRESET_NAME_LENGTH) {
    return {
      ok: false,
      field: 'name',
      message: `The preset name must be at most ${MAX_PRESET_NAME_LENGTH} characters.`,
    };
  }
  const checked = validateParams(strategy, toRawParams(draft, strategy));
  if (!checked.ok) {
    const problems = checked.errors.map((error) => error.message).join('; ');
    return { ok: false, field: 'params', message: `Fix the parameters first: ${problems}.` };
  }
  return { ok: true, name: trimmed, params: checked.values as RawParams };
}
