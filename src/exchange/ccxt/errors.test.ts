/**
 * ccxt errors → ExchangeError kinds and "Test connection" problems, with real ccxt error
 * instances (ccxt's Node build); messages never keep signatures, keys or secrets.
 */
import { describe, expect, it } from 'vitest';
import { ExchangeError } from '../../core/exchangePort';
import { ccxt } from '../../../scripts/sim-exchange/testSupport';
import { CORS_FIX } from './connectionProblem';
import { CCXT_ERROR_PARENTS, exchangeCode, httpStatus, redact } from './errorNames';
import { describeConnectionProblem, isDuplicateOrderError, toExchangeError } from './errors';

type ErrorClass = new (message: string) => Error;
/** ccxt's error classes by name (the Node build exports them at the top level). */
const errors = Object.fromEntries(
  Object.entries(ccxt as unknown as Record<string, unknown>).filter(
    ([, value]) =>
      value === ccxt.BaseError ||
      (typeof value === 'function' && value.prototype instanceof ccxt.BaseError),
  ),
) as Record<string, ErrorClass>;
const make = (name: string, message = `binance ${name}`) =>
  new (errors[name] as ErrorClass)(message);

describe('toExchangeError', () => {
  it('knows ccxt’s error hierarchy as installed', () => {
    const parents = Object.fromEntries(
      Object.entries(errors)
        .filter(([name]) => name !== 'BaseError')
        .map(([name, cls]) => [name, (Object.getPrototypeOf(cls) as { name: string }).name]),
    );
    expect(CCXT_ERROR_PARENTS).toEqual(parents);
  });

  it.each([
    ['InsufficientFunds', 'insufficient_funds'],
    ['InvalidOrder', 'invalid_order'],
    ['DuplicateOrderId', 'invalid_order'],
    ['BadRequest', 'invalid_order'],
    ['BadSymbol', 'invalid_order'],
    ['OrderNotFound', 'order_not_found'],
    ['RateLimitExceeded', 'rate_limited'],
    ['DDoSProtection', 'rate_limited'],
    ['RequestTimeout', 'network'],
    ['NetworkError', 'network'],
    ['AuthenticationError', 'auth'],
    ['PermissionDenied', 'auth'],
    ['AccountNotEnabled', 'auth'],
    ['AccountSuspended', 'auth'],
    ['InvalidNonce', 'auth'],
    ['ExchangeNotAvailable', 'exchange_unavailable'],
    ['OnMaintenance', 'exchange_unavailable'],
    ['OperationFailed', 'exchange_unavailable'],
    ['ExchangeError', 'unknown'],
    ['NotSupported', 'unknown'],
    ['BaseError', 'unknown'],
  ])('maps %s to %s', (name, kind) => {
    const mapped = toExchangeError(make(name));
    expect(mapped).toBeInstanceOf(ExchangeError);
    expect(mapped.kind).toBe(kind);
  });

  it('maps anything else to unknown and lets ExchangeErrors through', () => {
    expect(toExchangeError(new TypeError('x is undefined')).kind).toBe('unknown');
    expect(toExchangeError('plain text').message).toBe('plain text');
    const own = new ExchangeError('network', 'No answer');
    expect(toExchangeError(own)).toBe(own);
  });

  it('removes query strings, signed parameters and the credentials from messages', () => {
    const secret = 'S3cr3tS3cr3tS3cr3t';
    const cases = [
      'binance GET https://api.binance.com/api/v3/account?timestamp=1&recvWindow=5000&signature=abcdef0123 fetch failed',
      'binance GET http://127.0.0.1:8787/https%3A%2F%2Fapi.binance.com%2Fapi%2Fv3%2Faccount%3Ftimestamp%3D1%26signature%3Dabcdef0123 fetch failed',
      `okx {"msg":"bad","apiKey":"key-123456","signature":"abcdef0123"} ${secret}`,
    ];
    for (const message of cases) {
      const text = toExchangeError(new ccxt.NetworkError(message), [secret]).message;
      expect(text).not.toMatch(/abcdef0123|key-123456|S3cr3t|timestamp=/);
      expect(text).toMatch(/^(binance|okx) /);
    }
    expect(redact('GET https://x.test/a?b=1 503')).toBe('GET https://x.test/a 503');
  });

  it('recognises a duplicate client order id refusal', () => {
    const duplicate = new ccxt.InvalidOrder('binance {"code":-2010,"msg":"Duplicate order sent."}');
    expect(isDuplicateOrderError(duplicate)).toBe(true);
    expect(isDuplicateOrderError(make('DuplicateOrderId'))).toBe(true);
    expect(isDuplicateOrderError(new ccxt.InsufficientFunds('binance {"code":-2010}'))).toBe(false);
  });

  it('reads exchange codes and HTTP statuses from messages', () => {
    expect(exchangeCode('binance {"code":-1021,"msg":"…"}')).toBe(-1021);
    expect(exchangeCode('okx {"code":"50110","msg":"…"}')).toBe(50110);
    expect(httpStatus('binance 503 Service Unavailable {}')).toBe(503);
    expect(httpStatus('binance {"code":-1003}')).toBeUndefined();
  });
});

