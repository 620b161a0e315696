/**
 * How the bot wizard starts: the saved draft (values and step), or — when the link asks for it —
 * a prefilled one. Links: `#/bots/new?template=<id>` (choose a template), `&preset=<presetId>`
 * (its saved values), `&params=<URL-encoded JSON of parameter values>` (e.g. from a backtest),
 * `&symbol=<BTC/USDT>` and `&timeframe=<1m>`; `#/bots/new?clone=<botId>` (a copy of a bot,
 * named "Copy of <name>"). A prefilled draft starts at the first step.
 */
import type { RawParams } from '../../core/strategy/types';
import { decodeBot, type PresetRow } from '../../db';
import { loadStrategyEntries } from '../catalog';
import { configCodec } from '../configCodec';
import { db, presets } from '../db';
import { draftFromConfig, paramInputsFrom, type BotDraft } from './createBotDraft';
import { loadBotDraft } from './draftAutosave';
import { applyInitialPreset, type InitialPreset } from './presetDraft';

export interface WizardPrefill {
  template?: string;
  preset?: string;
  /** JSON of parameter values for `template` (or the draft's template). */
  params?: string;
  symbol?: string;
  timeframe?: string;
  /** Id of a bot to copy. */
  clone?: string;
}

export interface InitialDraft {
  draft: BotDraft;
  preset?: InitialPreset;
  /** Why part of the link could not be applied, if so. */
  notice?: string;
}

/** Bot names are at most 60 characters (src/host/checkBotConfig.ts). */
const MAX_NAME_LENGTH = 60;

export function hasPrefill(prefill: WizardPrefill): boolean {
  return Object.values(prefill).some((value) => value !== undefined && value !== '');
}

/** Reads the preset the form was opened with; a read failure counts as "not found". */
async function readPreset(id: string): Promise<PresetRow | undefined> {
  return presets.getPreset(id).catch((cause: unknown) => {
    console.warn('Could not read the preset', cause);
    return undefined;
  });
}

async function cloneDraft(botId: string): Promise<InitialDraft | undefined> {
  const row = await db.bots.get(botId);
  if (!row) return undefined;
  const bot = await decodeBot(configCodec, row);
  const entries = await loadStrategyEntries();
  const strategy = entries.find((entry) => entry.id === bot.config.strategyId);
  const draft = draftFromConfig(bot.config, strategy, 0);
  draft.name = `Copy of ${bot.config.name}`.slice(0, MAX_NAME_LENGTH);
  return { draft };
}

function parseParams(text: string): RawParams | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as RawParams)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The draft the wizard opens with for `prefill` (the saved one when there is none). */
export async function loadInitialDraft(
  draftId: string,
  prefill: WizardPrefill,
): Promise<InitialDraft> {
  if (prefill.clone) {
    const cloned = await cloneDraft(prefill.clone);
    if (cloned) return cloned;
  }
  let draft = await loadBotDraft(draftId, prefill.template);
  let notice = prefill.clone
    ? 'The bot to copy was not found; it may have been deleted.'
    : undefined;
  if (!hasPrefill(prefill)) return { draft };
  draft = { ...draft, step: 0 };
  if (prefill.symbol) draft.symbol = prefill.symbol;
  if (prefill.timeframe) draft.timeframe = prefill.timeframe;
  if (prefill.params) {
    const params = parseParams(prefill.params);
    const strategy = (await loadStrategyEntries()).find((entry) => entry.id === draft.strategyId);
    if (params && strategy) {
      draft.paramsByStrategy = {
        ...draft.paramsByStrategy,
        [strategy.id]: paramInputsFrom(strategy, params),
      };
    } else notice = 'The parameters in the link could not be read; defaults are shown.';
  }
  if (!prefill.preset) return { draft, notice };
  const applied = applyInitialPreset(draft, await readPreset(prefill.preset));
  // Shown at the top of the wizard: the presets area is only on the parameters step.
  const presetError = 'error' in applied.outcome ? applied.outcome.error : undefined;
  return { draft: applied.draft, preset: applied.outcome, notice: presetError ?? notice };
}
