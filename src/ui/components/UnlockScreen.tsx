/**
 * The screen the app opens on while a vault exists and is locked: one passphrase field. The
 * engine answers "Wrong passphrase." and, after repeated failures, how long to wait. A
 * forgotten passphrase has no recovery: "Erase the vault" deletes it with every stored key and
 * every bot whose configuration it encrypted (they cannot be read without it).
 */
import { createSignal, For, Show, type JSX } from 'solid-js';
import { db } from '../db';
import { createLiveList } from '../liveQuery';
import { useEngine } from '../EngineProvider';
import { formatTime } from '../format';
import { usePageTitle } from '../pageTitle';
import { createVaultForm } from '../stores/createVaultForm';
import { useVault } from '../vaultState';
import { Dialog } from './Dialog';
import { PassphraseField } from './PassphraseField';
import './vault.css';

/**
 * Bots that wait for the vault after a reload: they resume once it is unlocked. Their names are
 * encrypted with their configurations, so they are listed by short id.
 */
function WaitingBots(): JSX.Element {
  const waiting = createLiveList(
    () => db.bots.filter((bot) => bot.statusNote !== undefined).toArray(),
    'id',
  );
  return (
    <Show when={waiting().length > 0}>
      <div class="notice" role="status">
        <p>
          {waiting().length === 1 ? '1 bot is' : `${waiting().length} bots are`} waiting for the
          vault to be unlocked; {waiting().length === 1 ? 'it resumes' : 'they resume'} once you
          unlock it:
        </p>
        <ul>
          <For each={waiting()}>
            {(bot) => <li>{bot.config?.name ?? `Bot ${bot.shortId} (name encrypted)`}</li>}
          </For>
        </ul>
      </div>
    </Show>
  );
}

export function UnlockScreen(): JSX.Element {
  usePageTitle(() => 'Unlock');
  const { api } = useEngine();
  const vault = useVault();
  const form = createVaultForm();
  let input: HTMLInputElement | undefined;
  const [confirmErase, setConfirmErase] = createSignal(false);
  const [eraseError, setEraseError] = createSignal<string>();

  const erase = async (): Promise<void> => {
    setConfirmErase(false);
    const result = await api.eraseVault().catch((error: unknown) => ({
      ok: false as const,
      error: String(error),
    }));
    if (result.ok) await vault.refresh();
    else setEraseError(`Could not erase the vault: ${result.error}`);
  };

  const unlock = async (element: HTMLFormElement): Promise<void> => {
    const passphrase = input?.value ?? '';
    await form.submit(element, 'Unlock', () => api.unlockVault(passphrase), 'Unlocked.');
    // Unlocked, or a new slow-down to show.
    await vault.refresh();
  };

  return (
    <section class="page unlock-screen" aria-labelledby="unlock-heading">
      <h1 id="unlock-heading" tabindex="-1">
        Flotilla is locked
      </h1>
      <p class="muted">
        Your exchange keys and bot configurations are encrypted. Enter your vault passphrase to
        unlock them.
      </p>
      <WaitingBots />
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
          ref={(element) => {
            input = element;
            queueMicrotask(() => element.focus());
          }}
        />
        <Show when={!form.fieldError('passphrase') && vault.status()?.retryAt}>
          {(retryAt) => (
            <p class="muted" role="status">
              After several wrong passphrases, the next try is checked from {formatTime(retryAt())}.
            </p>
          )}
        </Show>
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
      <p class="muted">
        Forgotten it? There is no recovery: erase the vault, then set up a new one, enter your
        exchange keys again and create your bots again.
      </p>
      <button
        type="button"
        class="button button-danger-outline"
        onClick={() => setConfirmErase(true)}
      >
        Erase the vault
      </button>
      <Show when={eraseError()}>
        {(message) => (
          <p class="form-error" role="alert">
            {message()}
          </p>
        )}
      </Show>
      <Dialog open={confirmErase()} title="Erase the vault?" onClose={() => setConfirmErase(false)}>
        <p>
          This deletes the vault and every exchange key stored in it, on this device. Bot
          configurations are encrypted by the vault too, so every bot is deleted as well, with its
          orders, trades and history; only its timeline events stay. It cannot be undone.
        </p>
        <div class="button-row">
          <button type="button" class="button" onClick={() => setConfirmErase(false)}>
            Keep the vault
          </button>
          <button type="button" class="button button-danger" onClick={() => void erase()}>
            Erase vault, keys and bots
          </button>
        </div>
      </Dialog>
    </section>
  );
}
