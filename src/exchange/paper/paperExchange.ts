/**
 * The paper exchange: real public prices from a source exchange (in the app, a public-data
 * ccxt adapter of the real exchange), fills simulated locally by the simulator's own account
 * and matching code (../simulated: account.ts, matching.ts, settlement.ts, validation.ts), so
 * paper = real prices + the simulator's fills. Implements ExchangePort; time is injected.
 *
 * - exchangeId is `paper:<source.exchangeId>`. loadMarkets returns the source's markets (real
 *   precision and limits, so orders are shaped and checked as live ones would be) with the
 *   paper fee rates in place of the exchange's; fetchOHLCV is the source's; watchCandles and
 *   watchTicks relay the source's streams, after matching (a candle's fills come before it).
 * - Candles: each closed 1m candle of the source is played as the simulator plays one. Orders
 *   placed since the previous candle fill at its open ± slippage (market, taker; a marketable
 *   limit the same, capped at its price) — the "next candle's open" rule; resting limits fill
 *   where its intrabar path reaches them (maker; at the open on a gap); stop-market orders
 *   (`triggerPrice`) where the path crosses the trigger, ± slippage (taker). A candle not newer
 *   than the last one played for its symbol is relayed but not played again.
 * - Ticks (chosen: yes, they fill): between candles, each live tick fills the resting orders —
 *   those that have been through a played candle — whose level the move from the previous
 *   price to the tick crosses: limits at their price (maker), stops at their trigger ±
 *   slippage (taker). Orders still waiting for their first candle are left to it, so market
 *   orders keep the next-open rule. Ticks older than the last played candle are only relayed.
 * - Placed mid-candle (after a tick of the forming candle was seen), an order joins that
 *   candle at its close, with the last tick as the price showing: a market order fills there
 *   ± slippage when the candle closes; a limit or stop is matched from the close on. No order
 *   ever fills at a price the market showed before it was placed.
 * - Orders need a valid, unused clientOrderId (a repeated one is refused as 'invalid_order');
 *   amounts and prices are checked against the market's precision and limits
 *   ('invalid_order'), funds against free balances ('insufficient_funds', naming the currency
 *   and the amounts). Fees are charged in quote. Balances never go negative.
 * - Orders and trades are `paper-o-<n>` / `paper-t-<n>`. The state (PaperState) is reported
 *   after every change; handed back as `state`, a new instance continues exactly.
 */
import { ExchangeError } from '../../core/exchangePort';
import type { Balances, ExchangePort } from '../../core/exchangePort';
import type { Market } from '../../core/market/types';
import type { Clock, Timers } from '../../core/time';
import { createAccount } from '../simulated/account';
import type { Account } from '../simulated/account';
import { createListeners } from '../simulated/listeners';
import { createSourceFeeds } from './feeds';
import { createLiveMarket } from './liveMarket';
import { adoptPaperState, copyPaperState, createPaperState } from './state';
import type { PaperState } from './state';
import { assertPaperState, PaperStateError } from './stateCheck';

export interface PaperExchangeOptions {
  /** Real prices: loadMarkets, fetchOHLCV, watchCandles, watchTicks (its orders are unused). */
  source: ExchangePort;
  clock: Clock;
  /** Kept for symmetry with the simulator; the source drives time, so none are scheduled. */
  timers: Timers;
  /** Starting virtual balances, e.g. { USDT: 10_000, BTC: 0 }. Ignored when resuming. */
  balances: Record<string, number>;
  /** Fee rate of resting limit fills; default 0.001 (0.1%). */
  makerFee?: number;
  /** Fee rate of market orders, marketable limits and stops; default 0.001 (0.1%). */
  takerFee?: number;
  /** Market fills pay / receive this much worse than the price showing; default 0. */
  slippageBps?: number;
  /** A state from onStateChange / getState, to continue where it left off. */
  state?: PaperState;
  /** Called with a copy of the state after every change (the host coalesces writes). */
  onStateChange?: (state: PaperState) => void;
}

export interface PaperExchange extends ExchangePort {
  /** Subscribes to the source's candles and ticks for `symbols` and starts matching. */
  start(symbols: string[]): Promise<void>;
  /** Unsubscribes from the source: nothing fills until start() again. */
  stop(): void;
  /** The virtual balances (held currencies and those of followed markets); after start(). */
  balances(): Balances;
  /** A copy of the current state (what onStateChange reports). */
  getState(): PaperState;
}

function checkRates(rates: Record<string, number>): void {
  for (const [name, value] of Object.entries(rates)) {
    if (!(Number.isFinite(value) && value >= 0)) throw new Error(`${name} must be >= 0`);
  }
}

