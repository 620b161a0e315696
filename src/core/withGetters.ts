/**
 * Objects with live read-only properties that stay fast. On V8 11 (Node 20, which runs the CLI
 * and `npm run bench`) an object literal with a `get` accessor is made a dictionary object:
 * every property read on it, its methods included, is a slow generic lookup. The simulator's
 * replay and the in-memory store are read millions of times a backtest, so their getters are
 * added with `withGetters` instead, which keeps the object fast (its accessors are defined on
 * it one by one). An indicator's `isReady` is a plain field its `next` sets.
 */

/** The read-only properties `getters` describes, as `withGetters` adds them. */
export type Getters<G extends Record<string, () => unknown>> = {
  readonly [K in keyof G]: ReturnType<G[K]>;
};

/**
 * `object` with a live read-only property per entry of `getters` (enumerable, like a literal's
 * `get` accessor). Returns the same object.
 *
 * @example
 * const indicator: Omit<StreamingIndicator, 'isReady'> = { next };
 * return withGetters(indicator, { isReady: () => count === period });
 */
export function withGetters<T extends object, G extends Record<string, () => unknown>>(
  object: T,
  getters: G,
): T & Getters<G> {
  for (const key of Object.keys(getters)) {
    Object.defineProperty(object, key, { get: getters[key], enumerable: true, configurable: true });
  }
  return object as T & Getters<G>;
}
