/**
 * What the adapter's parts share for one account: the ccxt client, the trading path, injected
 * time, the secrets to redact, an index of our orders (exchange id → client order id, type,
 * symbol — trades and cancel answers lack them) and the calls with retries and WS timeouts.
 */
import type { Clock, Timers } from '../../core/time';
import type { OrderType } from '../../core/orders/types';
import { hasWsTwin } from './createClient';
import type { WsCapableMethod } from './createClient';
import type { CcxtClient } from './loadExchangeClass';
import { withRetries, withTimeout } from './retry';
import type { RetryContext, RetryHooks } from './retry';
import type { CcxtConnectionConfig, TradingPath } from './types';

/** How many orders the index remembers (oldest dropped first). */
const ORDER_INDEX_SIZE = 5_000;

export interface IndexedOrder {
  clientOrderId: string;
  type: OrderType;
  symbol: string;
}

export interface AdapterContext {
  readonly client: CcxtClient;
  readonly config: CcxtConnectionConfig;
  readonly clock: Clock;
  readonly timers: Timers;
  readonly tradingPath: TradingPath;
  readonly secrets: readonly string[];
  readonly pollIntervalMs: number;
  /** Symbols this account has traded or asked about: what polling looks at. */
  readonly knownSymbols: Set<string>;
  readonly orders: Map<string, IndexedOrder>;
  notice(message: string): void;
  remember(id: string, order: IndexedOrder): void;
  /** Whether `method` goes over the WebSocket API on this account. */
  usesWs(method: WsCapableMethod): boolean;
  /** Runs a ccxt call with retries; WebSocket calls also get the client's timeout. */
  call<T>(run: () => Promise<T>, hooks?: RetryHooks<T>): Promise<T>;
  /** A WebSocket API request that fails as `network` when no answer comes in time. */
  wsRequest<T>(what: string, request: Promise<T>): Promise<T>;
  /** Runs a fire-and-forget call (e.g. unsubscribing a stream); `settle` waits for them all. */
  background(work: Promise<unknown>): void;
  settle(): Promise<void>;
}

export function createAdapterContext(options: {
  client: CcxtClient;
  config: CcxtConnectionConfig;
  clock: Clock;
  timers: Timers;
  tradingPath: TradingPath;
  pollIntervalMs: number;
  onNotice?: (message: string) => void;
}): AdapterContext {
  const { client, clock, timers } = options;
  const secrets = Object.values(options.config.credentials ?? {}).filter((value) => value !== '');
  const retry: RetryContext = {
    clock,
    timers,
    secrets,
    lastHeaders: () => client.last_response_headers,
  };
  const orders = new Map<string, IndexedOrder>();
  const inFlight = new Set<Promise<unknown>>();
  return {
    client,
    config: options.config,
    clock,
    timers,
    tradingPath: options.tradingPath,
    secrets,
    pollIntervalMs: options.pollIntervalMs,
    knownSymbols: new Set(),
    orders,
    notice: (message) => options.onNotice?.(message),
    remember(id, order) {
      if (!id || !order.clientOrderId) return;
      orders.delete(id);
      orders.set(id, order);
      if (orders.size > ORDER_INDEX_SIZE) orders.delete(orders.keys().next().value as string);
    },
    usesWs: (method) => options.tradingPath === 'websocket' && hasWsTwin(client, method),
    call: (run, hooks) => withRetries(run, retry, hooks),
    background(work) {
      const settled = work.catch(() => undefined).finally(() => inFlight.delete(settled));
      inFlight.add(settled);
    },
    async settle() {
      await Promise.all([...inFlight]);
    },
    wsRequest: (what, request) =>
      withTimeout(request, client.timeout, timers, `${client.name} ${what}`),
  };
}
