/**
 * "Test connection" failures in words a trader can act on: which problem it is (bad key, clock
 * skew, IP allow-list, missing permission, exchange down, rate limit, CORS, network) and the one
 * thing that fixes it. Pure: the caller probes CORS (see corsProbe.ts) and passes the answer in.
 */
import { ExchangeError } from '../../core/exchangePort';
import type { ExchangeErrorKind } from '../../core/exchangePort';
import type { ConnectionProblem } from './types';
import { ccxtErrorChain, exchangeCode, httpStatus, redact } from './errorNames';

export interface ConnectionContext {
  /** Display name, e.g. 'Binance'. */
  exchangeName: string;
  /** Running in a browser (page or worker), where CORS applies. */
  inBrowser?: boolean;
  /**
   * A `fetch(url, { mode: 'no-cors' })` probe of the failed request's host succeeded: the host
   * is reachable, so a network error there was the browser refusing the response (CORS).
   */
  hostReachable?: boolean;
  /** The account's credential values, never to appear in a message. */
  secrets?: readonly string[];
}

export interface ConnectionProblemReport {
  problem: ConnectionProblem;
  message: string;
  fix: string;
}

export const CORS_FIX = "Set this account's CORS proxy URL (run `npm run cors-proxy`).";

const IP_REFUSED =
  /\b(white ?list|allow ?list|unmatched ip|ip address)\b|\bip\b[^.]*\b(not (allowed|included|in)|restrict)/i;
const CLOCK = /-1021\b|timestamp|recv_?window|nonce|clock/i;

type Rule = [ConnectionProblem, (facts: Facts) => boolean];
interface Facts {
  chain: string[];
  message: string;
  code: number | undefined;
  status: number | undefined;
  context: ConnectionContext;
}

const has = (facts: Facts, name: string) => facts.chain.includes(name);

/** First match wins; the order matters (e.g. InvalidNonce is a NetworkError in ccxt). */
const RULES: Rule[] = [
  [
    'clock_skew',
    (f) => has(f, 'InvalidNonce') || f.code === -1021 || (isAuth(f) && CLOCK.test(f.message)),
  ],
  // Binance's -2015 "Invalid API-key, IP, or permissions" names all three: treat as the key.
  ['auth', (f) => f.code === -2015 || f.code === -2014 || f.code === -1022],
  ['ip_not_allowed', (f) => has(f, 'ExchangeError') && IP_REFUSED.test(f.message)],
  ['permission', (f) => has(f, 'PermissionDenied') || (isAuth(f) && /permission/i.test(f.message))],
  ['auth', (f) => has(f, 'AuthenticationError')],
  ['rate_limited', (f) => has(f, 'DDoSProtection') || has(f, 'RateLimitExceeded')],
  [
    'exchange_down',
    (f) =>
      has(f, 'ExchangeNotAvailable') ||
      (has(f, 'OperationFailed') && !has(f, 'NetworkError')) ||
      (f.status !== undefined && f.status >= 500),
  ],
  ['cors', (f) => f.context.inBrowser === true && f.context.hostReachable === true && isNetwork(f)],
  ['network', isNetwork],
  ['not_supported', (f) => has(f, 'NotSupported')],
];

/** Our own errors (e.g. a WebSocket request that got no answer) by kind. */
const PROBLEM_BY_KIND: Partial<Record<ExchangeErrorKind, ConnectionProblem>> = {
  network: 'network',
  auth: 'auth',
  rate_limited: 'rate_limited',
  exchange_unavailable: 'exchange_down',
};

function isAuth(facts: Facts): boolean {
  return has(facts, 'AuthenticationError');
}

function isNetwork(facts: Facts): boolean {
  return has(facts, 'NetworkError') || /fetch failed|failed to fetch|network/i.test(facts.message);
}

function wording(problem: ConnectionProblem, name: string): { message: string; fix: string } {
  switch (problem) {
    case 'clock_skew':
      return {
        message: `${name} refused the request's timestamp: this computer's clock is off.`,
        fix: "Sync your computer's clock (turn on automatic date and time), then test again.",
      };
    case 'auth':
      return {
        message: `${name} refused the API key or its signature.`,
        fix: 'Copy the API key and secret (and passphrase, if the exchange gave one) again, without spaces; check that the key is active.',
      };
    case 'ip_not_allowed':
      return {
        message: `${name} refused this IP address for the API key.`,
        fix: "Add this computer's public IP address to the key's IP allow-list on the exchange, or remove the restriction.",
      };
    case 'permission':
      return {
        message: `${name} accepted the key, but it lacks a permission this needs.`,
        fix: 'Enable reading and spot trading for this API key on the exchange (never withdrawals).',
      };
    case 'rate_limited':
      return {
        message: `${name} is limiting requests from this connection.`,
        fix: 'Wait a minute, then test again; run fewer bots on this account at once.',
      };
    case 'exchange_down':
      return {
        message: `${name} is not available right now (maintenance or an outage).`,
        fix: "Check the exchange's status page and try again later.",
      };
    case 'cors':
      return {
        message: `Your browser blocked ${name}'s API (CORS): the exchange refuses calls from web pages.`,
        fix: CORS_FIX,
      };
    case 'network':
      return {
        message: `Could not reach ${name}.`,
        fix: 'Check your internet connection and the CORS proxy URL, if one is set, then test again.',
      };
    case 'not_supported':
      return {
        message: `${name} does not support this through ccxt.`,
        fix: 'Turn off the testnet option if the exchange has none, or choose another exchange.',
      };
    default:
      return {
        message: `${name} answered with an unexpected error.`,
        fix: 'Check the account settings and try again; the details above are the exchange’s own words.',
      };
  }
}

/**
 * What went wrong when testing a connection, with the fix.
 *
 * @example describeConnectionProblem(new ccxt.InvalidNonce('… -1021 …'), { exchangeName: 'Binance' }).problem; // 'clock_skew'
 */
export function describeConnectionProblem(
  error: unknown,
  context: ConnectionContext,
): ConnectionProblemReport {
  const raw = error instanceof Error ? error.message : String(error);
  const facts: Facts = {
    chain: ccxtErrorChain(error),
    message: raw,
    code: exchangeCode(raw),
    status: httpStatus(raw),
    context,
  };
  const problem =
    error instanceof ExchangeError
      ? (PROBLEM_BY_KIND[error.kind] ?? 'unknown')
      : (RULES.find(([, applies]) => applies(facts))?.[0] ?? 'unknown');
  const { message, fix } = wording(problem, context.exchangeName);
  const detail = redact(raw, context.secrets).slice(0, 300);
  return { problem, message: detail ? `${message} (${detail})` : message, fix };
}
