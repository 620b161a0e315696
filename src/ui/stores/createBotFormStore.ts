/**
 * The bot-creation form: the draft (restored from and autosaved to IndexedDB, with a preset
 * from the link applied on top), inline validation, and submit. Errors show once a field was
 * edited or a submit was tried; the engine's field errors, when it refuses the config, are
 * shown at their fields and win.
 */
import {
  batch,
  createEffect,
  createMemo,
  createSignal,
  type Accessor,
  type Resource,
} from 'solid-js';
import { createStore } from 'solid-js/store';
import type { Market } from '../../core/market/types';
import type { PresetRow } from '../../db';
import type { ParamSpec, RawParams } from '../../core/strategy/types';
import {
  DEFAULT_SIM_ACCOUNT_ID,
  type AccountBalanceView,
  type EngineApi,
  type FieldError,
  type SimulatedAccountSettings,
} from '../../host/engineApi';
import { announce } from '../announcer';
import { findStrategyEntry, STRATEGIES, type StrategyEntry } from '../catalog';
import { drafts, presets } from '../db';
import { createAccountContext } from './createAccountContext';
import {
  emptyDraft,
  paramInputs,
  paramInputsFrom,
  toBotConfig,
  type BotDraft,
  type ParamInput,
} from './createBotDraft';
import { messageOf } from './createCommandRunner';
import { createDraftAutosave, loadBotDraft } from './draftAutosave';
import { applyInitialPreset, type InitialPreset } from './presetDraft';
import { validateBotDraft } from './validateBotDraft';

export const DRAFT_ID = 'create-bot';

/** Fields shown in the form; engine errors on other fields go to the form-level message. */
const FORM_FIELDS = new Set(['name', 'symbol', 'strategyId', 'timeframe', 'allocation']);

export interface BotFormStore {
  draft: Readonly<BotDraft>;
  /** True once the saved draft was restored. */
  isReady: Accessor<boolean>;
  strategy: Accessor<StrategyEntry | undefined>;
  markets: Resource<Market[]>;
  market: Accessor<Market | undefined>;
  /** The account's balance in the chosen market's quote currency. */
  balance: Accessor<AccountBalanceView | undefined>;
  account: Resource<SimulatedAccountSettings>;
  /** The message to show at `field` ("name", "params.fast"…), if any. */
  errorFor(field: string): string | undefined;
  isSubmitting: Accessor<boolean>;
  formError: Accessor<string | undefined>;
  paramSpecs(): [string, ParamSpec][];
  paramValue(key: string): ParamInput | undefined;
  setName(value: string): void;
  setSymbol(value: string): void;
  setStrategy(id: string): void;
  setTimeframe(value: string): void;
  setParam(key: string, value: ParamInput): void;
  setAllocation(value: string): void;
  setStart(value: boolean): void;
  /** The outcome of opening the form with `?preset=<id>`, once the draft is ready. */
  initialPreset: Accessor<InitialPreset | undefined>;
  /** Chooses template `strategyId` with `params` as its values (e.g. from a preset). */
  applyParams(strategyId: string, params: RawParams): void;
  /** Shows the parameters' errors at their fields, as after an edit. */
  showParamErrors(): void;
  /** Validates and creates the bot; resolves to its id, or undefined when it was not created. */
  submit(): Promise<string | undefined>;
}

/** Reads the preset the form was opened with; a read failure counts as "not found". */
async function readPreset(id: string): Promise<PresetRow | undefined> {
  return presets.getPreset(id).catch((cause: unknown) => {
    console.warn('Could not read the preset', cause);
    return undefined;
  });
}

