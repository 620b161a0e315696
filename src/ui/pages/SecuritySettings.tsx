/**
 * Settings → Security: set up the vault (passphrase with strength meter and confirmation),
 * then lock it now, choose the auto-lock time and change the passphrase. Passphrases go to the
 * engine once per submit and are cleared from the inputs straight after.
 */
import { createSignal, Match, Show, Switch, type JSX } from 'solid-js';
import { describedBy, FormField, invalid } from '../components/FormField';
import { PassphraseField } from '../components/PassphraseField';
import { useEngine } from '../EngineProvider';
import { createVaultForm, type VaultForm } from '../stores/createVaultForm';
import { useVault } from '../vaultState';

const valueOf = (form: HTMLFormElement, name: string): string =>
  (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '';

function FormError(props: { form: VaultForm }): JSX.Element {
  return (
    <Show when={props.form.formError()}>
      {(message) => (
        <p class="form-error" role="alert">
          {message()}
        </p>
      )}
    </Show>
  );
}

function SubmitButton(props: { form: VaultForm; label: string }): JSX.Element {
  return (
    <div class="button-row">
      <button
        type="submit"
        class="button button-primary"
        aria-disabled={props.form.busy() ? 'true' : undefined}
      >
        {props.label}
      </button>
    </div>
  );
}

function SetupForm(): JSX.Element {
  const { api } = useEngine();
  const vault = useVault();
  const form = createVaultForm();
  const submit = async (element: HTMLFormElement): Promise<void> => {
    const passphrase = valueOf(element, 'vault-new');
    const confirmation = valueOf(element, 'vault-confirm');
    const done = await form.submit(
      element,
      'Set up vault',
      () => api.setupVault(passphrase, confirmation),
      'Vault set up and unlocked.',
    );
    if (done) await vault.refresh();
  };
  return (
    <form
      class="form"
      novalidate
      aria-label="Set up the vault"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(event.currentTarget);
      }}
    >
      <p class="field-help">
        A passphrase encrypts your exchange API keys and your bot configurations on this device.
        Once set, Flotilla opens locked and asks for it. There is no recovery: if you forget it, you
        enter your keys again and recreate your bots.
      </p>
      <PassphraseField
        id="vault-new"
        label="New passphrase"
        autocomplete="new-password"
        meter
        help="At least 12 characters; several unrelated words work well."
        error={form.fieldError('passphrase')}
      />
      <PassphraseField
        id="vault-confirm"
        label="Confirm passphrase"
        autocomplete="new-password"
        error={form.fieldError('confirmation')}
      />
      <FormError form={form} />
      <SubmitButton form={form} label="Set up vault" />
    </form>
  );
}

function AutoLockForm(props: { minutes: number }): JSX.Element {
  const { api } = useEngine();
  const vault = useVault();
  const form = createVaultForm();
  const [minutes, setMinutes] = createSignal(String(props.minutes));
  const [saved, setSaved] = createSignal<string>();
  const submit = async (element: HTMLFormElement): Promise<void> => {
    setSaved(undefined);
    const value = Number(minutes());
    const done = await form.submit(
      element,
      'Save auto-lock',
      () => api.setVaultAutoLock(value),
      'Auto-lock saved.',
    );
    if (done) {
      setSaved(`Locks after ${value} idle minute${value === 1 ? '' : 's'}.`);
      await vault.refresh();
    }
  };
  const error = () => form.fieldError('autoLockMinutes');
  return (
    <form
      class="form"
      novalidate
      aria-label="Auto-lock"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(event.currentTarget);
      }}
    >
      <FormField
        id="vault-auto-lock"
        label="Auto-lock after (minutes)"
        help="Minutes without a command (start, stop, edit…) before the vault locks again."
        error={error()}
      >
        <input
          id="vault-auto-lock"
          type="number"
          inputmode="numeric"
          min="1"
          max="1440"
          step="1"
          value={minutes()}
          aria-invalid={invalid(error())}
          aria-describedby={describedBy('vault-auto-lock', true, error())}
          onInput={(event) => setMinutes(event.currentTarget.value)}
        />
      </FormField>
      <FormError form={form} />
      <div class="button-row">
        <button type="submit" class="button" aria-disabled={form.busy() ? 'true' : undefined}>
          Save auto-lock
        </button>
        <span class="muted" aria-live="polite">
          {saved() ?? ''}
        </span>
      </div>
    </form>
  );
}

function ChangePassphraseForm(): JSX.Element {
  const { api } = useEngine();
  const form = createVaultForm();
  const [changed, setChanged] = createSignal(false);
  const submit = async (element: HTMLFormElement): Promise<void> => {
    setChanged(false);
    const current = valueOf(element, 'vault-current');
    const next = valueOf(element, 'vault-change-new');
    const confirmation = valueOf(element, 'vault-change-confirm');
    setChanged(
      await form.submit(
        element,
        'Change passphrase',
        () => api.changeVaultPassphrase(current, next, confirmation),
        'Passphrase changed.',
      ),
    );
  };
  return (
    <form
      class="form"
      novalidate
      aria-labelledby="vault-change-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(event.currentTarget);
      }}
    >
      <h3 id="vault-change-heading" class="section-title">
        Change passphrase
      </h3>
      <PassphraseField
        id="vault-current"
        label="Current passphrase"
        autocomplete="current-password"
        error={form.fieldError('current')}
      />
      <PassphraseField
        id="vault-change-new"
        label="New passphrase"
        autocomplete="new-password"
        meter
        error={form.fieldError('passphrase')}
      />
      <PassphraseField
        id="vault-change-confirm"
        label="Confirm new passphrase"
        autocomplete="new-password"
        error={form.fieldError('confirmation')}
      />
      <FormError form={form} />
      <Show when={changed()}>
        <p class="muted" role="status">
          Passphrase changed: everything is now encrypted with the new one.
        </p>
      </Show>
      <SubmitButton form={form} label="Change passphrase" />
    </form>
  );
}

function LockNow(): JSX.Element {
  const { api } = useEngine();
  const vault = useVault();
  return (
    <div class="vault-state">
      <span>The vault is unlocked.</span>
      <button
        type="button"
        class="button"
        onClick={() => void api.lockVault().then(() => vault.refresh())}
      >
        Lock now
      </button>
    </div>
  );
}

export function SecuritySettings(): JSX.Element {
  const vault = useVault();
  return (
    <section class="card settings-section" aria-labelledby="security-heading">
      <h2 id="security-heading" class="section-title">
        Security
      </h2>
      <Switch fallback={<p class="loading">Loading…</p>}>
        <Match when={vault.status()?.state === 'none'}>
          <SetupForm />
        </Match>
        <Match when={vault.status()?.state === 'unlocked'}>
          <LockNow />
          <AutoLockForm minutes={vault.status()?.autoLockMinutes ?? 15} />
          <ChangePassphraseForm />
        </Match>
      </Switch>
    </section>
  );
}
