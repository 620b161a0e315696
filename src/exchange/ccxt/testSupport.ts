/**
 * Test helpers for the ccxt adapter: the local Binance simulator (scripts/sim-exchange), the
 * real ccxt classes from its test support (ccxt's Node build, with the real `ws`), a clock that
 * reads the simulator's market time, and timers that run backoffs 100× faster than asked while
 * recording every delay the adapter asked for (so backoff and Retry-After are checked without
 * waiting). The WebSocket request timeout (ccxt's 10 s) lasts 0.75 s: ccxt's own rate limiter
 * (on, as in the app) queues WebSocket API requests, so a shorter one could fire on a healthy call.
 */
import type { Clock, Timers } from '../../core/time';
import type { SimExchange, SimExchangeOptions } from '../../../scripts/sim-exchange/server';
import { ccxt, eventually, startSim } from '../../../scripts/sim-exchange/testSupport';
import { openCcxtExchange } from './ccxtExchange';
import type { CcxtExchangePort } from './ccxtExchange';
import type { ExchangeClass } from './loadExchangeClass';
import type { CcxtConnectionConfig } from './types';

export { ccxt, eventually, startSim };
export type { SimExchange, SimExchangeOptions };

/**
 * `Base` with ccxt's rate limiter still on but 10× quicker (5 ms per weight unit instead of
 * Binance's 50): the simulator does not need the spacing and the suite stays fast.
 */
function quickRateLimit(Base: ExchangeClass): ExchangeClass {
  return class extends Base {
    constructor(config: object = {}) {
      super({ ...config, rateLimit: 5 });
    }
  };
}

const QuickPro = quickRateLimit(ccxt.pro.binance as unknown as ExchangeClass);
const QuickRest = quickRateLimit(ccxt.binance as unknown as ExchangeClass);
/** The WebSocket-capable class (what loadExchangeClass gives for 'binance'). */
export const loadPro = async (): Promise<ExchangeClass> => QuickPro;
/** ccxt's REST-only binance class: no WebSocket at all, so everything is REST and polling. */
export const loadRestOnly = async (): Promise<ExchangeClass> => QuickRest;

export interface RecordingTimers extends Timers {
  /** Every delay asked for, in ms, in order. */
  readonly delays: number[];
}

/** ccxt's default request timeout, which the adapter also gives WebSocket API requests. */
const REQUEST_TIMEOUT_MS = 10_000;
const TIMEOUT_REAL_MS = 750;

/** Real timers that wait `scale` × the delay asked for (request timeouts: 0.75 s), and record it. */
export function recordingTimers(scale = 0.01): RecordingTimers {
  const delays: number[] = [];
  return {
    delays,
    setTimeout(callback, delayMs) {
      delays.push(delayMs);
      const real = delayMs === REQUEST_TIMEOUT_MS ? TIMEOUT_REAL_MS : Math.ceil(delayMs * scale);
      return setTimeout(callback, real);
    },
    clearTimeout(handle) {
      clearTimeout(handle as ReturnType<typeof setTimeout>);
    },
  };
}

/** The simulator's market time: what its candles, orders and trades are stamped with. */
export function simClock(sim: SimExchange): Clock {
  return { now: () => sim.market.time() };
}

/** The connection config of the simulator's test account. */
export function simConfig(
  sim: SimExchange,
  overrides: Partial<CcxtConnectionConfig> = {},
): CcxtConnectionConfig {
  return {
    exchangeId: 'binance',
    apiUrl: sim.url,
    credentials: { apiKey: sim.credentials.apiKey, secret: sim.credentials.secret },
    ...overrides,
  };
}

/** Opens the adapter on the simulator; `notices` collects what it reports. */
export async function openOnSim(
  sim: SimExchange,
  options: {
    config?: Partial<CcxtConnectionConfig>;
    restOnly?: boolean;
    timers?: RecordingTimers;
    pollIntervalMs?: number;
  } = {},
): Promise<{ exchange: CcxtExchangePort; timers: RecordingTimers; notices: string[] }> {
  const timers = options.timers ?? recordingTimers();
  const notices: string[] = [];
  const exchange = await openCcxtExchange(simConfig(sim, options.config), {
    clock: simClock(sim),
    timers,
    loadClass: options.restOnly ? loadRestOnly : loadPro,
    onNotice: (message) => notices.push(message),
    ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
  });
  return { exchange, timers, notices };
}

/** Best bid / ask of BTC/USDT on the simulator now. */
export function touch(sim: SimExchange): { bid: number; ask: number } {
  return sim.engine.touch({ id: 'BTCUSDT', symbol: 'BTC/USDT', base: 'BTC', quote: 'USDT' });
}

/** Every order the simulator holds with this client order id. */
export function simOrdersWithClientId(sim: SimExchange, clientOrderId: string) {
  return sim.engine
    .allOrders({ id: 'BTCUSDT', symbol: 'BTC/USDT', base: 'BTC', quote: 'USDT' })
    .filter((order) => order.clientOrderId === clientOrderId);
}