export function createPaperExchange(options: PaperExchangeOptions): PaperExchange {
  const { source, clock } = options;
  const exchangeId = `paper:${source.exchangeId}`;
  const slippageBps = options.slippageBps ?? 0;
  const fees = { maker: options.makerFee ?? 0.001, taker: options.takerFee ?? 0.001 };
  checkRates({ makerFee: fees.maker, takerFee: fees.taker, slippageBps });
  if (options.state !== undefined) assertPaperState(options.state, source.exchangeId);
  const state = options.state
    ? adoptPaperState(options.state)
    : createPaperState(options.balances, source.exchangeId);
  const listeners = createListeners('Paper exchange');
  let markets: Record<string, Market> = {};
  let account: Account | undefined;
  let loading: Promise<Account> | undefined;
  let generation = 0;

  const reportState = (): void => options.onStateChange?.(copyPaperState(state));
  const live = createLiveMarket({ state, account: () => account, listeners, reportState });
  const feeds = createSourceFeeds(source, {
    candle: (symbol, candle) => live.onCandle(symbol, candle),
    tick: (tick) => live.onTick(tick),
  });

  const load = async (): Promise<Account> => {
    const loaded = await source.loadMarkets();
    const withFees: Record<string, Market> = {};
    for (const [symbol, market] of Object.entries(loaded)) {
      withFees[symbol] = { ...structuredClone(market), maker: fees.maker, taker: fees.taker };
    }
    state.openOrders.forEach(({ order }, index) => {
      if (withFees[order.symbol]) return;
      const field = `openOrders[${index}].order.symbol`;
      throw new PaperStateError(field, `${order.symbol} is not a market of ${source.exchangeId}`);
    });
    markets = withFees;
    account = createAccount(state, markets, { slippageBps, idPrefix: 'paper' });
    return account;
  };
  /** Loads the source's markets once (again after a failure); the account needs them. */
  const ready = (): Promise<Account> => {
    if (account) return Promise.resolve(account);
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
  const requireMarket = (symbol: string): Market => {
    const market = markets[symbol];
    if (!market) {
      throw new ExchangeError('invalid_order', `Unknown symbol ${symbol} on ${source.exchangeId}`);
    }
    return market;
  };
  /** Takes the source's latest closed candle as the price until a tick or candle comes. */
  const seedPrice = async (symbol: string): Promise<void> => {
    const candles = await source.fetchOHLCV(symbol, '1m', undefined, 1);
    const close = candles.at(-1)?.close;
    if (close !== undefined) live.seed(symbol, close);
  };

  const placeOrder: PaperExchange['createOrder'] = async (request) => {
    const placing = account ?? (await ready());
    const { symbol } = request;
    if (markets[symbol]) {
      if (live.lastPrice(symbol) === undefined) await seedPrice(symbol);
      if (live.lastPrice(symbol) === undefined) {
        throw new ExchangeError(
          'exchange_unavailable',
          `No price for ${symbol} from ${source.exchangeId} yet; try again after its next candle`,
        );
      }
      feeds.follow(symbol);
    }
    const { entryPoint, fillPrice } = live.entryFor(symbol, request.triggerPrice !== undefined);
    const lastPrice = live.lastPrice(symbol) ?? Number.NaN;
    const order = placing.place(request, clock.now(), lastPrice, entryPoint, fillPrice);
    listeners.order(order);
    reportState();
    return order;
  };

  return {
    exchangeId,
    supportsNativeStops: true,

    async loadMarkets() {
      await ready();
      return structuredClone(markets);
    },

    async fetchBalance() {
      await ready();
      return balances();
    },

    fetchOHLCV: (symbol, timeframe, since, limit) =>
      source.fetchOHLCV(symbol, timeframe, since, limit),

    createOrder: placeOrder,

    async cancelOrder(id, symbol) {
      const order = (account ?? (await ready())).cancel(id, symbol);
      listeners.order(order);
      reportState();
      return order;
    },

    async fetchOrder(id, symbol) {
      const order = (account ?? (await ready())).findOrder(id, symbol);
      if (!order) throw new ExchangeError('order_not_found', `No order ${id} on ${symbol}`);
      return order;
    },

    async fetchOrderByClientId(clientOrderId, symbol) {
      return (account ?? (await ready())).findByClientId(clientOrderId, symbol);
    },

    async fetchOpenOrders(symbol) {
      return (account ?? (await ready())).openOrders(symbol);
    },

    async fetchMyTrades(symbol, since) {
      return (account ?? (await ready())).trades(symbol, since);
    },

    watchCandles(symbol, onCandle) {
      const unsubscribe = listeners.onCandle(symbol, onCandle);
      follow(symbol, unsubscribe);
      return unsubscribe;
    },

    watchTicks(symbol, onTick) {
      const unsubscribe = listeners.onTick(symbol, onTick);
      follow(symbol, unsubscribe);
      return unsubscribe;
    },

    watchMyTrades: (onTrade) => listeners.onTrade(onTrade),
    watchOrders: (onOrder) => listeners.onOrder(onOrder),

    async start(symbols) {
      const started = ++generation;
      await ready();
      symbols.forEach(requireMarket);
      const followed = new Set([...symbols, ...state.openOrders.map(({ order }) => order.symbol)]);
      const unpriced = [...followed].filter((symbol) => live.lastPrice(symbol) === undefined);
      // Best effort: without it, the first tick or candle gives the price.
      await Promise.all(unpriced.map((symbol) => seedPrice(symbol).catch(() => undefined)));
      if (started !== generation) return; // stopped (or restarted) meanwhile
      for (const symbol of followed) feeds.follow(symbol);
      feeds.start();
    },

    stop() {
      generation += 1;
      feeds.stop();
    },

    balances,
    getState: () => copyPaperState(state),
  };

  function follow(symbol: string, unsubscribe: () => void): void {
    try {
      feeds.follow(symbol);
    } catch (error) {
      unsubscribe();
      throw error;
    }
  }

  function balances(): Balances {
    if (!account) {
      throw new Error('The paper exchange has not loaded its markets yet: await start() first');
    }
    const currencies = new Set(Object.keys(state.balances));
    for (const symbol of feeds.symbols()) {
      const market = markets[symbol];
      if (market) currencies.add(market.base).add(market.quote);
    }
    return account.balances(currencies);
  }
}
