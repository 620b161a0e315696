/**
 * The bot-creation form: the draft (restored from and saved to IndexedDB as the user types),
 * the markets, balance and account it needs from the engine, inline validation, and submit.
 * Errors show once a field was edited or a submit was tried; the engine's field errors win.
 */
import {
  batch,
  createEffect,
  createMemo,
  createResource,
  createSignal,
  onCleanup,
  on,
} from 'solid-js';
import { createStore, unwrap } from 'solid-js/store';
import type { Market } from '../../core/market/types';
import type { AnyStrategy, ParamSpec } from '../../core/strategy/types';
import {
  DEFAULT_SIM_ACCOUNT_ID,
  type AccountBalanceView,
  type EngineApi,
  type FieldError,
} from '../../host/engineApi';
import { announce } from '../announcer';
import { findStrategy, STRATEGIES } from '../catalog';
import { drafts } from '../db';
import { messageOf } from './createCommandRunner';
import {
  emptyDraft,
  paramInputs,
  readDraft,
  toBotConfig,
  type BotDraft,
  type ParamInput,
} from './createBotDraft';
import { validateBotDraft } from './validateBotDraft';

export const DRAFT_ID = 'create-bot';
/** Saves at most every 300 ms while typing: enough to survive a reload, cheap on IndexedDB. */
const SAVE_DELAY_MS = 300;

async function unwrapResult<T>(
  promise: Promise<{ ok: true; value: T } | { ok: false; error: string }>,
): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

