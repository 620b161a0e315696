/**
 * Add or edit an exchange account: the exchange (searchable; the tested ones first), a name,
 * exactly the credential fields that exchange requires (secrets in password inputs, never
 * autocompleted), its testnet where it has one, the CORS proxy URL, and under "Advanced" the API
 * base URL of a local test exchange. "Test connection" runs in the worker; "Save" stores the
 * keys in the vault and empties the key fields.
 */
import { createMemo, createSignal, For, Show, type JSX } from 'solid-js';
import type { AccountView } from '../../../host/engineApi';
import { credentialLabel, isSecretCredential } from '../../../host/credentialFields';
import { describedBy, FieldMessages, FormField, invalid } from '../../components/FormField';
import { useEngine } from '../../EngineProvider';
import { catalogGroups } from '../../exchangeCatalog';
import { href } from '../../router';
import { createAccountForm, type AccountFormStore } from '../../stores/createAccountForm';
import { useVault } from '../../vaultState';
import { ConnectionReportView } from './ConnectionReportView';

function TextInput(props: {
  form: AccountFormStore;
  id: string;
  field: 'name' | 'proxyUrl' | 'apiUrl' | 'paperBalances';
  errorKey: string;
  label: string;
  help?: JSX.Element;
  placeholder?: string;
  type?: 'text' | 'url';
}): JSX.Element {
  const error = () => props.form.errorFor(props.errorKey);
  return (
    <FormField id={props.id} label={props.label} help={props.help} error={error()}>
      <input
        id={props.id}
        type={props.type ?? 'text'}
        autocomplete="off"
        spellcheck={false}
        placeholder={props.placeholder}
        value={props.form.draft[props.field]}
        aria-invalid={invalid(error())}
        aria-describedby={describedBy(props.id, Boolean(props.help), error())}
        onInput={(event) => props.form.set(props.field, event.currentTarget.value)}
      />
    </FormField>
  );
}

function ExchangeChoice(props: { form: AccountFormStore }): JSX.Element {
  const [query, setQuery] = createSignal('');
  const groups = createMemo(() => catalogGroups(query()));
  const error = () => props.form.errorFor('exchange');
  return (
    <Show
      when={!props.form.editing}
      fallback={<p>Exchange: {props.form.editing?.exchangeName} (cannot change)</p>}
    >
      <FormField id="exchange-search" label="Search exchanges">
        <input
          id="exchange-search"
          type="search"
          autocomplete="off"
          value={query()}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
      </FormField>
      <FormField
        id="account-exchange"
        label="Exchange"
        help="Tested exchanges first; the others work through ccxt but are not tested here."
        error={error()}
      >
        <select
          id="account-exchange"
          size="8"
          value={props.form.draft.exchange}
          aria-invalid={invalid(error())}
          aria-describedby={describedBy('account-exchange', true, error())}
          onChange={(event) => props.form.set('exchange', event.currentTarget.value)}
        >
          <optgroup label="Tested">
            <For each={groups().tested}>
              {(entry) => (
                <option value={entry.id} selected={props.form.draft.exchange === entry.id}>
                  {entry.name}
                </option>
              )}
            </For>
          </optgroup>
          <optgroup label="All other exchanges">
            <For each={groups().others}>
              {(entry) => (
                <option value={entry.id} selected={props.form.draft.exchange === entry.id}>
                  {entry.name}
                </option>
              )}
            </For>
          </optgroup>
        </select>
      </FormField>
    </Show>
  );
}

