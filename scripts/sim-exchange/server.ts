/**
 * The local exchange simulator: one Node HTTP server on 127.0.0.1 speaking Binance's spot REST
 * API (router.ts), its market streams (wsStreams.ts) and WebSocket API (wsApi.ts), with fault
 * injection (faults.ts) and admin endpoints (admin.ts). `createSimExchange` is the programmatic
 * entry used by tests and by main.ts (`npm run sim:exchange`). API: docs/exchange-simulator.md.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Candle } from '../../src/core/market/candle';
import { START_INDEX } from '../../src/exchange/simulated/simulatedExchange';
import { createAdmin } from './admin';
import type { DisconnectTarget } from './admin';
import { createApi } from './api';
import type { Credentials } from './auth';
import { createFaults } from './faults';
import { DEFAULT_KEY_PERMISSIONS } from './keyPermissions';
import type { KeyPermissions } from './keyPermissions';
import type { Faults } from './faults';
import { createLedger } from './ledger';
import type { Ledger } from './ledger';
import { createMarket } from './market';
import type { MarketModel } from './market';
import { createEngine } from './orders';
import type { Engine } from './orders';
import { createRouter } from './router';
import { requireNodeWs } from './nodeWs';
import { loadSamplesFromDisk } from './samples';
import { toSimSymbol } from './symbols';
import { createWsApi } from './wsApi';
import { createMarketStreams } from './wsStreams';

const { WebSocketServer } = requireNodeWs();

export const DEFAULT_API_KEY = 'simkey0000000000000000000000000000000000000000000000000000000000';
export const DEFAULT_API_SECRET =
  'simsecret00000000000000000000000000000000000000000000000000000000';
export const DEFAULT_BALANCES: Readonly<Record<string, number>> = {
  USDT: 10_000,
  USDC: 10_000,
  BTC: 0.1,
};

export type { DisconnectTarget };

export interface SimExchangeOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  credentials?: Credentials;
  /** Market ms per wall ms (default 1; 0 freezes the market — step it with market.advance). */
  speed?: number;
  /** Sample index of the first live candle (default one day in, so there is history). */
  startIndex?: number;
  /** Keep the sample's 2023 candle times instead of shifting the start candle to now. */
  sampleTimes?: boolean;
  balances?: Record<string, number>;
  /** Defaults to public/sample from disk. */
  samples?: Record<string, Candle[]>;
  /** How often market streams push and resting orders are matched (default 250 ms). */
  pushIntervalMs?: number;
  /** Wall clock (default Date.now). */
  now?: () => number;
  /** What apiRestrictions reports for the test key (default: trade only, no withdrawals). */
  keyPermissions?: Partial<KeyPermissions>;
}

export interface CcxtApiUrls {
  public: string;
  private: string;
  v1: string;
  sapi: string;
  ws: { spot: string; margin: string; 'ws-api': { spot: string } };
}

export interface SimExchange {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  /** ws://127.0.0.1:<port> */
  readonly wsUrl: string;
  readonly credentials: Credentials;
  readonly market: MarketModel;
  readonly engine: Engine;
  readonly ledger: Ledger;
  readonly faults: Faults;
  /** Open user-data-stream subscriptions on the WebSocket API. */
  userDataSubscriptions(): number;
  /** What to assign to a ccxt binance instance's `urls.api`. */
  ccxtUrls(): CcxtApiUrls;
  /** Drops WebSocket connections at once, as a network fault would; returns how many. */
  disconnect(target?: DisconnectTarget): number;
  close(): Promise<void>;
}

export async function createSimExchange(options: SimExchangeOptions = {}): Promise<SimExchange> {
  const now = options.now ?? (() => Date.now());
  const credentials = options.credentials ?? {
    apiKey: DEFAULT_API_KEY,
    secret: DEFAULT_API_SECRET,
  };
  if (!credentials.apiKey || !credentials.secret)
    throw new Error('API key and secret must not be empty');
  const samples = options.samples ?? (await loadSamplesFromDisk());
  const market = createMarket({
    samples,
    speed: options.speed ?? 1,
    startIndex: options.startIndex ?? START_INDEX,
    sampleTimes: options.sampleTimes ?? false,
    now,
  });
  const symbols = market.symbols.map(toSimSymbol);
  const ledger = createLedger({ ...(options.balances ?? DEFAULT_BALANCES) });
  const engine = createEngine(market, ledger);
  const faults = createFaults();
  const serverTime = () => Math.floor(now());
  const keyPermissions = { ...DEFAULT_KEY_PERMISSIONS, ...options.keyPermissions };
  const api = createApi({ market, engine, ledger, symbols, serverTime, keyPermissions });

  let url = '';
  let wsUrl = '';
  const ccxtUrls = (): CcxtApiUrls => ({
    public: `${url}/api/v3`,
    private: `${url}/api/v3`,
    v1: `${url}/api/v1`,
    sapi: `${url}/sapi/v1`,
    ws: { spot: `${wsUrl}/ws`, margin: `${wsUrl}/ws`, 'ws-api': { spot: `${wsUrl}/ws-api/v3` } },
  });
  const admin = createAdmin({
    market,
    engine,
    ledger,
    faults,
    api,
    symbols,
    urls: () => ({ rest: url, ws: `${wsUrl}/ws`, wsApi: `${wsUrl}/ws-api/v3` }),
    disconnect: (target) => disconnect(target),
  });
  const router = createRouter({ api, credentials, faults, serverTime, admin });
  const server = createServer((req, res) => {
    router(req, res).catch((error: unknown) => {
      console.error('sim-exchange: request failed', error);
      res.destroy();
    });
  });

  const streams = createMarketStreams({ market, engine, symbols });
  const wsApi = createWsApi({ api, engine, ledger, credentials, faults, serverTime });
  const wss = new WebSocketServer({ noServer: true });
  const disconnect = (target: DisconnectTarget = 'all'): number =>
    (target === 'api' ? 0 : streams.dropAll()) + (target === 'streams' ? 0 : wsApi.dropAll());
  server.on('upgrade', (req, socket, head) => {
    const target = new URL(req.url ?? '/', 'http://sim');
    const path = target.pathname.replace(/\/+$/, '');
    const isApi = path === '/ws-api/v3';
    const isStream = path === '/ws' || path.startsWith('/ws/') || path === '/stream';
    if (!isApi && !isStream) {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      if (isApi) wsApi.connect(ws);
      else streams.connect(ws, path, target.searchParams);
    });
  });

  const timer = setInterval(() => {
    engine.advance();
    streams.push();
  }, options.pushIntervalMs ?? 250);
  timer.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  url = `http://${address.address}:${address.port}`;
  wsUrl = `ws://${address.address}:${address.port}`;

  return {
    url,
    wsUrl,
    credentials,
    market,
    engine,
    ledger,
    faults,
    ccxtUrls,
    disconnect,
    userDataSubscriptions: () => wsApi.userDataSubscriptions(),
    async close() {
      clearInterval(timer);
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
