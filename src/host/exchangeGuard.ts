/**
 * Exchange failures on paper and live venues, handled instead of crashing a bot: reads that
 * fail because of a rate limit, the network or an exchange outage are retried with backoff
 * (orders are not: the order manager retries them idempotently by client order id); a rejected
 * API key or a CORS refusal is fatal for every bot on the venue, and is reported once with a
 * message saying what to fix.
 */
import { ExchangeError, type ExchangePort } from '../core/exchangePort';
import { sleep } from '../core/engine/sleep';
import type { Timers } from '../core/time';

export type FailureClass = 'auth' | 'cors' | 'transient' | 'other';

/** Attempts of a read after the first one, waiting 1 s, 2 s, 4 s. */
const READ_RETRIES = 3;
const FIRST_BACKOFF_MS = 1_000;

const READS = [
  'loadMarkets',
  'fetchBalance',
  'fetchOHLCV',
  'fetchOrder',
  'fetchOrderByClientId',
  'fetchOpenOrders',
  'fetchMyTrades',
] as const;
const WRITES = ['createOrder', 'cancelOrder'] as const;

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** What kind of failure `error` is, as far as the host must act on it. */
export function classifyFailure(error: unknown): FailureClass {
  const message = messageOf(error);
  // Browsers report a CORS refusal as a bare network error; the ccxt adapter names it.
  if (/\bCORS\b/i.test(message)) return 'cors';
  if (!(error instanceof ExchangeError)) return 'other';
  if (error.kind === 'auth') return 'auth';
  if (['rate_limited', 'network', 'exchange_unavailable'].includes(error.kind)) return 'transient';
  return 'other';
}

/** The message a bot stops with after a fatal failure on account `accountName`. */
export function describeFatal(error: unknown, accountName: string): string {
  const message = messageOf(error).replace(/\.$/, '');
  if (classifyFailure(error) === 'cors') {
    // The adapter's message may already name the fix; otherwise say which setting it is.
    const fix = /proxy/i.test(message)
      ? ''
      : ' Set a CORS proxy URL on the account (run npm run cors-proxy).';
    return `The browser refused the exchange's answer: ${message}.${fix} (Accounts → ${accountName} → CORS proxy URL)`;
  }
  return `API key rejected: ${message}. Check the account's API key, secret and permissions (Accounts → ${accountName}).`;
}

export interface GuardOptions {
  timers: Timers;
  /** A fatal failure (auth, CORS): the host stops the venue's bots with `message`. */
  onFatal: (message: string) => void;
  accountName: string;
}

/** `exchange` with reads retried on transient failures and fatal failures reported. */
export function guardExchange<T extends ExchangePort>(exchange: T, options: GuardOptions): T {
  const fatal = (error: unknown): never => {
    const kind = classifyFailure(error);
    if (kind === 'auth' || kind === 'cors') {
      options.onFatal(describeFatal(error, options.accountName));
    }
    throw error;
  };
  const guarded: Record<string, unknown> = {};
  for (const name of READS) {
    const method = (exchange[name] as (...args: unknown[]) => Promise<unknown>).bind(exchange);
    guarded[name] = async (...args: unknown[]) => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await method(...args);
        } catch (error) {
          if (classifyFailure(error) !== 'transient' || attempt >= READ_RETRIES) fatal(error);
          await sleep(options.timers, FIRST_BACKOFF_MS * 2 ** attempt);
        }
      }
    };
  }
  for (const name of WRITES) {
    const method = (exchange[name] as (...args: unknown[]) => Promise<unknown>).bind(exchange);
    guarded[name] = (...args: unknown[]) => method(...args).catch(fatal);
  }
  // Everything else (watch*, properties) is the exchange's own, bound to it.
  return new Proxy(exchange, {
    get(target, property, receiver) {
      if (typeof property === 'string' && property in guarded) return guarded[property];
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}
