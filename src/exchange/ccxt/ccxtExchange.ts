/**
 * The ccxt adapter: an ExchangePort for one exchange account through one ccxt instance (rate
 * limiter on), shared by every bot on the account. Orders travel over the exchange's WebSocket
 * API where ccxt has it, REST otherwise (through the CORS proxy when set); market data and
 * account updates stream over WebSocket where available and are polled otherwise. Workers only:
 * it loads ccxt. Overview: src/exchange/ccxt/README.md.
 */
import { ExchangeError } from '../../core/exchangePort';
import type { ExchangePort, PriceTick } from '../../core/exchangePort';
import type { Candle } from '../../core/market/candle';
import type { ExchangeOrder, ExchangeTrade } from '../../core/orders/types';
import { createAccountCalls } from './account';
import { startOrderStream, startTradeStream } from './accountStreams';
import { startCandleStream } from './candleStream';
import type { AdapterContext } from './context';
import { CORS_FIX } from './connectionProblem';
import { hostAnswers, isBrowser } from './corsProbe';
import { toExchangeError } from './errors';
import { createFeeds } from './loop';
import { fetchClosedCandles, startTickStream } from './marketData';
import { convertMarkets, openContext } from './session';
import type { CcxtExchangeDeps } from './session';
import type { CcxtClient } from './loadExchangeClass';
import type { CcxtConnectionConfig, TradingPath } from './types';

export { testCcxtConnection } from './testConnection';
export { DEFAULT_POLL_INTERVAL_MS } from './session';
export type { CcxtExchangeDeps } from './session';

export interface CcxtExchangePort extends ExchangePort {
  readonly tradingPath: TradingPath;
  /** Ends every stream and closes ccxt's connections. */
  close(): Promise<void>;
}

/** Opens the ccxt client of an account and its markets, ready for the engine. */
export async function openCcxtExchange(
  config: CcxtConnectionConfig,
  deps: CcxtExchangeDeps,
): Promise<CcxtExchangePort> {
  const ctx = await openContext(config, deps);
  try {
    await ctx.call(() => ctx.client.loadMarkets());
  } catch (error) {
    await ctx.client.close().catch(() => undefined);
    throw await explainCors(ctx, toExchangeError(error, ctx.secrets));
  }
  return createPort(ctx);
}

/**
 * A network error in a browser from a host that does answer plain requests is the browser
 * refusing the exchange's answer (CORS): say which setting fixes it.
 */
async function explainCors(ctx: AdapterContext, error: ExchangeError): Promise<ExchangeError> {
  if (error.kind !== 'network' || !isBrowser() || ctx.tradingPath === 'proxy') return error;
  const api = Object.values(ctx.client.urls.api ?? {}).find((url) => typeof url === 'string');
  if (typeof api !== 'string' || !(await hostAnswers(api, ctx.timers))) return error;
  return new ExchangeError(
    'network',
    `Your browser blocked ${ctx.client.name}'s API (CORS). ${CORS_FIX}`,
  );
}

/**
 * Native stop-market orders, only where verified: Binance spot markets that list STOP_LOSS.
 * Elsewhere ccxt places stops as separate "algo" orders that open-order lookups do not show,
 * which reconciliation by client order id relies on — so the engine enforces the stop itself.
 */
function nativeStops(client: CcxtClient): boolean {
  if (!client.id.startsWith('binance')) return false;
  const spot = Object.values(client.markets ?? {}).filter((market) => market.spot === true);
  return (
    spot.length > 0 &&
    spot.every((market) =>
      ((market.info as { orderTypes?: string[] } | undefined)?.orderTypes ?? []).includes(
        'STOP_LOSS',
      ),
    )
  );
}

function createPort(ctx: AdapterContext): CcxtExchangePort {
  const { client } = ctx;
  const account = createAccountCalls(ctx);
  const supportsNativeStops = nativeStops(client);
  const candles = createFeeds<Candle>();
  const ticks = createFeeds<PriceTick>();
  const orders = createFeeds<ExchangeOrder>();
  const trades = createFeeds<ExchangeTrade>();
  const requireMarket = (symbol: string) => {
    if (!client.markets?.[symbol]) {
      throw new ExchangeError('invalid_order', `${client.name} has no market ${symbol}.`);
    }
  };
  return {
    exchangeId: client.id,
    supportsNativeStops,
    tradingPath: ctx.tradingPath,
    loadMarkets: async () => convertMarkets(client),
    fetchBalance: () => account.fetchBalance(),
    fetchOHLCV: (symbol, timeframe, since, limit) =>
      fetchClosedCandles(ctx, symbol, timeframe, since, limit),
    createOrder: (request) => account.createOrder(request, supportsNativeStops),
    cancelOrder: (id, symbol) => account.cancelOrder(id, symbol),
    fetchOrder: (id, symbol) => account.fetchOrder(id, symbol),
    fetchOrderByClientId: (clientOrderId, symbol) =>
      account.fetchOrderByClientId(clientOrderId, symbol),
    fetchOpenOrders: (symbol) => account.fetchOpenOrders(symbol),
    fetchMyTrades: (symbol, since) => account.fetchMyTrades(symbol, since),
    watchCandles(symbol, onCandle) {
      requireMarket(symbol);
      return candles.subscribe(symbol, onCandle, (emit) => startCandleStream(ctx, symbol, emit));
    },
    watchTicks(symbol, onTick) {
      requireMarket(symbol);
      return ticks.subscribe(symbol, onTick, (emit) => startTickStream(ctx, symbol, emit));
    },
    watchOrders: (onOrder) =>
      orders.subscribe('orders', onOrder, (emit) => startOrderStream(ctx, account, emit)),
    watchMyTrades: (onTrade) =>
      trades.subscribe('trades', onTrade, (emit) => startTradeStream(ctx, account, emit)),
    async close() {
      for (const feeds of [candles, ticks, orders, trades]) feeds.stopAll();
      // Unsubscribes still in flight finish first: ccxt must not send on a closed socket.
      await ctx.settle();
      await client.close();
    },
  };
}
