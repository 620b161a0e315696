/**
 * ccxt errors → the engine's ExchangeError kinds (DESIGN.md "Exchanges": insufficient funds,
 * invalid order, rate limited → back off, network → retry idempotently, auth → stop and ask).
 * Messages are redacted: ccxt puts signed request URLs in some of them.
 */
import { ExchangeError } from '../../core/exchangePort';
import type { ExchangeErrorKind } from '../../core/exchangePort';
import { ccxtErrorChain, redact } from './errorNames';

export { describeConnectionProblem } from './connectionProblem';
export type { ConnectionContext, ConnectionProblemReport } from './connectionProblem';

/** Kind per ccxt class; a class not listed takes its nearest listed ancestor's kind. */
const KIND_BY_CCXT_NAME: Readonly<Record<string, ExchangeErrorKind>> = {
  InsufficientFunds: 'insufficient_funds',
  OrderNotFound: 'order_not_found',
  InvalidOrder: 'invalid_order',
  BadRequest: 'invalid_order',
  RateLimitExceeded: 'rate_limited',
  DDoSProtection: 'rate_limited',
  // Under NetworkError in ccxt, but a bad timestamp or nonce will not fix itself on retry.
  InvalidNonce: 'auth',
  ChecksumError: 'network',
  AuthenticationError: 'auth',
  ExchangeNotAvailable: 'exchange_unavailable',
  RequestTimeout: 'network',
  NetworkError: 'network',
  // Binance's 5xx "-1001 Internal error" arrives as OperationFailed: the exchange, not us.
  OperationFailed: 'exchange_unavailable',
  CancelPending: 'unknown',
  BaseError: 'unknown',
};

/** The ExchangeErrorKind of a ccxt error (by class name and hierarchy); 'unknown' otherwise. */
export function ccxtErrorKind(error: unknown): ExchangeErrorKind {
  for (const name of ccxtErrorChain(error)) {
    const kind = KIND_BY_CCXT_NAME[name];
    if (kind) return kind;
  }
  return 'unknown';
}

/**
 * Maps anything a ccxt call threw to an ExchangeError with a redacted message. An ExchangeError
 * passes through (its message redacted again); non-ccxt errors become 'unknown'.
 *
 * @param secrets the account's credential values, removed wherever they appear
 * @example toExchangeError(new ccxt.InsufficientFunds('binance {"code":-2010,…}')).kind; // 'insufficient_funds'
 */
export function toExchangeError(error: unknown, secrets: readonly string[] = []): ExchangeError {
  if (error instanceof ExchangeError) {
    const message = redact(error.message, secrets);
    return message === error.message ? error : new ExchangeError(error.kind, message);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ExchangeError(ccxtErrorKind(error), redact(message, secrets) || 'Unknown error');
}

/** Whether the exchange refused an order because its client order id is already in use. */
export function isDuplicateOrderError(error: unknown): boolean {
  const chain = ccxtErrorChain(error);
  if (chain.includes('DuplicateOrderId')) return true;
  const message = error instanceof Error ? error.message : String(error);
  return (
    (chain.includes('InvalidOrder') ||
      chain.includes('BadRequest') ||
      error instanceof ExchangeError) &&
    /duplicate/i.test(message)
  );
}
