/**
 * The screen the app opens on while a vault exists and is locked: one passphrase field. The
 * engine answers "Wrong passphrase." and, after repeated failures, how long to wait.
 */
import { Show, type JSX } from 'solid-js';
import { useEngine } from '../EngineProvider';
import { usePageTitle } from '../pageTitle';
import { createVaultForm } from '../stores/createVaultForm';
import { useVault } from '../vaultState';
import { PassphraseField } from './PassphraseField';
import './vault.css';

export function UnlockScreen(): JSX.Element {
  usePageTitle(() => 'Unlock');
  const { api } = useEngine();
  const vault = useVault();
  const form = createVaultForm();
  let input: HTMLInputElement | undefined;

  const unlock = async (element: HTMLFormElement): Promise<void> => {
    const passphrase = input?.value ?? '';
    if (await form.submit(element, 'Unlock', () => api.unlockVault(passphrase), 'Unlocked.'))
      await vault.refresh();
  };

  return (
    <section class="page unlock-screen" aria-labelledby="unlock-heading">
      <h1 id="unlock-heading" tabindex="-1">
        Flotilla is locked
      </h1>
      <p class="muted">
        Your exchange keys are encrypted. Enter your vault passphrase to unlock them.
      </p>
      <form
        class="form card"
        novalidate
        onSubmit={(event) => {
          event.preventDefault();
          void unlock(event.currentTarget);
        }}
      >
        <PassphraseField
          id="unlock-passphrase"
          label="Passphrase"
          autocomplete="current-password"
          error={form.fieldError('passphrase')}
          help="Forgotten it? There is no recovery: the keys it protects are lost and must be entered again."
          ref={(element) => {
            input = element;
            queueMicrotask(() => element.focus());
          }}
        />
        <Show when={form.formError()}>
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
            aria-disabled={form.busy() ? 'true' : undefined}
          >
            {form.busy() ? 'Unlocking…' : 'Unlock'}
          </button>
        </div>
      </form>
    </section>
  );
}
