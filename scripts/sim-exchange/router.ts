/**
 * The REST side: routes Binance's /api/v3 paths (and sapi's apiRestrictions) to the API operations, checking signatures on
 * SIGNED endpoints, applying armed faults, answering CORS like Binance (cors.ts) and handing
 * /__sim/* to the admin endpoints. Every response is JSON with Binance's headers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Api, Params } from './api';
import { parseParams, verifyRestRequest } from './auth';
import type { Credentials } from './auth';
import { answerPreflight, corsHeadersFor } from './cors';
import { BinanceError, errors } from './errors';
import type { Faults } from './faults';

type Handler = (api: Api, params: Params, extra: { partialFraction?: number }) => unknown;

interface Route {
  signed: boolean;
  handler: Handler;
}

const PUBLIC: Record<string, Handler> = {
  'GET /api/v3/ping': (api) => api.ping(),
  'GET /api/v3/time': (api) => api.time(),
  'GET /api/v3/exchangeInfo': (api, p) => api.exchangeInfo(p),
  'GET /api/v3/ticker/24hr': (api, p) => api.ticker24hr(p),
  'GET /api/v3/ticker/price': (api, p) => api.tickerPrice(p),
  'GET /api/v3/ticker/bookTicker': (api, p) => api.bookTicker(p),
  'GET /api/v3/avgPrice': (api, p) => api.avgPrice(p),
  'GET /api/v3/depth': (api, p) => api.depth(p),
  'GET /api/v3/klines': (api, p) => api.klines(p),
  'GET /api/v3/uiKlines': (api, p) => api.klines(p),
};

const SIGNED: Record<string, Handler> = {
  'GET /api/v3/account': (api) => api.account(),
  'POST /api/v3/order': (api, p, extra) => api.placeOrder(p, extra),
  'POST /api/v3/order/test': (api, p) => api.placeOrder(p, { test: true }),
  'GET /api/v3/order': (api, p) => api.queryOrder(p),
  'DELETE /api/v3/order': (api, p) => api.cancelOrder(p),
  'GET /api/v3/openOrders': (api, p) => api.openOrders(p),
  'DELETE /api/v3/openOrders': (api, p) => api.cancelOpenOrders(p),
  'GET /api/v3/allOrders': (api, p) => api.allOrders(p),
  'GET /api/v3/myTrades': (api, p) => api.myTrades(p),
  'GET /sapi/v1/account/apiRestrictions': (api) => api.apiRestrictions(),
};

function findRoute(method: string, path: string): Route | undefined {
  const key = `${method} ${path}`;
  if (PUBLIC[key]) return { signed: false, handler: PUBLIC[key] };
  if (SIGNED[key]) return { signed: true, handler: SIGNED[key] };
  return undefined;
}

export function readBody(req: IncomingMessage, max = 1_000_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > max) reject(new Error('body too large'));
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json;charset=UTF-8',
    'Content-Length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

export interface RouterDeps {
  api: Api;
  credentials: Credentials;
  faults: Faults;
  serverTime(): number;
  admin(req: IncomingMessage, res: ServerResponse, path: string): Promise<void>;
}

export function createRouter(deps: RouterDeps) {
  let weight = 0;
  let weightMinute = 0;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://sim');
    const path = url.pathname;
    const method = (req.method ?? 'GET').toUpperCase();
    const cors = corsHeadersFor(path);
    if (answerPreflight(req, res, path)) return;
    if (path.startsWith('/__sim/')) return deps.admin(req, res, path);

    const minute = Math.floor(deps.serverTime() / 60_000);
    if (minute !== weightMinute) [weight, weightMinute] = [0, minute];
    weight += 1;
    const headers = {
      ...cors,
      'x-mbx-used-weight': String(weight),
      'x-mbx-used-weight-1m': String(weight),
    };
    const target = {
      method,
      path,
      isOrderPlacement: method === 'POST' && path === '/api/v3/order',
    };
    try {
      const fault = deps.faults.take(target, ['rate_limit', 'ban', 'server_error', 'timeout']);
      if (fault?.kind === 'timeout') return; // never answered
      if (fault?.kind === 'rate_limit') throw errors.tooManyRequests(fault.retryAfterSeconds);
      if (fault?.kind === 'ban') {
        throw errors.banned(
          fault.retryAfterSeconds,
          deps.serverTime() + fault.retryAfterSeconds * 1000,
        );
      }
      if (fault?.kind === 'server_error') throw errors.internal(fault.status);

      const route = findRoute(method, path);
      if (!route) throw errors.notFound();
      const query = url.search.startsWith('?') ? url.search.slice(1) : url.search;
      const body = method === 'GET' ? '' : await readBody(req);
      const apiKey = req.headers['x-mbx-apikey'];
      const params = route.signed
        ? verifyRestRequest(
            { apiKey: Array.isArray(apiKey) ? apiKey[0] : apiKey, query, body },
            deps.credentials,
            deps.serverTime(),
          )
        : parseParams(query, body);
      const partial = target.isOrderPlacement
        ? deps.faults.take(target, ['partial_fill'])
        : undefined;
      const result = route.handler(
        deps.api,
        params,
        partial ? { partialFraction: partial.fraction } : {},
      );
      if (deps.faults.take(target, ['drop_response'])) {
        req.socket.destroy();
        return;
      }
      sendJson(res, 200, result, headers);
    } catch (error) {
      if (error instanceof BinanceError) {
        sendJson(res, error.status, error.toBody(), { ...headers, ...error.headers });
      } else {
        console.error('sim-exchange: internal error', error);
        sendJson(res, 500, errors.unknown().toBody(), headers);
      }
    }
  };
}
