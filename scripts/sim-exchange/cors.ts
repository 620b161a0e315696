/**
 * CORS as api.binance.com answers it, so a browser test sees which calls a real Binance would
 * refuse. Observed behaviour (Binance documents none): public GETs are readable from any origin
 * (their responses carry `Access-Control-Allow-Origin: *`, which is why ccxt's loadMarkets works
 * in a browser), while every signed call fails the preflight with "Request header field
 * x-mbx-apikey is not allowed by Access-Control-Allow-Headers in preflight response" — reported
 * in ccxt/ccxt#7255 (fetchBalance / fetchMyTrades from Angular), ccxt/binance-api-node#522 and
 * sieblyio/binance#194. So the preflight answer allows the origin but no request headers.
 * The simulator's own /__sim admin endpoints allow everything (they are not Binance).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const BINANCE_CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
};

const ADMIN_CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type',
};

export function corsHeadersFor(path: string): Readonly<Record<string, string>> {
  return path.startsWith('/__sim') ? ADMIN_CORS_HEADERS : BINANCE_CORS_HEADERS;
}

/** Answers a CORS preflight (OPTIONS) request; true when it was one. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse, path: string): boolean {
  if (req.method !== 'OPTIONS') return false;
  res.writeHead(200, { ...corsHeadersFor(path), 'Content-Length': '0' });
  res.end();
  return true;
}

/**
 * What a browser would conclude from a preflight answer: whether a request with `method` and
 * the (lower-case) non-safelisted `headers` may be sent. Used by tests and the docs' examples.
 */
export function preflightAllows(
  answer: { status: number; headers: Headers },
  origin: string,
  method: string,
  headers: readonly string[],
): boolean {
  if (answer.status < 200 || answer.status > 299) return false;
  const allowOrigin = answer.headers.get('access-control-allow-origin');
  if (allowOrigin !== '*' && allowOrigin !== origin) return false;
  const simpleMethods = ['GET', 'HEAD', 'POST'];
  const methods = (answer.headers.get('access-control-allow-methods') ?? '')
    .split(',')
    .map((item) => item.trim().toUpperCase());
  if (
    !simpleMethods.includes(method.toUpperCase()) &&
    !methods.includes(method.toUpperCase()) &&
    !methods.includes('*')
  ) {
    return false;
  }
  const allowed = (answer.headers.get('access-control-allow-headers') ?? '')
    .split(',')
    .map((item) => item.trim().toLowerCase());
  return headers.every((header) => allowed.includes(header.toLowerCase()) || allowed.includes('*'));
}
