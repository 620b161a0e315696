/**
 * Request authentication as Binance does it for SIGNED endpoints: the API key (X-MBX-APIKEY
 * header for REST, `apiKey` param on the WebSocket API), an HMAC-SHA256 hex signature of the
 * parameters (REST: query string followed by the body, as sent; WebSocket API: every param but
 * `signature`, sorted by name, joined as k=v&...), and `timestamp` within `recvWindow`
 * (default 5000 ms, at most 60000; at most 1000 ms ahead of the server). Errors are Binance's.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { errors } from './errors';

export interface Credentials {
  apiKey: string;
  secret: string;
}

export const DEFAULT_RECV_WINDOW = 5_000;
export const MAX_RECV_WINDOW = 60_000;

const hmac = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(payload).digest('hex');

function checkKey(apiKey: string | undefined, credentials: Credentials): void {
  if (!apiKey) throw errors.apiKeyFormat();
  if (apiKey !== credentials.apiKey) throw errors.invalidApiKey();
}

function checkSignature(expected: string, given: string | undefined): void {
  if (!given) throw errors.mandatory('signature');
  const a = Buffer.from(expected);
  const b = Buffer.from(given.toLowerCase());
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw errors.badSignature();
}

function checkTimestamp(params: Record<string, string>, serverTime: number): void {
  const timestamp = params.timestamp;
  if (timestamp === undefined || !/^\d+$/.test(timestamp)) throw errors.mandatory('timestamp');
  let recvWindow = DEFAULT_RECV_WINDOW;
  if (params.recvWindow !== undefined) {
    recvWindow = Number(params.recvWindow);
    if (!Number.isFinite(recvWindow) || recvWindow <= 0) throw errors.mandatory('recvWindow');
    if (recvWindow > MAX_RECV_WINDOW) throw errors.recvWindowTooLarge();
  }
  const time = Number(timestamp);
  if (time >= serverTime + 1_000) throw errors.timestampAhead();
  if (serverTime - time > recvWindow) throw errors.outsideRecvWindow();
}

const SIGNATURE_PARAM = /(^|&)signature=([^&]*)/;

/**
 * Verifies a signed REST request; returns its parameters (query and body merged).
 * `query` and `body` are the raw strings as received.
 */
export function verifyRestRequest(
  request: { apiKey: string | undefined; query: string; body: string },
  credentials: Credentials,
  serverTime: number,
): Record<string, string> {
  checkKey(request.apiKey, credentials);
  let signature: string | undefined;
  const strip = (raw: string) =>
    raw.replace(SIGNATURE_PARAM, (_match, _lead: string, value: string) => {
      signature = decodeURIComponent(value);
      return '';
    });
  const payload = strip(request.query) + strip(request.body);
  const params = parseParams(request.query, request.body);
  delete params.signature;
  if (signature === undefined) throw errors.mandatory('signature');
  checkSignature(hmac(credentials.secret, payload), signature);
  checkTimestamp(params, serverTime);
  return params;
}

/** Verifies a WebSocket API request's params; returns them as strings, without the auth ones. */
export function verifyWsParams(
  raw: Record<string, unknown>,
  credentials: Credentials,
  serverTime: number,
): Record<string, string> {
  const params = stringParams(raw);
  checkKey(params.apiKey, credentials);
  const payload = Object.keys(params)
    .filter((key) => key !== 'signature')
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join('&');
  checkSignature(hmac(credentials.secret, payload), params.signature);
  checkTimestamp(params, serverTime);
  const { apiKey: _apiKey, signature: _signature, ...rest } = params;
  return rest;
}

/** A WebSocket API params object with every value as the string Binance would read. */
export function stringParams(raw: Record<string, unknown>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw ?? {})) {
    if (value === undefined || value === null) continue;
    params[key] = typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return params;
}

export function parseParams(query: string, body = ''): Record<string, string> {
  const params: Record<string, string> = {};
  for (const source of [query, body]) {
    for (const [key, value] of new URLSearchParams(source)) params[key] = value;
  }
  return params;
}
