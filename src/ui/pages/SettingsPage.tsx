/**
 * Settings: the simulated account (replay speed, starting balances, fees, slippage), saved
 * through the engine, the colour theme (System / Light / Dark), applied at once, and the
 * vault (Security).
 */
import { For, Match, Show, Switch, type JSX } from 'solid-js';
import { describedBy, FormField, invalid } from '../components/FormField';
import { useEngine } from '../EngineProvider';
import { usePageTitle } from '../pageTitle';
import {
  BALANCE_CURRENCIES,
  createSettingsStore,
  type SettingsInputs,
  type SettingsStore,
} from '../stores/createSettingsStore';
import { setThemePreference, themePreference, type ThemePreference } from '../theme';
import { SecuritySettings } from './SecuritySettings';

const SPEEDS: readonly { value: number; label: string }[] = [
  { value: 1, label: 'Real time 1×' },
  { value: 10, label: '10×' },
  { value: 60, label: '60×' },
  { value: 600, label: '600×' },
];

const THEMES: readonly { value: ThemePreference; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

function NumberInput(props: {
  id: string;
  label: string;
  value: string;
  error?: string;
  help?: string;
  unit?: string;
  step?: string;
  onInput: (value: string) => void;
}): JSX.Element {
  return (
    <FormField id={props.id} label={props.label} help={props.help} error={props.error}>
      <div class="input-with-unit">
        <input
          id={props.id}
          type="number"
          inputmode="decimal"
          min="0"
          step={props.step ?? 'any'}
          value={props.value}
          aria-invalid={invalid(props.error)}
          aria-describedby={describedBy(props.id, Boolean(props.help), props.error)}
          onInput={(event) => props.onInput(event.currentTarget.value)}
        />
        <Show when={props.unit}>
          <span class="input-unit">{props.unit}</span>
        </Show>
      </div>
    </FormField>
  );
}

function SpeedSelect(props: { store: SettingsStore }): JSX.Element {
  const options = (): { value: number; label: string }[] => {
    const current = Number(props.store.inputs.speed);
    return SPEEDS.some((speed) => speed.value === current)
      ? [...SPEEDS]
      : [...SPEEDS, { value: current, label: `${current}×` }];
  };
  return (
    <FormField
      id="settings-speed"
      label="Replay speed"
      help="How fast the simulated exchange replays its market data: 60× replays an hour of market time per minute. Applies at once, even to running bots."
    >
      <select
        id="settings-speed"
        value={props.store.inputs.speed}
        aria-describedby="settings-speed-help"
        onChange={(event) => props.store.setInputs('speed', event.currentTarget.value)}
      >
        <For each={options()}>
          {(speed) => (
            <option
              value={String(speed.value)}
              selected={String(speed.value) === props.store.inputs.speed}
            >
              {speed.label}
            </option>
          )}
        </For>
      </select>
    </FormField>
  );
}

function AccountForm(props: { store: SettingsStore }): JSX.Element {
  const store = props.store;
  const set =
    <K extends keyof Omit<SettingsInputs, 'balances'>>(key: K) =>
    (value: string) =>
      store.setInputs(key, value);
  return (
    <form
      class="form"
      novalidate
      onSubmit={(event) => {
        event.preventDefault();
        void store.save();
      }}
    >
      <SpeedSelect store={store} />
      <fieldset class="fieldset">
        <legend>Starting balances</legend>
        <p class="field-help">Only while the account has no bots: bots are allocated from them.</p>
        <For each={BALANCE_CURRENCIES}>
          {(currency) => (
            <NumberInput
              id={`settings-balance-${currency}`}
              label={`Starting ${currency} balance`}
              unit={currency}
              value={store.inputs.balances[currency] ?? ''}
              error={store.errors()[`balance.${currency}`]}
              onInput={(value) => store.setInputs('balances', currency, value)}
            />
          )}
        </For>
      </fieldset>
      <fieldset class="fieldset">
        <legend>Costs</legend>
        <p class="field-help">Only while none of the account's bots runs.</p>
        <NumberInput
          id="settings-maker-fee"
          label="Maker fee (%)"
          unit="%"
          value={store.inputs.makerFeePercent}
          error={store.errors().makerFee}
          onInput={set('makerFeePercent')}
        />
        <NumberInput
          id="settings-taker-fee"
          label="Taker fee (%)"
          unit="%"
          value={store.inputs.takerFeePercent}
          error={store.errors().takerFee}
          onInput={set('takerFeePercent')}
        />
        <NumberInput
          id="settings-slippage"
          label="Slippage (bps)"
          help="Basis points: 1 bps = 0.01 % of the price, against the trader on market orders."
          unit="bps"
          value={store.inputs.slippageBps}
          error={store.errors().slippage}
          onInput={set('slippageBps')}
        />
      </fieldset>
      <Show when={store.saveError()}>
        {(message) => (
          <p class="form-error" role="alert">
            {message()}
          </p>
        )}
      </Show>
      <div class="button-row">
        <button
          type="submit"
          class="button button-primary"
          aria-disabled={store.isSaving() ? 'true' : undefined}
        >
          Save settings
        </button>
        <span class="muted" aria-live="polite">
          {store.isSaving() ? 'Saving…' : (store.savedMessage() ?? '')}
        </span>
      </div>
    </form>
  );
}

function ThemeChoice(): JSX.Element {
  return (
    <fieldset class="fieldset">
      <legend>Theme</legend>
      <div class="radio-group">
        <For each={THEMES}>
          {(theme) => (
            <label class="radio">
              <input
                type="radio"
                name="theme"
                value={theme.value}
                checked={themePreference() === theme.value}
                onChange={() => setThemePreference(theme.value)}
              />
              {theme.label}
            </label>
          )}
        </For>
      </div>
    </fieldset>
  );
}

export function SettingsPage(): JSX.Element {
  usePageTitle(() => 'Settings');
  const store = createSettingsStore(useEngine().api);
  return (
    <section class="page narrow">
      <h1 tabindex="-1">Settings</h1>
      <section class="card settings-section" aria-labelledby="account-heading">
        <h2 id="account-heading" class="section-title">
          Simulated account
        </h2>
        <Switch>
          <Match when={store.loaded.error}>
            <p class="form-error" role="alert">
              Could not load the account: {String(store.loaded.error)}
            </p>
          </Match>
          <Match when={!store.isReady()}>
            <p class="loading">Loading…</p>
          </Match>
          <Match when={store.isReady()}>
            <AccountForm store={store} />
          </Match>
        </Switch>
      </section>
      <section class="card settings-section" aria-labelledby="appearance-heading">
        <h2 id="appearance-heading" class="section-title">
          Appearance
        </h2>
        <ThemeChoice />
      </section>
      <SecuritySettings />
    </section>
  );
}
