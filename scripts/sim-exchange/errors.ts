/**
 * Binance's error responses as the simulator sends them: an HTTP status plus the
 * `{ "code": -NNNN, "msg": "..." }` body (REST) or `error` object (WebSocket API). Codes and
 * messages are Binance's own (spot API "Error codes" page), so ccxt maps them as it would live.
 */
export class BinanceError extends Error {
  readonly code: number;
  readonly status: number;
  /** Extra response headers (Retry-After for 429/418). */
  readonly headers: Record<string, string>;
  constructor(status: number, code: number, msg: string, headers: Record<string, string> = {}) {
    super(msg);
    this.name = 'BinanceError';
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
  toBody(): { code: number; msg: string } {
    return { code: this.code, msg: this.message };
  }
}

const bad = (code: number, msg: string) => new BinanceError(400, code, msg);

export const errors = {
  unknown: (msg = 'An unknown error occurred while processing the request.') => bad(-1000, msg),
  internal: (status = 503) =>
    new BinanceError(
      status,
      -1001,
      'Internal error; unable to process your request. Please try again.',
    ),
  tooManyRequests: (retryAfterSeconds: number) =>
    new BinanceError(
      429,
      -1003,
      'Too much request weight used; current limit is 6000 request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.',
      { 'Retry-After': String(retryAfterSeconds) },
    ),
  banned: (retryAfterSeconds: number, until: number) =>
    new BinanceError(
      418,
      -1003,
      `Way too much request weight used; IP banned until ${until}. Please use WebSocket Streams for live updates to avoid bans.`,
      { 'Retry-After': String(retryAfterSeconds) },
    ),
  timestampAhead: () =>
    bad(-1021, "Timestamp for this request was 1000ms ahead of the server's time."),
  outsideRecvWindow: () => bad(-1021, 'Timestamp for this request is outside of the recvWindow.'),
  badSignature: () => bad(-1022, 'Signature for this request is not valid.'),
  illegalChars: (param: string) =>
    bad(
      -1100,
      `Illegal characters found in parameter '${param}'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'.`,
    ),
  mandatory: (param: string) =>
    bad(-1102, `Mandatory parameter '${param}' was not sent, was empty/null, or malformed.`),
  eitherMandatory: (a: string, b: string) =>
    bad(-1102, `Param '${a}' or '${b}' must be sent, but both were empty/null!`),
  invalidTimeInForce: () => bad(-1115, 'Invalid timeInForce.'),
  invalidOrderType: () => bad(-1116, 'Invalid orderType.'),
  invalidSide: () => bad(-1117, 'Invalid side.'),
  invalidSymbol: () => bad(-1121, 'Invalid symbol.'),
  invalidInterval: () => bad(-1120, 'Invalid interval.'),
  recvWindowTooLarge: () => bad(-1131, 'recvWindow must be less than 60000'),
  filterFailure: (filter: string) => bad(-1013, `Filter failure: ${filter}`),
  notSupported: (what: string) => bad(-1014, `Unsupported order combination: ${what}`),
  insufficientBalance: () => bad(-2010, 'Account has insufficient balance for requested action.'),
  wouldMatch: () => bad(-2010, 'Order would immediately match and take.'),
  duplicateOrder: () => bad(-2010, 'Duplicate order sent.'),
  cancelUnknown: () => bad(-2011, 'Unknown order sent.'),
  orderMissing: () => bad(-2013, 'Order does not exist.'),
  apiKeyFormat: () => new BinanceError(401, -2014, 'API-key format invalid.'),
  invalidApiKey: () =>
    new BinanceError(401, -2015, 'Invalid API-key, IP, or permissions for action.'),
  notFound: () => new BinanceError(404, -1000, 'Not found.'),
};
