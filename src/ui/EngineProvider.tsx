/**
 * The engine connection as Solid context: <EngineProvider> connects once (leader election,
 * worker, relays) and shares the connection and the live market store with every page.
 */
import { createContext, onCleanup, useContext, type JSX } from 'solid-js';
import type { LiveEvent } from '../host/engineApi';
import { connectEngine } from './connection';
import type { EngineConnection } from './connectionTypes';
import { createLiveStore, type LiveStore } from './stores/createLiveStore';

interface EngineContextValue {
  connection: EngineConnection;
  live: LiveStore;
}

const EngineContext = createContext<EngineContextValue>();

export function EngineProvider(props: {
  children: JSX.Element;
  /** A ready connection (tests); by default this connects to the engine. */
  connection?: EngineConnection;
}): JSX.Element {
  // Read once on purpose: the provider connects exactly one time for the app's lifetime.
  const connection = props.connection ?? connectEngine();
  const { store, dispose } = createLiveStore(connection);
  onCleanup(dispose);
  return (
    <EngineContext.Provider value={{ connection, live: store }}>
      {props.children}
    </EngineContext.Provider>
  );
}

function useEngineContext(): EngineContextValue {
  const value = useContext(EngineContext);
  if (!value) throw new Error('useEngine() must be called inside <EngineProvider>.');
  return value;
}

/** The engine connection: `api`, this tab's `role`, and `onLive`. */
export function useEngine(): EngineConnection {
  return useEngineContext().connection;
}

/** Live prices and bot reports streamed by the engine. */
export function useLive(): LiveStore {
  return useEngineContext().live;
}

/** Calls `listener` for each live event while the calling component is mounted. */
export function useLiveEvents(listener: (event: LiveEvent) => void): void {
  const unsubscribe = useEngine().onLive(listener);
  onCleanup(unsubscribe);
}
