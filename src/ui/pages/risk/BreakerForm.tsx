/**
 * The circuit-breaker form of the Risk page: one group for the portfolio and one per exchange
 * account, each with daily loss (% and quote), max drawdown, exposure cap and what a trip does,
 * validated inline and saved together.
 */
import { For, Show, type JSX } from 'solid-js';
import type { TripAction } from '../../../host/riskSettings';
import { describedBy, FormField, invalid } from '../../components/FormField';
import {
  BREAKER_FIELDS,
  type RiskSettingsStore,
  type ScopeInputs,
} from '../../stores/createRiskSettingsStore';

const ACTIONS: readonly { value: TripAction; label: string; help: string }[] = [
  {
    value: 'halt_entries',
    label: 'Halt new entries',
    help: 'Bots keep running: their protective exits and sells still work, buys are refused.',
  },
  {
    value: 'stop_bots',
    label: 'Stop bots',
    help: 'Cancels every open order and stops the bots; positions are kept.',
  },
];

function ScopeFields(props: {
  idPrefix: string;
  fieldPrefix: string;
  legend: string;
  scope: ScopeInputs;
  errors: Record<string, string | undefined>;
  onValue: (key: (typeof BREAKER_FIELDS)[number]['key'], value: string) => void;
  onAction: (action: TripAction) => void;
}): JSX.Element {
  return (
    <fieldset class="fieldset risk-scope">
      <legend>{props.legend}</legend>
      <div class="risk-fields">
        <For each={BREAKER_FIELDS}>
          {(field) => {
            const id = `${props.idPrefix}-${field.key}`;
            const error = () => props.errors[`${props.fieldPrefix}.${field.key}`];
            return (
              <FormField id={id} label={field.label} help={field.help} error={error()}>
                <input
                  id={id}
                  type="number"
                  inputmode="decimal"
                  step="any"
                  min="0"
                  placeholder="Off"
                  value={props.scope.values[field.key]}
                  aria-invalid={invalid(error())}
                  aria-describedby={describedBy(id, true, error())}
                  onInput={(event) => props.onValue(field.key, event.currentTarget.value)}
                />
              </FormField>
            );
          }}
        </For>
      </div>
      <fieldset class="fieldset risk-action">
        <legend>When a breaker trips</legend>
        <div class="radio-group">
          <For each={ACTIONS}>
            {(action) => (
              <label class="radio" title={action.help}>
                <input
                  type="radio"
                  name={`${props.idPrefix}-action`}
                  value={action.value}
                  checked={props.scope.action === action.value}
                  onChange={() => props.onAction(action.value)}
                />
                {action.label}
              </label>
            )}
          </For>
        </div>
        <p class="field-help">
          {ACTIONS.find((action) => action.value === props.scope.action)?.help}
        </p>
      </fieldset>
    </fieldset>
  );
}

export function BreakerForm(props: {
  store: RiskSettingsStore;
  accounts: readonly { id: string; name: string }[];
}): JSX.Element {
  const store = props.store;
  return (
    <form
      class="form risk-form"
      novalidate
      onSubmit={(event) => {
        event.preventDefault();
        void store.save();
      }}
    >
      <ScopeFields
        idPrefix="risk-portfolio"
        fieldPrefix="portfolio"
        legend="Portfolio (all bots)"
        scope={store.inputs.portfolio}
        errors={store.errors()}
        onValue={(key, value) => store.setInputs('portfolio', 'values', key, value)}
        onAction={(action) => store.setInputs('portfolio', 'action', action)}
      />
      <For each={props.accounts}>
        {(account) => (
          <Show when={store.inputs.accounts[account.id]}>
            {(scope) => (
              <ScopeFields
                idPrefix={`risk-account-${account.id}`}
                fieldPrefix={`accounts.${account.id}`}
                legend={`Account: ${account.name}`}
                scope={scope()}
                errors={store.errors()}
                onValue={(key, value) =>
                  store.setInputs('accounts', account.id, 'values', key, value)
                }
                onAction={(action) => store.setInputs('accounts', account.id, 'action', action)}
              />
            )}
          </Show>
        )}
      </For>
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
          Save risk settings
        </button>
        <span class="muted" aria-live="polite">
          {store.isSaving() ? 'Saving…' : (store.savedMessage() ?? '')}
        </span>
      </div>
    </form>
  );
}
