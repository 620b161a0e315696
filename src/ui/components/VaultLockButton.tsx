/** The app bar's "Lock" button, shown while the vault is unlocked: locks it at once. */
import { Show, type JSX } from 'solid-js';
import { useEngine } from '../EngineProvider';
import { createCommandRunner } from '../stores/createCommandRunner';
import { useVault } from '../vaultState';
import './vault.css';

export function VaultLockButton(): JSX.Element {
  const { api } = useEngine();
  const vault = useVault();
  const runner = createCommandRunner();
  const lock = async (): Promise<void> => {
    await runner.run('Lock', () => api.lockVault(), 'Vault locked.');
    await vault.refresh();
  };
  return (
    <Show when={vault.status()?.state === 'unlocked'}>
      <button
        type="button"
        class="button button-small vault-lock-button"
        aria-label="Lock the vault"
        title="Lock the vault"
        onClick={() => void lock()}
      >
        Lock
      </button>
      <Show when={runner.error()}>
        {(message) => (
          <span class="visually-hidden" role="alert">
            {message()}
          </span>
        )}
      </Show>
    </Show>
  );
}