describe('describeConnectionProblem', () => {
  const context = { exchangeName: 'Binance' };
  const problem = (
    error: unknown,
    extra: Partial<Parameters<typeof describeConnectionProblem>[1]> = {},
  ) => describeConnectionProblem(error, { ...context, ...extra });

  it('tells a bad key or signature from clock skew', () => {
    for (const code of [-1022, -2014, -2015]) {
      const report = problem(
        new ccxt.AuthenticationError(
          `binance {"code":${code},"msg":"Invalid API-key, IP, or permissions for action."}`,
        ),
      );
      expect(report.problem).toBe('auth');
      expect(report.fix).toMatch(/API key and secret/);
    }
    const skew = problem(
      new ccxt.InvalidNonce(
        'binance {"code":-1021,"msg":"Timestamp for this request was 1000ms ahead of the server\'s time."}',
      ),
    );
    expect(skew).toMatchObject({ problem: 'clock_skew' });
    expect(skew.fix).toMatch(/Sync your computer's clock/);
    expect(problem(new ccxt.AuthenticationError('kucoin Invalid KC-API-TIMESTAMP')).problem).toBe(
      'clock_skew',
    );
  });

  it('names IP allow-lists and missing permissions', () => {
    const ip = problem(
      new ccxt.PermissionDenied(
        "bybit Unmatched IP, please check your API key's bound IP addresses.",
      ),
    );
    expect(ip.problem).toBe('ip_not_allowed');
    expect(ip.fix).toMatch(/allow-list/);
    expect(
      problem(new ccxt.ExchangeError('okx Your IP address is not in the whitelist')).problem,
    ).toBe('ip_not_allowed');
    expect(problem(new ccxt.PermissionDenied('kraken EGeneral:Permission denied')).problem).toBe(
      'permission',
    );
  });

  it('names outages and rate limits', () => {
    expect(problem(new ccxt.ExchangeNotAvailable('binance 503 Service Unavailable')).problem).toBe(
      'exchange_down',
    );
    expect(problem(new ccxt.OnMaintenance('binance system maintenance')).problem).toBe(
      'exchange_down',
    );
    expect(
      problem(new ccxt.OperationFailed('binance 500 Internal Server Error {"code":-1001}')).problem,
    ).toBe('exchange_down');
    expect(problem(new ccxt.DDoSProtection('binance 429 Too Many Requests')).problem).toBe(
      'rate_limited',
    );
    expect(problem(new ExchangeError('rate_limited', 'slow down')).problem).toBe('rate_limited');
  });

  it('calls a network error CORS only in a browser whose probe reached the host', () => {
    const failed = new ccxt.NetworkError(
      'binance GET https://api.binance.com/api/v3/account fetch failed',
    );
    const cors = problem(failed, { inBrowser: true, hostReachable: true });
    expect(cors.problem).toBe('cors');
    expect(cors.fix).toBe(CORS_FIX);
    expect(CORS_FIX).toBe("Set this account's CORS proxy URL (run `npm run cors-proxy`).");
    expect(problem(failed, { inBrowser: true, hostReachable: false }).problem).toBe('network');
    expect(problem(failed, { inBrowser: false, hostReachable: true }).problem).toBe('network');
    expect(problem(new ExchangeError('network', 'no answer')).problem).toBe('network');
  });

  it('says what is not supported or unknown, never repeating a credential', () => {
    expect(problem(new ccxt.NotSupported('kraken does not have a sandbox URL')).problem).toBe(
      'not_supported',
    );
    const unknown = problem(new Error('odd answer with secret-value-123'), {
      secrets: ['secret-value-123'],
    });
    expect(unknown.problem).toBe('unknown');
    expect(unknown.message).not.toContain('secret-value-123');
    expect(unknown.message).toMatch(/^Binance answered with an unexpected error/);
  });
});
