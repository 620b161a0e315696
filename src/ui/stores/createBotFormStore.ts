/**
 * The bot-creation wizard's form: the draft (values and step, restored from and autosaved to
 * IndexedDB, or prefilled from the link — wizardPrefill.ts), inline validation, step navigation
 * and submit. Errors show once a field was edited, its step's "Next" was tried, or a submit was;
 * the engine's field errors, when it refuses the config, are shown at their fields and win.
 */
import { batch, createEffect, createMemo, createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { ParamSpec, RawParams } from '../../core/strategy/types';
import type { EngineApi, FieldError } from '../../host/engineApi';
import { announce } from '../announcer';
import { findStrategyEntry, STRATEGIES, type StrategyEntry } from '../catalog';
import { drafts } from '../db';
import type { BotFormStore } from './botFormStore';
import { accountModes, createAccountContext } from './createAccountContext';
import {
  draftFromConfig,
  emptyDraft,
  paramInputs,
  paramInputsFrom,
  toBotConfig,
  type BotDraft,
} from './createBotDraft';
import { messageOf } from './createCommandRunner';
import { createDraftAutosave } from './draftAutosave';
import type { InitialPreset } from './presetDraft';
import { validateBotDraft } from './validateBotDraft';
import { loadInitialDraft, type WizardPrefill } from './wizardPrefill';
import { clampStep, errorsOfStep, REVIEW_STEP, riskSectionOf, stepOfField } from './wizardSteps';

export const DRAFT_ID = 'create-bot';

/** Fields shown in the form; engine errors on other fields go to the form-level message. */
const FORM_FIELDS = new Set([
  'name',
  'accountId',
  'mode',
  'symbol',
  'strategyId',
  'timeframe',
  'allocation',
]);

/** Whether `field` is shown at a control (params and risk fields are, by key prefix). */
const isPlacedField = (field: string): boolean =>
  FORM_FIELDS.has(field) || field.startsWith('params.') || field.startsWith('risk');

export type { BotFormStore } from './botFormStore';

export function createBotFormStore(api: EngineApi, prefill: WizardPrefill = {}): BotFormStore {
  const [draft, setDraft] = createStore<BotDraft>(emptyDraft(STRATEGIES[0]));
  const [isReady, setReady] = createSignal(false);
  const [touched, setTouched] = createStore<Record<string, boolean>>({});
  const [serverErrors, setServerErrors] = createStore<Record<string, string | undefined>>({});
  const [hasSubmitted, setSubmitted] = createSignal(false);
  const [isSubmitting, setSubmitting] = createSignal(false);
  const [formError, setFormError] = createSignal<string>();
  const [initialPreset, setInitialPreset] = createSignal<InitialPreset>();
  const [notice, setNotice] = createSignal<string>();
  const [attempted, setAttempted] = createStore<Record<number, boolean>>({});
  const { markets, balances, account, accounts, settled } = createAccountContext(
    api,
    () => draft.accountId,
  );
  const modes = createMemo(() =>
    accountModes(accounts().find((each) => each.id === draft.accountId)),
  );

  const strategy = createMemo(() => findStrategyEntry(draft.strategyId));
  const market = createMemo(() =>
    (markets.state === 'ready' ? markets() : []).find((each) => each.symbol === draft.symbol),
  );
  const balance = createMemo(() => {
    const quote = market()?.quote;
    const list = balances.state === 'ready' ? balances() : [];
    const mode = draft.mode === 'simulated' ? undefined : draft.mode;
    return list.find(
      (each) => each.accountId === draft.accountId && each.currency === quote && each.mode === mode,
    );
  });
  const clientErrors = createMemo(() =>
    validateBotDraft(draft, {
      strategy: strategy(),
      market: market(),
      unallocated: balance()?.unallocated,
      accountModes: accounts().length > 0 ? modes() : undefined,
    }),
  );

  void loadInitialDraft(DRAFT_ID, prefill).then((initial) => {
    batch(() => {
      setDraft({ ...initial.draft, step: clampStep(initial.draft.step) });
      setInitialPreset(initial.preset);
      setNotice(initial.notice);
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
      if (isPlacedField(field)) setServerErrors(field, message);
      else unplaced.push(`${field}: ${message}`);
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
      await settled();
      setSubmitted(true);
      const chosen = strategy();
      if (clientErrors().length > 0) {
        const first = clientErrors()[0];
        setFormError(
          `Fix ${clientErrors().length === 1 ? 'this problem' : `these ${clientErrors().length} problems`} first: ${clientErrors()
            .map((error) => error.message)
            .join(' ')}`,
        );
        if (first && stepOfField(first.field) < REVIEW_STEP)
          setDraft('step', stepOfField(first.field));
        return undefined;
      }
      return chosen ? await create(chosen) : undefined;
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
    accounts,
    modes,
    notice,
    errorFor: (field) =>
      serverErrors[field] ??
      (hasSubmitted() ||
      touched[field] ||
      attempted[stepOfField(field)] ||
      (field.startsWith('risk.') && touched[riskSectionOf(field)])
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
    setAccount: (id) =>
      edit('accountId', () => {
        setDraft('accountId', id);
        const first = accountModes(accounts().find((each) => each.id === id))[0];
        if (first) setDraft('mode', first);
      }),
    setMode: (mode) => edit('mode', () => setDraft('mode', mode)),
    setRisk: (field, risk) =>
      edit(field.startsWith('risk.') ? riskSectionOf(field) : field, () => {
        setDraft('risk', risk);
        setServerErrors(field, undefined);
      }),
    stepErrors: (step) => errorsOfStep(clientErrors(), step),
    next: () => {
      const step = draft.step;
      if (errorsOfStep(clientErrors(), step).length > 0) {
        setAttempted(step, true);
        return false;
      }
      setDraft('step', clampStep(step + 1));
      return true;
    },
    back: () => setDraft('step', clampStep(draft.step - 1)),
    goTo: (step) => {
      if (step <= draft.step) setDraft('step', clampStep(step));
    },
    loadConfig: (config) => {
      const entry = findStrategyEntry(config.strategyId);
      batch(() => {
        setDraft({ ...draftFromConfig(config, entry, REVIEW_STEP), start: draft.start });
        setAttempted(REVIEW_STEP, true);
        setFormError(undefined);
        for (const key of Object.keys(serverErrors)) setServerErrors(key, undefined);
      });
    },
    initialPreset,
    applyParams,
    showParamErrors,
    submit,
  };
}
