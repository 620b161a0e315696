/**
 * Test support (imported only by *.test.ts): exchange factories for the bot host built on the
 * built-in simulator, so host tests need neither ccxt nor a network. One simulated "remote"
 * exchange stands for the real one: every client opened for an account talks to it (as ccxt
 * clients talk to one exchange), checks the API key like an exchange would, and can be made to
 * fail the next calls. Paper venues use the real paper exchange (src/exchange/paper) on a
 * key-less client of that remote, unless a test passes its own `openPaper`.
 */
import { ExchangeError, type ExchangePort } from '../core/exchangePort';
import type { ManualClock } from '../core/time';
import type { CcxtConnectionConfig, ExchangeCatalogEntry } from '../exchange/ccxt/types';
import { createPaperExchange, type PaperState } from '../exchange/paper';
import { createSimulatedExchange, type SimulatedExchange } from '../exchange/simulated';
import { committedSamples } from '../exchange/simulated/testSupport';
import type { ConnectedExchange, ExchangeFactories } from './exchangeDeps';

export const TEST_API_KEY = 'tEstKey0000000000000WXYZ';
export const TEST_SECRET = 'test-secret-plaintext-0000-q7v9';

export const TEST_CATALOG: readonly ExchangeCatalogEntry[] = [
  {
    id: 'binance',
    name: 'Binance',
    isTested: true,
    requiredCredentials: ['apiKey', 'secret'],
    hasSandbox: true,
    hasWebSocketTrading: true,
    hasWebSocketMarketData: true,
  },
  {
    id: 'okx',
    name: 'OKX',
    isTested: true,
    requiredCredentials: ['apiKey', 'secret', 'password'],
    hasSandbox: true,
    hasWebSocketTrading: true,
    hasWebSocketMarketData: true,
  },
];

const PRIVATE = new Set([
  'fetchBalance',
  'createOrder',
  'cancelOrder',
  'fetchOrder',
  'fetchOrderByClientId',
  'fetchOpenOrders',
  'fetchMyTrades',
]);

export interface TestExchanges {
  factories: ExchangeFactories;
  /** The simulated exchange every client talks to. */
  remote: SimulatedExchange;
  /** Every configuration a client was opened with (to check keys reached the client). */
  opened: CcxtConnectionConfig[];
  /** The next `count` calls of `method` fail with `error`. */
  failNext(method: string, error: ExchangeError, count?: number): void;
  /** Clients opened and not yet closed. */
  openClients(): number;
}

export function createTestExchanges(
  clock: ManualClock,
  options: { openPaper?: ExchangeFactories['openPaper'] } = {},
): TestExchanges {
  const samples = committedSamples();
  const faults = new Map<string, { error: ExchangeError; count: number }>();
  const remote = createSimulatedExchange({
    samples,
    clock,
    timers: clock,
    speed: 600,
    balances: { USDT: 5_000, BTC: 0.1 },
    faults: {
      failNext(method) {
        const fault = faults.get(method);
        if (!fault) return undefined;
        if (--fault.count <= 0) faults.delete(method);
        return fault.error;
      },
    },
  });
  remote.start();
  const opened: CcxtConnectionConfig[] = [];
  let open = 0;

  const client = (config: CcxtConnectionConfig): ConnectedExchange => {
    const keys = config.credentials;
    const refusal = !keys
      ? 'API key required for this request'
      : keys.apiKey !== TEST_API_KEY || keys.secret !== TEST_SECRET
        ? 'Invalid API-key, IP, or permissions for action'
        : undefined;
    const unsubscribes = new Set<() => void>();
    const watch =
      (name: 'watchCandles' | 'watchTicks' | 'watchMyTrades' | 'watchOrders') =>
      (...args: unknown[]) => {
        if (refusal && (name === 'watchMyTrades' || name === 'watchOrders')) return () => undefined;
        const stop = (remote[name] as (...a: unknown[]) => () => void)(...args);
        unsubscribes.add(stop);
        return () => {
          unsubscribes.delete(stop);
          stop();
        };
      };
    const port = new Proxy(remote as ExchangePort, {
      get(target, property) {
        if (property === 'tradingPath') return 'websocket';
        if (property === 'close') {
          return async () => {
            for (const stop of [...unsubscribes]) stop();
            open -= 1;
          };
        }
        if (
          property === 'watchCandles' ||
          property === 'watchTicks' ||
          property === 'watchMyTrades' ||
          property === 'watchOrders'
        )
          return watch(property);
        const value: unknown = Reflect.get(target, property);
        if (typeof value !== 'function') return value;
        if (typeof property === 'string' && PRIVATE.has(property) && refusal) {
          return () => Promise.reject(new ExchangeError('auth', refusal));
        }
        return (value as () => unknown).bind(target);
      },
    });
    open += 1;
    return port as ConnectedExchange;
  };

  const realPaper: ExchangeFactories['openPaper'] = (paperOptions) =>
    createPaperExchange({ ...paperOptions, state: paperOptions.state as PaperState | undefined });

  return {
    remote,
    opened,
    failNext(method, error, count = 1) {
      faults.set(method, { error, count });
    },
    openClients: () => open,
    factories: {
      catalog: TEST_CATALOG,
      async openLive(config) {
        opened.push(config);
        return client(config);
      },
      openPaper: options.openPaper ?? realPaper,
      async testConnection(config) {
        opened.push(config);
        const port = client(config);
        try {
          const markets = await port.loadMarkets();
          const balances = config.credentials ? await port.fetchBalance() : {};
          return {
            ok: true,
            marketCount: Object.keys(markets).length,
            balances,
            tradingPath: 'websocket',
            warnings: [],
          };
        } catch (error) {
          return {
            ok: false,
            problem: 'auth',
            message: error instanceof Error ? error.message : String(error),
            fix: 'Check the API key and secret.',
          };
        } finally {
          await port.close();
        }
      },
    },
  };
}
