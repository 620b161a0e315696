/**
 * Telling a CORS refusal from a network failure, in browsers: both reach ccxt as a bare
 * "fetch failed". A `fetch(url, { mode: 'no-cors' })` of the same host resolves (with an opaque
 * answer) when the host is up — then the failure was the browser refusing the exchange's answer.
 */
import type { Timers } from '../../core/time';
import { isNodeRuntime } from './createClient';
import { withTimeout } from './retry';

/** How long the probe waits for the exchange's host. */
const PROBE_TIMEOUT_MS = 5_000;

/** A browser page or worker (where CORS applies), not Node. */
export function isBrowser(): boolean {
  return !isNodeRuntime() && typeof fetch === 'function';
}

/** The first http(s) URL's origin in `text` (a ccxt message names the request URL). */
export function originIn(text: string): string | undefined {
  const match = /https?:\/\/[^\s/"'?]+/.exec(text);
  return match?.[0];
}

/** Whether the host of `url` answers a no-cors request (any answer counts). */
export async function hostAnswers(
  url: string,
  timers: Timers,
  fetchImpl: typeof fetch = fetch,
): Promise<boolean> {
  const origin = originIn(url);
  if (!origin) return false;
  try {
    await withTimeout(
      fetchImpl(`${origin}/`, { mode: 'no-cors', cache: 'no-store', credentials: 'omit' }),
      PROBE_TIMEOUT_MS,
      timers,
      `${origin} probe`,
    );
    return true;
  } catch {
    return false;
  }
}
