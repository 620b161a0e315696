/**
 * The vault's state for the UI, one per engine connection: asks the engine once, then follows
 * its live 'vault' events (lock, unlock, auto-lock — in every tab). The app shows the unlock
 * screen while a vault exists and is locked; before any vault is set up, nothing changes.
 * While unlocked it also fetches the config key (configCodec.ts) before reporting the state,
 * so pages shown once unlocked can always decrypt bot configurations.
 */
import { createRoot, createSignal, type Accessor } from 'solid-js';
import type { VaultStatusView } from '../host/engineApi';
import { setKeySource, setVaultKey } from './configCodec';
import type { EngineConnection } from './connectionTypes';
import { useEngine } from './EngineProvider';

export interface VaultState {
  /** Undefined until the engine answered. */
  status: Accessor<VaultStatusView | undefined>;
  /** Asks the engine again (e.g. after a command). */
  refresh(): Promise<void>;
}

const states = new WeakMap<EngineConnection, VaultState>();

function createVaultState(connection: EngineConnection): VaultState {
  // Lives as long as the connection (the app's lifetime), not the component that asked first.
  const [status, setStatus] = createRoot(() => createSignal<VaultStatusView>());
  let asked = 0;
  const configKey = async (): Promise<CryptoKey | undefined> => {
    const result = await connection.api.configKey();
    return result?.ok ? result.value : undefined;
  };
  setKeySource(configKey);
  const refresh = async (): Promise<void> => {
    const ask = ++asked;
    try {
      const result = await connection.api.vaultStatus();
      if (ask !== asked || !result?.ok) return;
      const key = result.value.state === 'unlocked' ? await configKey() : undefined;
      // Only the latest answer counts: an older one may describe a state already left.
      if (ask !== asked) return;
      setVaultKey(result.value.state, key);
      setStatus(result.value);
    } catch {
      // No engine reachable yet: keep what is known; the next event or command asks again.
    }
  };
  connection.onLive((event) => {
    if (event.type === 'vault') void refresh();
  });
  void refresh();
  return { status, refresh };
}

/** The vault's state for this app's engine connection. */
export function useVault(): VaultState {
  const connection = useEngine();
  let state = states.get(connection);
  if (!state) {
    state = createVaultState(connection);
    states.set(connection, state);
  }
  return state;
}
