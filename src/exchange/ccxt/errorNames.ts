/**
 * ccxt's error classes by name, and redaction of what their messages may leak. Class identity
 * differs per lazily loaded chunk (each exchange chunk may carry its own copy of ccxt's base), so
 * errors are recognised by `name` along ccxt's hierarchy, never by `instanceof`.
 */

/**
 * ccxt's error hierarchy (js/src/base/errorHierarchy.js, ccxt 4.5.84) as child → parent.
 * errors.test.ts checks it against the installed ccxt, so an upgrade that changes it fails.
 */
export const CCXT_ERROR_PARENTS: Readonly<Record<string, string>> = {
  ExchangeError: 'BaseError',
  AuthenticationError: 'ExchangeError',
  PermissionDenied: 'AuthenticationError',
  AccountNotEnabled: 'PermissionDenied',
  AccountSuspended: 'AuthenticationError',
  ArgumentsRequired: 'ExchangeError',
  BadRequest: 'ExchangeError',
  BadSymbol: 'BadRequest',
  OperationRejected: 'ExchangeError',
  NoChange: 'OperationRejected',
  MarginModeAlreadySet: 'NoChange',
  MarketClosed: 'OperationRejected',
  ManualInteractionNeeded: 'OperationRejected',
  RestrictedLocation: 'OperationRejected',
  InsufficientFunds: 'ExchangeError',
  InvalidAddress: 'ExchangeError',
  AddressPending: 'InvalidAddress',
  InvalidOrder: 'ExchangeError',
  OrderNotFound: 'InvalidOrder',
  OrderNotCached: 'InvalidOrder',
  OrderImmediatelyFillable: 'InvalidOrder',
  OrderNotFillable: 'InvalidOrder',
  DuplicateOrderId: 'InvalidOrder',
  ContractUnavailable: 'InvalidOrder',
  NotSupported: 'ExchangeError',
  InvalidProxySettings: 'ExchangeError',
  ExchangeClosedByUser: 'ExchangeError',
  OperationFailed: 'BaseError',
  NetworkError: 'OperationFailed',
  DDoSProtection: 'NetworkError',
  RateLimitExceeded: 'NetworkError',
  ExchangeNotAvailable: 'NetworkError',
  OnMaintenance: 'ExchangeNotAvailable',
  InvalidNonce: 'NetworkError',
  ChecksumError: 'InvalidNonce',
  RequestTimeout: 'NetworkError',
  BadResponse: 'OperationFailed',
  NullResponse: 'BadResponse',
  CancelPending: 'OperationFailed',
  UnsubscribeError: 'BaseError',
};

/**
 * The ccxt class names of `error` from its own up to BaseError, e.g. ['OrderNotFound',
 * 'InvalidOrder', 'ExchangeError', 'BaseError']; [] for anything that is not a ccxt error.
 */
export function ccxtErrorChain(error: unknown): string[] {
  if (!(error instanceof Error)) return [];
  const chain: string[] = [];
  let name: string | undefined = error.name;
  if (name !== 'BaseError' && !(name in CCXT_ERROR_PARENTS)) return [];
  while (name !== undefined && !chain.includes(name)) {
    chain.push(name);
    name = CCXT_ERROR_PARENTS[name];
  }
  return chain;
}

/** Parameter names whose values never appear in a message. */
const SENSITIVE_PARAM =
  /\b(signature|apiKey|api_key|apikey|secret|password|passphrase|x-mbx-apikey|listenKey)(["']?\s*[:=]\s*["']?)[^\s"'&,}]+/gi;
/** A URL's query string, plain or URL-encoded (ccxt's proxyUrl form: <proxy>/https%3A…%3F…). */
const URL_QUERY = /((?:https?|wss?):\/\/[^\s"'<>?]*?)(?:\?|%3F)[^\s"'<>]*/gi;

/**
 * `message` without anything that could carry a credential: URL query strings (ccxt puts the
 * signed request URL in some messages), `signature=` / `apiKey:`-style values, and every exact
 * occurrence of `secrets` (the account's credential values).
 */
export function redact(message: string, secrets: readonly string[] = []): string {
  let text = message.replace(URL_QUERY, '$1').replace(SENSITIVE_PARAM, '$1$2[redacted]');
  for (const secret of secrets) {
    // Short values (e.g. a "1" flag) would blank out ordinary words; real credentials are long.
    if (secret.length >= 6) text = text.split(secret).join('[redacted]');
  }
  return text;
}

/** The exchange's own error code in a ccxt message, e.g. -2010 from '{"code":-2010,…}'. */
export function exchangeCode(message: string): number | undefined {
  const match = /"code"\s*:\s*"?(-?\d+)/.exec(message);
  return match ? Number(match[1]) : undefined;
}

/** The HTTP status in a ccxt message ('binance GET https://… 503 Service Unavailable …'). */
export function httpStatus(message: string): number | undefined {
  const match = /\s([1-5]\d\d)\s[A-Z]/.exec(message);
  return match ? Number(match[1]) : undefined;
}
