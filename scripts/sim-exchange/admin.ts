/**
 * The simulator's own control endpoints under /__sim/ (not Binance; no auth — the server only
 * listens on 127.0.0.1): state, faults, the market clock, balances and dropping WebSockets. See
 * docs/exchange-simulator.md for the request and response shapes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Api } from './api';
import { corsHeadersFor } from './cors';
import { parseFaultSpec } from './faults';
import type { Faults } from './faults';
import { queryResponse } from './format';
import type { Ledger } from './ledger';
import type { MarketModel } from './market';
import type { Engine } from './orders';
import { readBody, sendJson } from './router';
import type { SimSymbol } from './symbols';

/** Which WebSocket connections a disconnect drops. */
export type DisconnectTarget = 'streams' | 'api' | 'all';

export interface AdminDeps {
  market: MarketModel;
  engine: Engine;
  ledger: Ledger;
  faults: Faults;
  api: Api;
  symbols: readonly SimSymbol[];
  urls(): Record<string, string>;
  disconnect(target: DisconnectTarget): number;
}

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await readBody(req);
  if (text.trim() === '') return {};
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

export function createAdmin(deps: AdminDeps) {
  const state = () => ({
    urls: deps.urls(),
    marketTime: Math.floor(deps.market.time()),
    speed: deps.market.speed(),
    prices: Object.fromEntries(
      deps.symbols.map((symbol) => [symbol.id, deps.engine.touch(symbol)]),
    ),
    balances: deps.ledger.list(),
    openOrders: deps.engine.openOrders().map(queryResponse),
    faults: deps.faults.list(),
  });

  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const headers = { ...corsHeadersFor(path) };
    const method = req.method ?? 'GET';
    try {
      deps.engine.advance();
      const route = `${method} ${path}`;
      switch (route) {
        case 'GET /__sim/state':
          return sendJson(res, 200, state(), headers);
        case 'GET /__sim/orders':
          return sendJson(
            res,
            200,
            deps.symbols.flatMap((symbol) => deps.engine.allOrders(symbol).map(queryResponse)),
            headers,
          );
        case 'GET /__sim/faults':
          return sendJson(res, 200, deps.faults.list(), headers);
        case 'POST /__sim/faults':
          return sendJson(res, 200, deps.faults.add(parseFaultSpec(await jsonBody(req))), headers);
        case 'DELETE /__sim/faults':
          deps.faults.clear();
          return sendJson(res, 200, [], headers);
        case 'POST /__sim/clock': {
          const body = await jsonBody(req);
          if (body.speed !== undefined) deps.market.setSpeed(Number(body.speed));
          if (body.advanceMs !== undefined) deps.market.advance(Number(body.advanceMs));
          deps.engine.advance();
          return sendJson(res, 200, state(), headers);
        }
        case 'POST /__sim/disconnect': {
          const target = (await jsonBody(req)).target ?? 'all';
          if (target !== 'streams' && target !== 'api' && target !== 'all') {
            throw new Error('target must be one of streams, api, all');
          }
          return sendJson(res, 200, { dropped: deps.disconnect(target) }, headers);
        }
        case 'POST /__sim/balances': {
          const body = await jsonBody(req);
          for (const [asset, amount] of Object.entries(body)) {
            if (!/^[A-Z0-9]{2,12}$/.test(asset))
              throw new Error(`asset ${asset} is not an asset code`);
            deps.ledger.setFree(asset, Number(amount));
          }
          return sendJson(res, 200, state(), headers);
        }
        default:
          return sendJson(res, 404, { error: `No admin endpoint ${route}` }, headers);
      }
    } catch (error) {
      sendJson(
        res,
        400,
        { error: error instanceof Error ? error.message : String(error) },
        headers,
      );
    }
  };
}
