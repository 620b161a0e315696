/**
 * Editing a bot: its name, allocation, parameters and risk (market, template and account stay),
 * checked inline like the wizard; "Review" lists exactly what changes (configDiff.ts) before
 * "Save" calls updateBot, which stores a new config version. The engine's field errors show at
 * their fields; nothing is saved while any error remains.
 */
import {
  batch,
  createMemo,
  createResource,
  createSignal,
  type Accessor,
  type Resource,
} from 'solid-js';
import { createStore } from 'solid-js/store';
import type { Bot, BotConfig } from '../../core/bot/types';
import type { ParamSpec } from '../../core/strategy/types';
import { decodeBot } from '../../db';
import type { EngineApi, FieldError } from '../../host/engineApi';
import { announce } from '../announcer';
import { findStrategyEntry, strategyName, type StrategyEntry } from '../catalog';
import { configCodec } from '../configCodec';
import { db } from '../db';
import { diffConfigs, type ConfigChange } from './configDiff';
import {
  draftFromConfig,
  paramInputs,
  toBotConfig,
  type BotDraft,
  type ParamInput,
} from './createBotDraft';
import { messageOf } from './createCommandRunner';
import type { RiskDraft } from './riskDraft';
import { validateBotDraft } from './validateBotDraft';
import { riskSectionOf } from './wizardSteps';

/** The fields an edit may change; errors elsewhere go to the form-level message. */
const isEditable = (field: string): boolean =>
  field === 'name' ||
  field === 'allocation' ||
  field.startsWith('params.') ||
  field.startsWith('risk');

export interface BotEditStore {
  bot: Resource<Bot | undefined>;
  draft: Readonly<BotDraft> | undefined;
  strategy: Accessor<StrategyEntry | undefined>;
  errorFor(field: string): string | undefined;
  formError: Accessor<string | undefined>;
  paramSpecs(): [string, ParamSpec][];
  paramValue(key: string): ParamInput | undefined;
  setParam(key: string, value: ParamInput): void;
  setName(value: string): void;
  setAllocation(value: string): void;
  setRisk(field: string, risk: RiskDraft): void;
  /** What saving would change, against the current version. */
  changes: Accessor<ConfigChange[]>;
  /** True while the diff is shown for confirmation. */
  isReviewing: Accessor<boolean>;
  /** Shows the diff, or the errors when there are any; false when it could not. */
  review(): boolean;
  keepEditing(): void;
  isSaving: Accessor<boolean>;
  /** Saves a new version; resolves to its number, or undefined when it was refused. */
  save(): Promise<number | undefined>;
}

export function createBotEditStore(api: EngineApi, botId: string): BotEditStore {
  const [draftStore, setDraft] = createStore<{ value?: BotDraft }>({});
  const [touched, setTouched] = createStore<Record<string, boolean>>({});
  const [serverErrors, setServerErrors] = createStore<Record<string, string | undefined>>({});
  const [hasReviewed, setReviewed] = createSignal(false);
  const [isReviewing, setReviewing] = createSignal(false);
  const [isSaving, setSaving] = createSignal(false);
  const [formError, setFormError] = createSignal<string>();

  const [bot] = createResource(async () => {
    const row = await db.bots.get(botId);
    const found = row && (await decodeBot(configCodec, row));
    if (found)
      setDraft('value', draftFromConfig(found.config, findStrategyEntry(found.config.strategyId)));
    return found;
  });
  const strategy = createMemo(() => {
    const current = bot();
    return current ? findStrategyEntry(current.config.strategyId) : undefined;
  });
  const config = createMemo((): BotConfig | undefined => {
    const draft = draftStore.value;
    const chosen = strategy();
    return draft && chosen ? toBotConfig(draft, chosen) : undefined;
  });
  const errors = createMemo((): FieldError[] => {
    const draft = draftStore.value;
    if (!draft) return [];
    const all = validateBotDraft(draft, {
      strategy: strategy(),
      market: undefined,
      unallocated: undefined,
    });
    return all.filter((error) => isEditable(error.field));
  });
  const changes = createMemo((): ConfigChange[] => {
    const current = bot();
    const after = config();
    const chosen = strategy();
    if (!current || !after || !chosen) return [];
    // The saved config as the form reads it, so defaults filled in do not count as changes.
    const before = toBotConfig(draftFromConfig(current.config, chosen), chosen);
    return diffConfigs(before, after, { params: chosen.params, strategyName });
  });

  const edit = (field: string, apply: () => void): void =>
    batch(() => {
      apply();
      setTouched(field, true);
      setServerErrors(field, undefined);
      setFormError(undefined);
      setReviewing(false);
    });

  const showServerErrors = (fieldErrors: readonly FieldError[]): void => {
    const unplaced: string[] = [];
    for (const { field, message } of fieldErrors) {
      if (isEditable(field)) setServerErrors(field, message);
      else unplaced.push(message);
    }
    if (unplaced.length > 0) setFormError(unplaced.join(' '));
  };

  async function save(): Promise<number | undefined> {
    const next = config();
    if (!next || isSaving() || errors().length > 0) return undefined;
    setSaving(true);
    try {
      const result = await api.updateBot(botId, next);
      if (!result.ok) {
        setReviewing(false);
        if (result.fieldErrors?.length) showServerErrors(result.fieldErrors);
        else setFormError(result.error);
        return undefined;
      }
      announce(`Saved as config version ${result.value.version}.`);
      return result.value.version;
    } catch (cause) {
      setFormError(`The changes could not be saved: ${messageOf(cause)}`);
      return undefined;
    } finally {
      setSaving(false);
    }
  }

  return {
    bot,
    get draft() {
      return draftStore.value;
    },
    strategy,
    errorFor: (field) =>
      serverErrors[field] ??
      (hasReviewed() ||
      touched[field] ||
      (field.startsWith('risk.') && touched[riskSectionOf(field)])
        ? errors().find((error) => error.field === field)?.message
        : undefined),
    formError,
    paramSpecs: () => Object.entries((strategy()?.params ?? {}) as Record<string, ParamSpec>),
    paramValue: (key) => {
      const chosen = strategy();
      const draft = draftStore.value;
      return chosen && draft ? paramInputs(draft, chosen)[key] : undefined;
    },
    setParam: (key, value) => {
      const chosen = strategy();
      const draft = draftStore.value;
      if (!chosen || !draft) return;
      edit(`params.${key}`, () =>
        setDraft('value', 'paramsByStrategy', chosen.id, {
          ...paramInputs(draft, chosen),
          [key]: value,
        }),
      );
    },
    setName: (value) => edit('name', () => setDraft('value', 'name', value)),
    setAllocation: (value) => edit('allocation', () => setDraft('value', 'allocation', value)),
    setRisk: (field, risk) =>
      edit(field.startsWith('risk.') ? riskSectionOf(field) : field, () => {
        setDraft('value', 'risk', risk);
        setServerErrors(field, undefined);
      }),
    changes,
    isReviewing,
    review: () => {
      setReviewed(true);
      if (errors().length > 0) return false;
      setReviewing(true);
      return true;
    },
    keepEditing: () => setReviewing(false),
    isSaving,
    save,
  };
}