export function createBotFormStore(
  api: EngineApi,
  template: string | undefined,
  preset?: string,
): BotFormStore {
  const [draft, setDraft] = createStore<BotDraft>(emptyDraft(STRATEGIES[0]));
  const [isReady, setReady] = createSignal(false);
  const [touched, setTouched] = createStore<Record<string, boolean>>({});
  const [serverErrors, setServerErrors] = createStore<Record<string, string | undefined>>({});
  const [hasSubmitted, setSubmitted] = createSignal(false);
  const [isSubmitting, setSubmitting] = createSignal(false);
  const [formError, setFormError] = createSignal<string>();
  const [initialPreset, setInitialPreset] = createSignal<InitialPreset>();
  const { markets, balances, account, settled } = createAccountContext(api);

  const strategy = createMemo(() => findStrategyEntry(draft.strategyId));
  const market = createMemo(() =>
    (markets.state === 'ready' ? markets() : []).find((each) => each.symbol === draft.symbol),
  );
  const balance = createMemo(() => {
    const quote = market()?.quote;
    const list = balances.state === 'ready' ? balances() : [];
    return list.find(
      (each) => each.accountId === DEFAULT_SIM_ACCOUNT_ID && each.currency === quote,
    );
  });
  const clientErrors = createMemo(() =>
    validateBotDraft(draft, {
      strategy: strategy(),
      market: market(),
      unallocated: balance()?.unallocated,
    }),
  );

  void loadBotDraft(DRAFT_ID, template).then(async (restored) => {
    const applied = preset ? applyInitialPreset(restored, await readPreset(preset)) : undefined;
    batch(() => {
      setDraft(applied?.draft ?? restored);
      setInitialPreset(applied?.outcome);
      setReady(true);
    });
  });
  const autosave = createDraftAutosave(DRAFT_ID, () => (isReady() ? draft : undefined));

  // Default to the first market once they load, unless the draft names one that exists.
  createEffect(() => {
    const list = markets.state === 'ready' ? markets() : undefined;
    if (!isReady() || !list?.length || list.some((each) => each.symbol === draft.symbol)) return;
    setDraft('symbol', list[0]?.symbol ?? '');
  });

  /** Records an edit of `field`: its errors now show, and a refusal's message is outdated. */
  const edit = (field: string, apply: () => void): void =>
    batch(() => {
      apply();
      setTouched(field, true);
      setServerErrors(field, undefined);
      setFormError(undefined);
    });

  const showServerErrors = (fieldErrors: readonly FieldError[]): void => {
    const unplaced: string[] = [];
    for (const { field, message } of fieldErrors) {
      if (FORM_FIELDS.has(field) || field.startsWith('params.')) setServerErrors(field, message);
      else unplaced.push(message);
    }
    if (unplaced.length > 0) setFormError(unplaced.join(' '));
  };

  const showParamErrors = (): void => {
    for (const key of Object.keys(strategy()?.params ?? {})) setTouched(`params.${key}`, true);
  };

  const applyParams = (strategyId: string, params: RawParams): void => {
    const next = findStrategyEntry(strategyId);
    if (!next) return;
    batch(() => {
      if (draft.strategyId !== next.id) {
        setDraft('strategyId', next.id);
        setDraft('timeframe', next.timeframe);
      }
      setDraft('paramsByStrategy', next.id, paramInputsFrom(next, params));
      for (const key of Object.keys(next.params)) setServerErrors(`params.${key}`, undefined);
      setFormError(undefined);
      showParamErrors();
    });
  };

  async function create(chosen: StrategyEntry): Promise<string | undefined> {
    const result = await api.createBot(toBotConfig(draft, chosen), { start: draft.start });
    if (!result.ok) {
      if (result.fieldErrors?.length) showServerErrors(result.fieldErrors);
      else setFormError(result.error);
      return undefined;
    }
    autosave.stop();
    await drafts.clearDraft(DRAFT_ID).catch((cause: unknown) => console.warn(cause));
    announce(`${draft.name.trim()} created.`);
    return result.value.id;
  }

  async function submit(): Promise<string | undefined> {
    if (isSubmitting()) return undefined;
    batch(() => {
      setSubmitting(true);
      setFormError(undefined);
    });
    try {
      await settled;
      setSubmitted(true);
      const chosen = strategy();
      return clientErrors().length === 0 && chosen ? await create(chosen) : undefined;
    } catch (cause) {
      setFormError(`The bot could not be created: ${messageOf(cause)}`);
      return undefined;
    } finally {
      setSubmitting(false);
    }
  }

  return {
    draft,
    isReady,
    strategy,
    markets,
    market,
    balance,
    account,
    errorFor: (field) =>
      serverErrors[field] ??
      (hasSubmitted() || touched[field]
        ? clientErrors().find((error) => error.field === field)?.message
        : undefined),
    isSubmitting,
    formError,
    paramSpecs: () => Object.entries((strategy()?.params ?? {}) as Record<string, ParamSpec>),
    paramValue: (key) => {
      const chosen = strategy();
      return chosen ? paramInputs(draft, chosen)[key] : undefined;
    },
    setName: (value) => edit('name', () => setDraft('name', value)),
    setSymbol: (value) => edit('symbol', () => setDraft('symbol', value)),
    setStrategy: (id) =>
      edit('strategyId', () => {
        setDraft('strategyId', id);
        const next = findStrategyEntry(id);
        if (next) setDraft('timeframe', next.timeframe);
      }),
    setTimeframe: (value) => edit('timeframe', () => setDraft('timeframe', value)),
    setParam: (key, value) => {
      const chosen = strategy();
      if (!chosen) return;
      edit(`params.${key}`, () =>
        setDraft('paramsByStrategy', chosen.id, { ...paramInputs(draft, chosen), [key]: value }),
      );
    },
    setAllocation: (value) => edit('allocation', () => setDraft('allocation', value)),
    setStart: (value) => setDraft('start', value),
    initialPreset,
    applyParams,
    showParamErrors,
    submit,
  };
}
