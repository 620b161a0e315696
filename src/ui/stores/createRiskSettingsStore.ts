/**
 * The Risk page's circuit-breaker forms: loads the settings from the engine, keeps each scope's
 * inputs as text (empty = off), checks them inline with the engine's ranges and saves them all
 * at once. Field errors the engine returns ("portfolio.maxDrawdownPercent") are shown next to
 * their inputs; nothing is saved while any field is wrong.
 */
import { batch, createEffect, createResource, createSignal, type Accessor } from 'solid-js';
import { createStore, type SetStoreFunction } from 'solid-js/store';
import type { BreakerConfig } from '../../core/risk/breakers';
import type { EngineApi } from '../../host/engineApi';
import type { RiskSettings, ScopeRiskSettings, TripAction } from '../../host/riskSettings';
import { announce } from '../announcer';
import { messageOf } from './createCommandRunner';

export type BreakerKey = keyof BreakerConfig;

/** The breaker fields in form order, with the engine's ranges (src/core/risk/breakers.ts). */
export const BREAKER_FIELDS: readonly {
  key: BreakerKey;
  label: string;
  unit: string;
  min: number;
  max: number;
  help: string;
}[] = [
  {
    key: 'dailyLossPercent',
    label: 'Daily loss limit (%)',
    unit: '%',
    min: 0.1,
    max: 100,
    help: 'Trips when equity falls this far below its value at the start of the UTC day.',
  },
  {
    key: 'dailyLossQuote',
    label: 'Daily loss limit (quote)',
    unit: 'quote',
    min: 0,
    max: Number.MAX_SAFE_INTEGER,
    help: 'The same limit as an amount of quote currency (e.g. USDT).',
  },
  {
    key: 'maxDrawdownPercent',
    label: 'Max drawdown (%)',
    unit: '%',
    min: 0.1,
    max: 100,
    help: 'Trips when equity falls this far below its highest value.',
  },
  {
    key: 'maxExposurePercent',
    label: 'Exposure cap (%)',
    unit: '%',
    min: 1,
    max: 100,
    help: 'New buys are refused or shrunk so positions stay within this share of equity.',
  },
];

export interface ScopeInputs {
  values: Record<BreakerKey, string>;
  action: TripAction;
}

export interface RiskFormInputs {
  portfolio: ScopeInputs;
  accounts: Record<string, ScopeInputs>;
}

function toScopeInputs(scope: ScopeRiskSettings | undefined): ScopeInputs {
  const values = {} as Record<BreakerKey, string>;
  for (const field of BREAKER_FIELDS) {
    const value = scope?.breakers[field.key];
    values[field.key] = value === undefined ? '' : String(value);
  }
  return { values, action: scope?.action ?? 'halt_entries' };
}

function checkField(field: (typeof BREAKER_FIELDS)[number], text: string): string | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  const isQuote = field.key === 'dailyLossQuote';
  if (!Number.isFinite(value) || value < field.min || value > field.max || (isQuote && value <= 0))
    return isQuote
      ? `${field.label} must be a positive amount.`
      : `${field.label} must be between ${field.min} and ${field.max}.`;
  return undefined;
}

function toScope(inputs: ScopeInputs): ScopeRiskSettings {
  const breakers: BreakerConfig = {};
  for (const field of BREAKER_FIELDS) {
    const text = inputs.values[field.key].trim();
    if (text !== '') breakers[field.key] = Number(text);
  }
  return { breakers, action: inputs.action };
}

export interface RiskSettingsStore {
  inputs: RiskFormInputs;
  setInputs: SetStoreFunction<RiskFormInputs>;
  isReady: Accessor<boolean>;
  loadError: Accessor<string | undefined>;
  /** Inline and engine errors by field ("portfolio.maxDrawdownPercent"). */
  errors(): Record<string, string | undefined>;
  isSaving: Accessor<boolean>;
  saveError: Accessor<string | undefined>;
  savedMessage: Accessor<string | undefined>;
  save(): Promise<boolean>;
}

export function createRiskSettingsStore(
  api: EngineApi,
  accountIds: Accessor<readonly string[]>,
): RiskSettingsStore {
  const [loaded] = createResource(async () => {
    const result = await api.getRiskSettings();
    if (!result.ok) throw new Error(result.error);
    return result.value;
  });
  const [inputs, setInputs] = createStore<RiskFormInputs>({
    portfolio: toScopeInputs(undefined),
    accounts: {},
  });
  const [isReady, setReady] = createSignal(false);
  const [isSaving, setSaving] = createSignal(false);
  const [saveError, setSaveError] = createSignal<string>();
  const [savedMessage, setSavedMessage] = createSignal<string>();
  const [engineErrors, setEngineErrors] = createSignal<Record<string, string>>({});

  createEffect(() => {
    if (loaded.state !== 'ready' || isReady()) return;
    const settings = loaded();
    batch(() => {
      setInputs('portfolio', toScopeInputs(settings.portfolio));
      setReady(true);
    });
  });
  // Every account gets a form, filled from its saved settings when it has some.
  createEffect(() => {
    if (!isReady()) return;
    const settings = loaded.state === 'ready' ? loaded() : undefined;
    for (const id of accountIds()) {
      if (!inputs.accounts[id]) setInputs('accounts', id, toScopeInputs(settings?.accounts[id]));
    }
  });

  const errors = (): Record<string, string | undefined> => {
    const result: Record<string, string | undefined> = { ...engineErrors() };
    const scopes: [string, ScopeInputs][] = [
      ['portfolio', inputs.portfolio],
      ...Object.entries(inputs.accounts).map(
        ([id, scope]) => [`accounts.${id}`, scope] as [string, ScopeInputs],
      ),
    ];
    for (const [prefix, scope] of scopes) {
      for (const field of BREAKER_FIELDS) {
        const problem = checkField(field, scope.values[field.key]);
        if (problem) result[`${prefix}.${field.key}`] = problem;
      }
    }
    return result;
  };

  async function save(): Promise<boolean> {
    if (!isReady() || isSaving()) return false;
    setSavedMessage(undefined);
    setSaveError(undefined);
    setEngineErrors({});
    if (Object.values(errors()).some(Boolean)) {
      setSaveError('Fix the highlighted fields: nothing was saved.');
      return false;
    }
    const next: RiskSettings = { portfolio: toScope(inputs.portfolio), accounts: {} };
    for (const [id, scope] of Object.entries(inputs.accounts)) {
      const value = toScope(scope);
      // An account with no breakers needs no entry.
      if (Object.keys(value.breakers).length > 0) next.accounts[id] = value;
    }
    setSaving(true);
    try {
      const result = await api.updateRiskSettings(next);
      if (!result.ok) {
        const byField: Record<string, string> = {};
        for (const error of result.fieldErrors ?? []) byField[error.field] = error.message;
        setEngineErrors(byField);
        setSaveError(result.error);
        return false;
      }
      setSavedMessage('Risk settings saved.');
      announce('Risk settings saved.');
      return true;
    } catch (cause) {
      setSaveError(`The risk settings could not be saved: ${messageOf(cause)}`);
      return false;
    } finally {
      setSaving(false);
    }
  }

  const loadError = () => (loaded.error ? messageOf(loaded.error) : undefined);

  return {
    inputs,
    setInputs,
    isReady,
    loadError,
    errors,
    isSaving,
    saveError,
    savedMessage,
    save,
  };
}
