/**
 * Dexie liveQuery as Solid state: a signal for single values, a reconciled store for lists (rows
 * keep their identity, so <For> re-renders only rows that changed). Unsubscribes onCleanup.
 * The query runs outside Solid's tracking: it must not read signals (key the component instead).
 * Queries stay Dexie-only; an optional async `decode` step (e.g. opening sealed bot configs)
 * runs on each result after the query returned, and only the newest result is kept.
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

/** Maps a query result after the query (outside Dexie's zone), e.g. decrypting rows. */
export type Decode<T, R> = (value: T) => Promise<R>;

function subscribe<T, R>(
  query: () => T | Promise<T>,
  decode: Decode<T, R> | undefined,
  onValue: (value: R) => void,
  onError: (error: unknown) => void,
): void {
  let latest = 0;
  const next = (value: T): void => {
    if (!decode) return onValue(value as unknown as R);
    const run = ++latest;
    decode(value).then(
      (decoded) => {
        if (run === latest) onValue(decoded);
      },
      (cause: unknown) => {
        if (run === latest) onError(cause);
      },
    );
  };
  const subscription = liveQuery(query).subscribe({ next, error: onError });
  onCleanup(() => subscription.unsubscribe());
}

/**
 * Wraps a Dexie query into a signal that updates whenever the data it read changes.
 * @example const bot = createLiveQuery(() => db.bots.get(id), undefined);
 */
export function createLiveQuery<T>(query: () => T | Promise<T>, initial: T): LiveQuery<T> {
  return createDecodedLiveQuery(query, initial, undefined);
}

/** createLiveQuery with `decode` run on each result (e.g. opening sealed bot configs). */
export function createDecodedLiveQuery<T, R>(
  query: () => T | Promise<T>,
  initial: R,
  decode: Decode<T, R> | undefined,
): LiveQuery<R> {
  const [value, setValue] = createSignal<R>(initial);
  const [loaded, setLoaded] = createSignal(false);
  const [error, setError] = createSignal<unknown>(undefined);
  subscribe(
    query,
    decode,
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
  return createDecodedLiveList(query, key, undefined);
}

/** createLiveList with `decode` run on each result (e.g. opening sealed bot configs). */
export function createDecodedLiveList<T extends object, Q>(
  query: () => Promise<Q>,
  key: string,
  decode: Decode<Q, T[]> | undefined,
): LiveQuery<readonly T[]> {
  const [state, setState] = createStore<{ rows: T[] }>({ rows: [] });
  const [loaded, setLoaded] = createSignal(false);
  const [error, setError] = createSignal<unknown>(undefined);
  subscribe<Q, T[]>(
    query,
    decode,
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