export function createBotFormStore(api: EngineApi, template: string | undefined) {
  const [draft, setDraft] = createStore<BotDraft>(emptyDraft(STRATEGIES[0]));
  const [isReady, setReady] = createSignal(false);
  const [touched, setTouched] = createStore<Record<string, boolean>>({});
  const [serverErrors, setServerErrors] = createStore<Record<string, string | undefined>>({});
  const [hasSubmitted, setSubmitted] = createSignal(false);
  const [isSubmitting, setSubmitting] = createSignal(false);
  const [formError, setFormError] = createSignal<string>();
  let isDone = false;

  // Kept as promises too, so a submit made while they load waits for them instead of failing.
  const marketsLoading = unwrapResult(api.listMarkets(DEFAULT_SIM_ACCOUNT_ID));
  const balancesLoading = unwrapResult(api.listBalances());
  const [markets] = createResource(() => marketsLoading);
  const [balances] = createResource(() => balancesLoading);
  const [account] = createResource(() =>
    unwrapResult(api.getSimulatedAccount(DEFAULT_SIM_ACCOUNT_ID)),
  );

  const strategy = createMemo<AnyStrategy | undefined>(() => findStrategy(draft.strategyId));
  const market = createMemo<Market | undefined>(() =>
    (markets.state === 'ready' ? markets() : [])?.find((each) => each.symbol === draft.symbol),
  );
  const balance = createMemo<AccountBalanceView | undefined>(() => {
    const quote = market()?.quote;
    const list = balances.state === 'ready' ? balances() : undefined;
    return list?.find(
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

  /** The message to show at `field`, if any. */
  const errorFor = (field: string): string | undefined =>
    serverErrors[field] ??
    (hasSubmitted() || touched[field]
      ? clientErrors().find((error) => error.field === field)?.message
      : undefined);

  const edited = (field: string): void => {
    batch(() => {
      setTouched(field, true);
      setServerErrors(field, undefined);
      setFormError(undefined);
    });
  };

  // Restore the saved draft, then apply ?template= on top of it.
  void drafts
    .loadDraft(DRAFT_ID)
    .catch((cause: unknown) => console.warn('Could not read the saved draft', cause))
    .then((stored) => {
      const restored = readDraft(stored, emptyDraft(STRATEGIES[0]));
      const chosen = template ? findStrategy(template) : undefined;
      if (chosen && chosen.id !== restored.strategyId) {
        restored.strategyId = chosen.id;
        restored.timeframe = chosen.timeframe;
      }
      if (!findStrategy(restored.strategyId) && STRATEGIES[0]) {
        restored.strategyId = STRATEGIES[0].id;
        restored.timeframe = STRATEGIES[0].timeframe;
      }
      batch(() => {
        setDraft(restored);
        setReady(true);
      });
    });

  // Default to the first market once they load, unless the draft names one that exists.
  createEffect(() => {
    const list = markets.state === 'ready' ? markets() : undefined;
    if (!isReady() || !list || list.length === 0) return;
    if (!list.some((each) => each.symbol === draft.symbol))
      setDraft('symbol', list[0]?.symbol ?? '');
  });

  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const saveNow = (): void => {
    saveTimer = undefined;
    if (isDone) return;
    drafts
      .saveDraft(DRAFT_ID, unwrap(draft), Date.now())
      .catch((cause: unknown) => console.warn('Could not save the draft', cause));
  };
  createEffect(
    on(
      () => isReady() && JSON.stringify(draft),
      (snapshot) => {
        if (!snapshot) return;
        clearTimeout(saveTimer);
        saveTimer = setTimeout(saveNow, SAVE_DELAY_MS);
      },
      { defer: true },
    ),
  );
  onCleanup(() => {
    if (saveTimer !== undefined) {
      clearTimeout(saveTimer);
      saveNow();
    }
  });

  const setters = {
    setName(value: string) {
      setDraft('name', value);
      edited('name');
    },
    setSymbol(value: string) {
      setDraft('symbol', value);
      edited('symbol');
    },
    setStrategy(id: string) {
      const next = findStrategy(id);
      batch(() => {
        setDraft('strategyId', id);
        if (next) setDraft('timeframe', next.timeframe);
        edited('strategyId');
      });
    },
    setTimeframe(value: string) {
      setDraft('timeframe', value);
      edited('timeframe');
    },
    setParam(key: string, value: ParamInput) {
      const current = strategy();
      if (!current) return;
      const inputs = { ...paramInputs(draft, current), [key]: value };
      setDraft('paramsByStrategy', current.id, inputs);
      edited(`params.${key}`);
    },
    setAllocation(value: string) {
      setDraft('allocation', value);
      edited('allocation');
    },
    setStart(value: boolean) {
      setDraft('start', value);
    },
  };

  const showServerErrors = (fieldErrors: readonly FieldError[]): void => {
    const known = new Set(['name', 'symbol', 'strategyId', 'timeframe', 'allocation']);
    const unplaced: string[] = [];
    for (const { field, message } of fieldErrors) {
      if (known.has(field) || field.startsWith('params.')) setServerErrors(field, message);
      else unplaced.push(message);
    }
    if (unplaced.length > 0) setFormError(unplaced.join(' '));
  };

  /** Validates and creates the bot; resolves to its id, or undefined when it was not created. */
  async function submit(): Promise<string | undefined> {
    if (isSubmitting()) return undefined;
    batch(() => {
      setSubmitting(true);
      setFormError(undefined);
    });
    try {
      await Promise.allSettled([marketsLoading, balancesLoading]);
      setSubmitted(true);
      const current = strategy();
      if (clientErrors().length > 0 || !current) return undefined;
      const result = await api.createBot(toBotConfig(draft, current), { start: draft.start });
      if (!result.ok) {
        if (result.fieldErrors?.length) showServerErrors(result.fieldErrors);
        else setFormError(result.error);
        return undefined;
      }
      isDone = true;
      clearTimeout(saveTimer);
      saveTimer = undefined;
      await drafts.clearDraft(DRAFT_ID).catch((cause: unknown) => console.warn(cause));
      announce(`${draft.name.trim()} created.`);
      return result.value.id;
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
    errorFor,
    hasErrors: () => clientErrors().length > 0,
    isSubmitting,
    formError,
    paramSpecs: (): [string, ParamSpec][] =>
      Object.entries((strategy()?.params ?? {}) as Record<string, ParamSpec>),
    paramValue: (key: string): ParamInput | undefined => {
      const current = strategy();
      return current ? paramInputs(draft, current)[key] : undefined;
    },
    ...setters,
    submit,
  };
}

export type BotFormStore = ReturnType<typeof createBotFormStore>;
