/**
 * Values that are ready now or later: a step of the bot runtime returns a plain value when it
 * completed synchronously (an in-memory store, a template strategy) and a promise only when it
 * really had to wait (IndexedDB, a strategy in a worker, an exchange request). Callers await
 * only promises, so a backtest's candles run without a promise hop per step.
 */
export type MaybePromise<T> = T | Promise<T>;

/** Drops a value (`.then(ignore)`: only that a step completed matters). */
export const ignore = (): void => undefined;

/** Whether `value` is a promise (any thenable) rather than a ready value. */
export function isPromise(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/** Calls `next` with `value`: at once when it is ready, else once the promise resolves. */
export function andThen<T, R>(
  value: MaybePromise<T>,
  next: (value: T) => MaybePromise<R>,
): MaybePromise<R> {
  return isPromise(value) ? (value as Promise<T>).then(next) : next(value as T);
}

/**
 * Calls `next(argument)` once `value` is ready: at once when it is not a promise. Takes the
 * argument rather than a closure so the synchronous path allocates nothing.
 */
export function thenCall<A, R>(
  value: unknown,
  next: (argument: A) => MaybePromise<R>,
  argument: A,
): MaybePromise<R> {
  return isPromise(value) ? Promise.resolve(value).then(() => next(argument)) : next(argument);
}
