/**
 * Binance's WebSocket API (`/ws-api/v3`): JSON requests `{ id, method, params }` answered with
 * `{ id, status: 200, result, rateLimits }` or `{ id, status, error: { code, msg } }`. Signed
 * methods carry apiKey + timestamp + signature in params (auth.ts). The user data stream is
 * subscribed with `userDataStream.subscribe.signature` (what ccxt 4.5 uses for spot); its events
 * arrive as `{ subscriptionId, event: { e: "executionReport" | "outboundAccountPosition", … } }`.
 * Faults apply here too (rate_limit → status 429 / -1003, timeout and drop_response → no answer).
 */
import type { WebSocket } from 'ws';
import type { Api, Params } from './api';
import { stringParams, verifyWsParams } from './auth';
import type { Credentials } from './auth';
import { BinanceError, errors } from './errors';
import type { Faults } from './faults';
import { userDataEvent } from './format';
import type { Ledger } from './ledger';
import type { Engine } from './orders';

type Method = (api: Api, params: Params, extra: { partialFraction?: number }) => unknown;

const PUBLIC: Record<string, Method> = {
  ping: (api) => api.ping(),
  time: (api) => api.time(),
  exchangeInfo: (api, p) => api.exchangeInfo(p),
  klines: (api, p) => api.klines(p),
  uiKlines: (api, p) => api.klines(p),
  depth: (api, p) => api.depth(p),
  'ticker.24hr': (api, p) => api.ticker24hr(p),
  'ticker.price': (api, p) => api.tickerPrice(p),
  'ticker.book': (api, p) => api.bookTicker(p),
  avgPrice: (api, p) => api.avgPrice(p),
};

const SIGNED: Record<string, Method> = {
  'account.status': (api) => api.account(),
  'order.place': (api, p, extra) => api.placeOrder(p, extra),
  'order.test': (api, p) => api.placeOrder(p, { test: true }),
  'order.status': (api, p) => api.queryOrder(p),
  'order.cancel': (api, p) => api.cancelOrder(p),
  'openOrders.status': (api, p) => api.openOrders(p),
  'openOrders.cancelAll': (api, p) => api.cancelOpenOrders(p),
  allOrders: (api, p) => api.allOrders(p),
  myTrades: (api, p) => api.myTrades(p),
};

const RATE_LIMITS = [
  { rateLimitType: 'REQUEST_WEIGHT', interval: 'MINUTE', intervalNum: 1, limit: 6000, count: 1 },
];

export interface WsApi {
  connect(socket: WebSocket): void;
  /** Open user-data-stream subscriptions (tests wait for one before placing orders). */
  userDataSubscriptions(): number;
  /** Drops every WebSocket API connection at once (a network fault); returns how many. */
  dropAll(): number;
}

export function createWsApi(deps: {
  api: Api;
  engine: Engine;
  ledger: Ledger;
  credentials: Credentials;
  faults: Faults;
  serverTime(): number;
}): WsApi {
  let nextSubscriptionId = 0;
  let open = 0;
  const sockets = new Set<WebSocket>();

  return {
    userDataSubscriptions: () => open,
    dropAll() {
      const count = sockets.size;
      for (const socket of sockets) socket.terminate();
      sockets.clear();
      return count;
    },
    connect(socket) {
      sockets.add(socket);
      const subscriptions = new Map<number, () => void>();
      socket.on('close', () => {
        sockets.delete(socket);
        subscriptions.forEach((stop) => stop());
        open -= subscriptions.size;
        subscriptions.clear();
      });
      const send = (body: unknown) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(body));
      };

      const subscribeUserData = () => {
        const subscriptionId = nextSubscriptionId++;
        const stop = deps.engine.onEvent((event) =>
          send({
            subscriptionId,
            event: userDataEvent(event, (assets) => assets.map((asset) => deps.ledger.get(asset))),
          }),
        );
        subscriptions.set(subscriptionId, stop);
        open += 1;
        return { subscriptionId };
      };

      const handle = (method: string, rawParams: Record<string, unknown>, id: unknown) => {
        const target = { method: 'WS', path: method, isOrderPlacement: method === 'order.place' };
        const fault = deps.faults.take(target, ['rate_limit', 'ban', 'server_error', 'timeout']);
        if (fault?.kind === 'timeout') return;
        if (fault?.kind === 'rate_limit' || fault?.kind === 'ban') {
          const error =
            fault.kind === 'ban'
              ? errors.banned(
                  fault.retryAfterSeconds,
                  deps.serverTime() + fault.retryAfterSeconds * 1000,
                )
              : errors.tooManyRequests(fault.retryAfterSeconds);
          return send({
            id,
            status: error.status,
            error: {
              ...error.toBody(),
              data: { retryAfter: deps.serverTime() + fault.retryAfterSeconds * 1000 },
            },
          });
        }
        if (fault?.kind === 'server_error') throw errors.internal(fault.status);

        let result: unknown;
        if (method === 'userDataStream.subscribe.signature') {
          verifyWsParams(rawParams, deps.credentials, deps.serverTime());
          result = subscribeUserData();
        } else if (method === 'userDataStream.unsubscribe') {
          const wanted = rawParams.subscriptionId;
          for (const [subscriptionId, stop] of subscriptions) {
            if (wanted === undefined || Number(wanted) === subscriptionId) {
              stop();
              subscriptions.delete(subscriptionId);
              open -= 1;
            }
          }
          result = {};
        } else if (SIGNED[method]) {
          const params = verifyWsParams(rawParams, deps.credentials, deps.serverTime());
          delete params.returnRateLimits;
          const partial = target.isOrderPlacement
            ? deps.faults.take(target, ['partial_fill'])
            : undefined;
          result = SIGNED[method](
            deps.api,
            params,
            partial ? { partialFraction: partial.fraction } : {},
          );
        } else if (PUBLIC[method]) {
          result = PUBLIC[method](deps.api, stringParams(rawParams), {});
        } else {
          throw new BinanceError(400, -1000, `Unknown method '${method}'.`);
        }
        if (deps.faults.take(target, ['drop_response'])) return;
        send({ id, status: 200, result, rateLimits: RATE_LIMITS });
      };

      socket.on('message', (data) => {
        let message: { id?: unknown; method?: unknown; params?: unknown };
        try {
          message = JSON.parse(String(data)) as typeof message;
        } catch {
          return send({ id: null, status: 400, error: { code: -1000, msg: 'Malformed request.' } });
        }
        const id = message.id ?? null;
        try {
          if (typeof message.method !== 'string') throw errors.mandatory('method');
          const params = (
            typeof message.params === 'object' && message.params !== null ? message.params : {}
          ) as Record<string, unknown>;
          handle(message.method, params, id);
        } catch (error) {
          const binance = error instanceof BinanceError ? error : errors.unknown();
          if (!(error instanceof BinanceError))
            console.error('sim-exchange: ws-api internal error', error);
          send({ id, status: binance.status, error: binance.toBody(), rateLimits: RATE_LIMITS });
        }
      });
    },
  };
}
