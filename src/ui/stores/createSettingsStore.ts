/**
 * The simulated account's settings form: loads them from the engine, keeps the inputs as text
 * (fees shown in percent, stored as fractions), checks them inline and saves them. The engine
 * may refuse (e.g. balances while bots exist); its message is kept for display.
 */
import {
  batch,
  createEffect,
  createResource,
  createSignal,
  type Accessor,
  type Resource,
} from 'solid-js';
import { createStore, type SetStoreFunction } from 'solid-js/store';
import {
  DEFAULT_SIM_ACCOUNT_ID,
  type EngineApi,
  type SimulatedAccountSettings,
} from '../../host/engineApi';
import { announce } from '../announcer';
import { messageOf } from './createCommandRunner';

export const BALANCE_CURRENCIES = ['USDT', 'USDC', 'BTC'] as const;
/** Highest fee the engine accepts, in percent (1 %: above any real exchange's spot fee). */
const MAX_FEE_PERCENT = 1;
const MAX_SLIPPAGE_BPS = 10_000;

export interface SettingsInputs {
  speed: string;
  balances: Record<string, string>;
  makerFeePercent: string;
  takerFeePercent: string;
  slippageBps: string;
}

/** A number for an input, without float noise (0.1 * 100 → "10", not "10.000000000000002"). */
function clean(value: number): string {
  return String(Number(value.toPrecision(12)));
}

function toInputs(settings: SimulatedAccountSettings): SettingsInputs {
  const balances: Record<string, string> = {};
  for (const currency of BALANCE_CURRENCIES) {
    balances[currency] = clean(settings.startingBalances[currency] ?? 0);
  }
  return {
    speed: String(settings.speed),
    balances,
    makerFeePercent: clean(settings.makerFee * 100),
    takerFeePercent: clean(settings.takerFee * 100),
    slippageBps: clean(settings.slippageBps),
  };
}

function parse(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

function rangeError(label: string, text: string, max: number, unit = ''): string | undefined {
  const value = parse(text);
  if (!Number.isFinite(value) || value < 0 || value > max) {
    return `${label} must be a number between 0${unit} and ${max.toLocaleString()}${unit}.`;
  }
  return undefined;
}

export interface SettingsStore {
  /** The settings as last loaded or saved. */
  loaded: Resource<SimulatedAccountSettings>;
  inputs: SettingsInputs;
  setInputs: SetStoreFunction<SettingsInputs>;
  /** True once the inputs hold the loaded settings. */
  isReady: Accessor<boolean>;
  /** Inline problems by field ("makerFee", "balance.USDT"…). */
  errors(): Record<string, string | undefined>;
  isSaving: Accessor<boolean>;
  /** Why the last save failed (the engine's message), if it did. */
  saveError: Accessor<string | undefined>;
  savedMessage: Accessor<string | undefined>;
  /** Saves through the engine; resolves to whether it was accepted. */
  save(): Promise<boolean>;
}

export function createSettingsStore(api: EngineApi): SettingsStore {
  const [loaded, { mutate }] = createResource(async () => {
    const result = await api.getSimulatedAccount(DEFAULT_SIM_ACCOUNT_ID);
    if (!result.ok) throw new Error(result.error);
    return result.value;
  });
  const [inputs, setInputs] = createStore<SettingsInputs>({
    speed: '60',
    balances: {},
    makerFeePercent: '',
    takerFeePercent: '',
    slippageBps: '',
  });
  const [isReady, setReady] = createSignal(false);
  const [isSaving, setSaving] = createSignal(false);
  const [saveError, setSaveError] = createSignal<string>();
  const [savedMessage, setSavedMessage] = createSignal<string>();

  const errors = (): Record<string, string | undefined> => {
    const result: Record<string, string | undefined> = {
      makerFee: rangeError('Maker fee', inputs.makerFeePercent, MAX_FEE_PERCENT, '%'),
      takerFee: rangeError('Taker fee', inputs.takerFeePercent, MAX_FEE_PERCENT, '%'),
      slippage: rangeError('Slippage', inputs.slippageBps, MAX_SLIPPAGE_BPS, ' bps'),
    };
    for (const currency of BALANCE_CURRENCIES) {
      result[`balance.${currency}`] = rangeError(
        `Starting ${currency} balance`,
        inputs.balances[currency] ?? '',
        Number.MAX_SAFE_INTEGER,
      );
    }
    return result;
  };

  // Fill the inputs once, when the settings first arrive; later saves keep what was typed.
  createEffect(() => {
    if (loaded.state !== 'ready' || isReady()) return;
    const settings = loaded();
    batch(() => {
      setInputs(toInputs(settings));
      setReady(true);
    });
  });

  async function save(): Promise<boolean> {
    const current = loaded.state === 'ready' ? loaded() : undefined;
    if (!current || isSaving()) return false;
    setSavedMessage(undefined);
    setSaveError(undefined);
    if (Object.values(errors()).some(Boolean)) return false;
    const startingBalances: Record<string, number> = { ...current.startingBalances };
    for (const currency of BALANCE_CURRENCIES) {
      startingBalances[currency] = parse(inputs.balances[currency] ?? '0');
    }
    const next: SimulatedAccountSettings = {
      ...current,
      speed: parse(inputs.speed),
      startingBalances,
      makerFee: parse(inputs.makerFeePercent) / 100,
      takerFee: parse(inputs.takerFeePercent) / 100,
      slippageBps: parse(inputs.slippageBps),
    };
    setSaving(true);
    try {
      const result = await api.updateSimulatedAccount(next);
      if (!result.ok) {
        setSaveError(result.error);
        return false;
      }
      mutate(next);
      setSavedMessage('Settings saved.');
      announce('Settings saved.');
      return true;
    } catch (cause) {
      setSaveError(`The settings could not be saved: ${messageOf(cause)}`);
      return false;
    } finally {
      setSaving(false);
    }
  }

  return {
    loaded,
    inputs,
    setInputs,
    isReady,
    errors,
    isSaving,
    saveError,
    savedMessage,
    save,
  };
}
