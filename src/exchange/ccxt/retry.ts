/**
 * Retries for ccxt calls on the injected timers. Network failures, timeouts and exchange
 * outages are retried with exponential backoff; 429/418 rate limits wait for the exchange's
 * Retry-After where it is readable; both are bounded, after which the mapped ExchangeError is
 * raised for the engine (which has its own, slower retry with the same client order id).
 */
import { ExchangeError } from '../../core/exchangePort';
import type { Clock, TimerHandle, Timers } from '../../core/time';
import { httpStatus } from './errorNames';
import { toExchangeError } from './errors';

/** Network-class attempts per call (the engine's order manager retries the whole send again). */
export const NETWORK_ATTEMPTS = 3;
export const FIRST_BACKOFF_MS = 500;
/** Rate-limited attempts per call; then `rate_limited` goes up to the engine. */
export const RATE_LIMIT_ATTEMPTS = 4;
/** A Retry-After longer than this (an IP ban) is not waited out inside one call. */
export const MAX_RETRY_AFTER_MS = 60_000;

export interface RetryContext {
  clock: Clock;
  timers: Timers;
  secrets: readonly string[];
  /** Response headers of the last REST answer (ccxt's `last_response_headers`). */
  lastHeaders(): Record<string, string> | undefined;
}

export interface RetryHooks<T> {
  /**
   * After a network-class failure and its backoff, before sending again: a result here ends
   * the retry (e.g. the order the lost attempt did place, found by its client order id).
   */
  beforeResend?: () => Promise<T | undefined>;
  /** On any failure after the first attempt: a result here replaces the error (duplicate ids). */
  recover?: (error: unknown) => Promise<T | undefined>;
}

/** Promise-based sleep on injected timers. */
export function sleep(timers: Timers, ms: number): Promise<void> {
  return new Promise((resolve) => {
    timers.setTimeout(resolve, Math.max(0, ms));
  });
}

/** Rejects with a `network` ExchangeError when `promise` takes longer than `ms`. */
export function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
  timers: Timers,
  what: string,
): Promise<T> {
  let handle: TimerHandle | undefined;
  const timeout = new Promise<never>((_, reject) => {
    handle = timers.setTimeout(
      () => reject(new ExchangeError('network', `${what} got no answer within ${ms} ms.`)),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => {
    if (handle !== undefined) timers.clearTimeout(handle);
  });
}

/**
 * How long the exchange asked us to wait, in ms: Binance's WebSocket API puts an absolute
 * `retryAfter` (ms) in the error, REST answers carry a `Retry-After` header (seconds or a date).
 */
export function retryAfterMs(error: unknown, context: RetryContext): number | undefined {
  const message = error instanceof Error ? error.message : String(error);
  // Binance: the WebSocket API's `retryAfter`, or a ban's "IP banned until <ms>".
  const absolute = /(?:"retryAfter"\s*:\s*|banned until )(\d{12,})/.exec(message);
  if (absolute) return Math.max(0, Number(absolute[1]) - context.clock.now());
  // Headers belong to the last REST answer: only read them for a REST error (it has a status).
  if (httpStatus(message) === undefined) return undefined;
  const headers = context.lastHeaders() ?? {};
  const name = Object.keys(headers).find((key) => key.toLowerCase() === 'retry-after');
  const value = name === undefined ? undefined : headers[name];
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - context.clock.now());
}

/**
 * Calls `call` until it succeeds or fails for good, mapping failures to ExchangeError.
 *
 * @example await withRetries(() => client.fetchBalance(), context);
 */
export async function withRetries<T>(
  call: () => Promise<T>,
  context: RetryContext,
  hooks: RetryHooks<T> = {},
): Promise<T> {
  let networkFailures = 0;
  let rateLimited = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt > 1 && hooks.recover) {
        const recovered = await hooks.recover(error);
        if (recovered !== undefined) return recovered;
      }
      const mapped = toExchangeError(error, context.secrets);
      if (mapped.kind === 'rate_limited') {
        rateLimited += 1;
        const asked = retryAfterMs(error, context);
        if (rateLimited >= RATE_LIMIT_ATTEMPTS || (asked ?? 0) > MAX_RETRY_AFTER_MS) throw mapped;
        await sleep(context.timers, asked ?? FIRST_BACKOFF_MS * 2 ** rateLimited);
        continue;
      }
      if (mapped.kind !== 'network' && mapped.kind !== 'exchange_unavailable') throw mapped;
      networkFailures += 1;
      if (networkFailures >= NETWORK_ATTEMPTS) throw mapped;
      await sleep(context.timers, FIRST_BACKOFF_MS * 2 ** (networkFailures - 1));
      const found = await hooks.beforeResend?.().catch(() => undefined);
      if (found !== undefined) return found;
    }
  }
}
