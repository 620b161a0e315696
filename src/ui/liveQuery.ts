/**
 * Dexie liveQuery as Solid state: a signal for single values, a reconciled store for lists (rows
 * keep their identity, so <For> re-renders only rows that changed). Unsubscribes onCleanup.
 * The query runs outside Solid's tracking: it must not read signals (key the component instead).
 */
import { liveQuery } from 'dexie';
import { batch, createSignal, onCleanup, type Accessor } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';

/** A live query result: call it for the value; `loaded()` turns true after the first result. */
export interface LiveQuery<T> {
  (): T;
  loaded: Accessor<boolean>;
  error: Accessor<unknown>;
}

function subscribe<T>(
  query: () => T | Promise<T>,
  onValue: (value: T) => void,
  onError: (error: unknown) => void,
): void {
  const subscription = liveQuery(query).subscribe({ next: onValue, error: onError });
  onCleanup(() => subscription.unsubscribe());
}

/**
 * Wraps a Dexie query into a signal that updates whenever the data it read changes.
 * @example const bot = createLiveQuery(() => db.bots.get(id), undefined);
 */
export function createLiveQuery<T>(query: () => T | Promise<T>, initial: T): LiveQuery<T> {
  const [value, setValue] = createSignal<T>(initial);
  const [loaded, setLoaded] = createSignal(false);
  const [error, setError] = createSignal<unknown>(undefined);
  subscribe(
    query,
    (next) =>
      batch(() => {
        setValue(() => next);
        setError(undefined);
        setLoaded(true);
      }),
    (cause) => {
      console.error('Live query failed', cause);
      batch(() => {
        setError(() => cause);
        setLoaded(true);
      });
    },
  );
  return Object.assign(value, { loaded, error });
}

/**
 * Like createLiveQuery for a list of rows, reconciled by `key` into a store so unchanged rows
 * keep their identity.
 */
export function createLiveList<T extends object>(
  query: () => Promise<T[]>,
  key: string,
): LiveQuery<readonly T[]> {
  const [state, setState] = createStore<{ rows: T[] }>({ rows: [] });
  const [loaded, setLoaded] = createSignal(false);
  const [error, setError] = createSignal<unknown>(undefined);
  subscribe(
    query,
    (rows) =>
      batch(() => {
        setState('rows', reconcile(rows, { key }));
        setError(undefined);
        setLoaded(true);
      }),
    (cause) => {
      console.error('Live query failed', cause);
      batch(() => {
        setError(() => cause);
        setLoaded(true);
      });
    },
  );
  const rows: Accessor<readonly T[]> = () => state.rows;
  return Object.assign(rows, { loaded, error });
}