function CredentialFields(props: { form: AccountFormStore }): JSX.Element {
  const vault = useVault();
  const fields = () => props.form.entry()?.requiredCredentials ?? [];
  const groupError = () => props.form.errorFor('credentials');
  return (
    <fieldset class="fieldset" aria-describedby="account-keys-help">
      <legend>API keys</legend>
      <p id="account-keys-help" class="field-help">
        {props.form.editing?.hasCredentials
          ? `Stored in the vault (${props.form.editing.credentialsHint || 'hidden'}). Leave empty to keep them; enter new ones to replace them.`
          : 'Needed for live trading only. They are encrypted in the vault and never shown again.'}{' '}
        Give the key permission to trade only — never to withdraw.
      </p>
      <Show when={vault.status() && vault.status()?.state !== 'unlocked'}>
        <p class="notice">
          API keys are stored in the vault:{' '}
          <a href={href('/settings')}>
            {vault.status()?.state === 'none' ? 'set it up' : 'unlock it'} in Settings → Security
          </a>{' '}
          first.
        </p>
      </Show>
      <For each={fields()}>
        {(field) => {
          const id = `account-credential-${field}`;
          const error = () => props.form.errorFor(`credentials.${field}`);
          return (
            <FormField id={id} label={credentialLabel(field)} error={error()}>
              <input
                id={id}
                type={isSecretCredential(field) ? 'password' : 'text'}
                autocomplete="off"
                spellcheck={false}
                value={props.form.draft.credentials[field] ?? ''}
                aria-invalid={invalid(error())}
                aria-describedby={describedBy(id, false, error())}
                onInput={(event) => props.form.setCredential(field, event.currentTarget.value)}
              />
            </FormField>
          );
        }}
      </For>
      <FieldMessages id="account-credentials" error={groupError()} />
    </fieldset>
  );
}

function ConnectionFields(props: { form: AccountFormStore }): JSX.Element {
  return (
    <>
      <Show when={props.form.entry()?.hasSandbox}>
        <div class="field field-checkbox">
          <div class="checkbox-row">
            <input
              type="checkbox"
              id="account-sandbox"
              checked={props.form.draft.sandbox}
              onChange={(event) => props.form.set('sandbox', event.currentTarget.checked)}
            />
            <label for="account-sandbox">Use the exchange's testnet (sandbox)</label>
          </div>
        </div>
      </Show>
      <TextInput
        form={props.form}
        id="account-proxy"
        field="proxyUrl"
        errorKey="proxyUrl"
        label="CORS proxy URL"
        type="url"
        placeholder="http://127.0.0.1:8787/"
        help="Your own proxy (npm run cors-proxy) for exchanges that refuse calls from web pages. Leave empty if not needed."
      />
      <details class="advanced">
        <summary>Advanced: API base URL (local test exchange)</summary>
        <TextInput
          form={props.form}
          id="account-api-url"
          field="apiUrl"
          errorKey="apiUrl"
          label="API base URL"
          type="url"
          placeholder="http://127.0.0.1:4207"
          help="Only for a Binance-compatible test exchange such as npm run sim:exchange."
        />
      </details>
    </>
  );
}

export function AccountForm(props: {
  editing?: AccountView;
  onDone: (savedId?: string) => void;
}): JSX.Element {
  const form = createAccountForm(useEngine().api, props.editing);
  return (
    <form
      class="form account-form"
      novalidate
      aria-label={props.editing ? `Edit ${props.editing.name}` : 'Add an exchange account'}
      onSubmit={(event) => {
        event.preventDefault();
        void form.save().then((id) => id && props.onDone(id));
      }}
    >
      <ExchangeChoice form={form} />
      <TextInput
        form={form}
        id="account-name"
        field="name"
        errorKey="name"
        label="Account name"
        help="Shown in lists and the bot wizard, e.g. “Binance main”."
      />
      <p class="field-help">
        Bots on an exchange account run in paper mode (the exchange's real prices, pretend orders:
        no keys needed) or live mode (real orders: needs API keys and the unlocked vault).
      </p>
      <CredentialFields form={form} />
      <ConnectionFields form={form} />
      <TextInput
        form={form}
        id="account-paper"
        field="paperBalances"
        errorKey="paper"
        label="Paper starting balances"
        help="Pretend money for paper bots, e.g. USDT=10000, BTC=0.5."
      />
      <Show when={form.report()}>{(report) => <ConnectionReportView report={report()} />}</Show>
      <Show when={form.formError()}>
        {(message) => (
          <p class="form-error" role="alert">
            {message()}
          </p>
        )}
      </Show>
      <div class="button-row">
        <button
          type="button"
          class="button"
          aria-disabled={form.busy() ? 'true' : undefined}
          onClick={() => void form.test()}
        >
          Test connection
        </button>
        <button
          type="submit"
          class="button button-primary"
          aria-disabled={form.busy() ? 'true' : undefined}
        >
          Save
        </button>
        <button type="button" class="button" onClick={() => props.onDone()}>
          Cancel
        </button>
        <span class="muted" aria-live="polite">
          {form.busy() === 'test'
            ? 'Testing the connection…'
            : form.busy() === 'save'
              ? 'Saving…'
              : ''}
        </span>
      </div>
    </form>
  );
}
