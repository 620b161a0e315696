/**
 * The built-in simulated exchange, the default for every new bot: it replays real 1-minute
 * candles (public/sample/) as a live market at any speed and fills orders against them with the
 * shared fill model. Implements ExchangePort; time and timers are injected, nothing global.
 *
 * - Market time runs `speed` x the injected clock from the candle at START_INDEX (one day of
 *   history for warm-up) or from a resumed state's cursor. Candle times are the sample's own
 *   (March 2023) UTC times, plus the sample's length per completed loop (see replaySeries.ts).
 * - Backtests may replay coarser candles (`candleMs`, e.g. daily history with weekend gaps):
 *   the same rules apply per candle, a candle completing when the next one opens.
 * - When a minute completes, its candle is played: orders placed between candles fill at its
 *   open ± slippage (market, taker), resting limits along its intrabar path (maker); an order
 *   placed mid-candle joins the path where it was when placed — see matching.ts. Then the
 *   candle goes to watchCandles and the state to onStateChange.
 * - Stop-market orders (`triggerPrice`) are supported natively: they fill as market orders
 *   where the intrabar path first crosses the trigger (see matching.ts).
 * - Fees are charged in quote on both sides (account.ts). Orders fill completely unless
 *   `liquidityShare` caps the resting fills of each candle.
 */
import { ExchangeError } from '../../core/exchangePort';
import type { ExchangePort, PriceTick, Unsubscribe } from '../../core/exchangePort';
import type { Candle } from '../../core/market/candle';
import type { Market } from '../../core/market/types';
import type { ExchangeOrder, ExchangeTrade } from '../../core/orders/types';
import type { Clock, TimestampMs, Timers } from '../../core/time';
import { createAccount, PATH_POINTS, type AccountChanges } from './account';
import { createListeners } from './listeners';
import { createMarket } from './markets';
import { fetchClosedCandles } from './ohlcv';
import { createReplayDriver } from './replayDriver';
import { createReplaySeries } from './replaySeries';
import { adoptState, assertResumableState, copyState, createInitialState } from './state';
import type { KeptHistory, SimulatorState } from './state';

/** A new simulator starts one day into its sample, so strategies have history to warm up on. */
export const START_INDEX = 1_440;

export interface SimulatedExchangeOptions {
  /**
   * Candles per unified symbol, all at the same times: contiguous 1m candles for the live
   * simulator; a backtest may replay coarser candles (see `candleMs`) with gaps.
   */
  samples: Record<string, readonly Candle[]>;
  /** Length of the sample candles, ms (default 60,000: 1-minute candles). */
  candleMs?: number;
  clock: Clock;
  timers: Timers;
  /** Market time per real time: 1, 10, 60, 600 or any positive number. */
  speed: number;
  /** Fee rate for resting limit fills; default 0.001 (0.1%). */
  makerFee?: number;
  /** Fee rate for market orders and marketable limits; default 0.001 (0.1%). */
  takerFee?: number;
  /** Market fills pay / receive this much worse than the price showing (the open); default 0. */
  slippageBps?: number;
  /**
   * Resting (maker) fills of one candle take at most this share (0, 1] of its volume between
   * them, so a large limit order fills over several candles. Default: no cap.
   */
  liquidityShare?: number;
  /**
   * When market orders placed between candles fill: at the next candle's open (default, no
   * look-ahead) or at the close of the candle that was just played (the signal candle).
   */
  marketFill?: 'next-open' | 'signal-close';
  /** Amount step of every market (default AMOUNT_STEP); backtests use e.g. 1 for whole units. */
  amountStep?: number;
  /** Sample index of the first candle to play (default START_INDEX); backtests start early. */
  startIndex?: number;
  /**
   * Closed orders and trades kept for fetchOrder, fetchOrderByClientId and fetchMyTrades
   * (default 1,000 each: enough to reconcile after a reload). A backtest, which never reloads,
   * keeps fewer: records that outlive many fills are moved to the old generation by the garbage
   * collector only to die there.
   */
  kept?: KeptHistory;
  /** Starting total per currency, e.g. { USDT: 10_000 }. Ignored when resuming from `state`. */
  balances: Record<string, number>;
  /** A state from onStateChange / getState, to continue exactly where it left off. */
  state?: SimulatorState;
  /** Called with a copy of the state after each played candle and each order change. */
  onStateChange?: (state: SimulatorState) => void;
  /** For tests: consulted before each request; a returned error is thrown. */
  faults?: { failNext?(method: string): ExchangeError | undefined };
}

export interface SimulatedExchange extends ExchangePort {
  readonly exchangeId: 'simulated';
  /** Starts (or resumes) the replay timers. */
  start(): void;
  /** Stops the replay and cancels its timers; market time stands still until start(). */
  stop(): void;
  setSpeed(speed: number): void;
  /** Plays the forming candle now and stops at the next one's open (a backtest's step; stopped only). */
  playNext(): void;
  getSpeed(): number;
  isRunning(): boolean;
  /** Current market time, UTC ms. */
  getMarketTime(): TimestampMs;
  /** The last price shown for `symbol` (what ticks last showed). */
  getLastPrice(symbol: string): number;
  /** A copy of the current state (what onStateChange reports). */
  getState(): SimulatorState;
}

export function createSimulatedExchange(options: SimulatedExchangeOptions): SimulatedExchange {
  const series = createReplaySeries(options.samples, options.candleMs);
  const slippageBps = options.slippageBps ?? 0;
  const fees = { maker: options.makerFee ?? 0.001, taker: options.takerFee ?? 0.001 };
  for (const [name, value] of Object.entries({ ...fees, slippageBps })) {
    if (!(Number.isFinite(value) && value >= 0)) throw new Error(`${name} must be >= 0`);
  }
  const share = options.liquidityShare;
  if (share !== undefined && !(Number.isFinite(share) && share > 0 && share <= 1)) {
    throw new Error('liquidityShare must be in (0, 1]');
  }
  const markets: Record<string, Market> = Object.fromEntries(
    series.symbols.map((symbol) => [symbol, createMarket(symbol, fees, options.amountStep)]),
  );
  let state: SimulatorState;
  if (options.state) {
    assertResumableState(options.state, series.length);
    state = adoptState(options.state);
  } else {
    state = createInitialState(
      options.balances,
      Math.min(options.startIndex ?? START_INDEX, series.length - 1),
      series.length,
    );
  }
  const account = createAccount(state, markets, {
    slippageBps,
    liquidityShare: share,
    pointMs: series.candleMs / PATH_POINTS,
    ...(options.kept ? { kept: options.kept } : {}),
  });
  const listeners = createListeners();

  const reportState = (): void => {
    if (options.onStateChange) options.onStateChange(copyState(state));
  };

  /** The candle being played and its changes, per symbol (reused: one array each, not per candle). */
  const playedCandles: Candle[] = new Array<Candle>(series.symbols.length);
  const playedChanges: AccountChanges[] = new Array<AccountChanges>(series.symbols.length);
  const driver = createReplayDriver({
    series,
    clock: options.clock,
    timers: options.timers,
    speed: options.speed,
    cursor: state.cursor.loop * series.length + state.cursor.index,
    onTick: (tick) => listeners.tick(tick),
    hasTickListeners: (symbol) => listeners.hasTickListeners(symbol),
    onPlay: (index) => {
      const time = series.timeOf(index);
      const { symbols } = series;
      for (let at = 0; at < symbols.length; at++) {
        const symbol = symbols[at] as string;
        const candle = series.candleAt(symbol, index);
        playedCandles[at] = candle;
        playedChanges[at] = account.playCandle(
          symbol,
          series.pathAt(symbol, index),
          time,
          candle.volume,
        );
      }
      const next = index + 1;
      // Changed in place: the state handed out is always a copy (copyState).
      state.cursor.index = next % series.length;
      state.cursor.loop = Math.floor(next / series.length);
      for (let at = 0; at < symbols.length; at++) {
        const { orders, trades } = playedChanges[at] as AccountChanges;
        // Each trade before its order's update, so an order seen closed has its fill known.
        // Indexed loops here and on other per-candle paths: on Node 20, for…of over these
        // (often frozen) arrays calls the iterator and allocates a result per step.
        for (let item = 0; item < trades.length; item++)
          listeners.trade(trades[item] as ExchangeTrade);
        for (let item = 0; item < orders.length; item++)
          listeners.order(orders[item] as ExchangeOrder);
      }
      for (let at = 0; at < symbols.length; at++) {
        listeners.candle(playedCandles[at] as Candle, symbols[at] as string);
      }
      reportState();
    },
  });

  const marketTime = (): number => Math.floor(driver.marketTime());
  const requireMarket = (symbol: string): Market => {
    const market = markets[symbol];
    if (!market) throw new ExchangeError('invalid_order', `Unknown symbol ${symbol}`);
    return market;
  };
  const checkFaults = (method: string): void => {
    const error = options.faults?.failNext?.(method);
    if (error) throw error;
  };

  return {
    exchangeId: 'simulated',
    supportsNativeStops: true,

    async loadMarkets() {
      checkFaults('loadMarkets');
      return Object.fromEntries(
        Object.entries(markets).map(([symbol, market]) => [symbol, structuredClone(market)]),
      );
    },

    async fetchBalance() {
      checkFaults('fetchBalance');
      return account.balances();
    },

    async fetchOHLCV(symbol, timeframe, since, limit) {
      checkFaults('fetchOHLCV');
      requireMarket(symbol);
      return fetchClosedCandles(series, symbol, driver.cursor, { timeframe, since, limit });
    },

    async createOrder(request) {
      checkFaults('createOrder');
      const hasMarket = markets[request.symbol] !== undefined;
      // Signal close: an order placed between candles fills at the close just played.
      const fillPrice =
        options.marketFill === 'signal-close' &&
        hasMarket &&
        request.type === 'market' &&
        driver.shownPoint() === 0 &&
        driver.cursor > 0
          ? series.pathAt(request.symbol, driver.cursor - 1)[3]
          : undefined;
      const lastPrice = fillPrice ?? (hasMarket ? driver.lastPrice(request.symbol) : Number.NaN);
      const order = account.place(request, marketTime(), lastPrice, driver.shownPoint(), fillPrice);
      listeners.order(order);
      reportState();
      return order;
    },

    async cancelOrder(id, symbol) {
      checkFaults('cancelOrder');
      const order = account.cancel(id, symbol);
      listeners.order(order);
      reportState();
      return order;
    },

    async fetchOrder(id, symbol) {
      checkFaults('fetchOrder');
      const order = account.findOrder(id, symbol);
      if (!order) throw new ExchangeError('order_not_found', `No order ${id} on ${symbol}`);
      return order;
    },

    async fetchOrderByClientId(clientOrderId, symbol) {
      checkFaults('fetchOrderByClientId');
      return account.findByClientId(clientOrderId, symbol);
    },

    async fetchOpenOrders(symbol) {
      checkFaults('fetchOpenOrders');
      return account.openOrders(symbol);
    },

    async fetchMyTrades(symbol, since) {
      checkFaults('fetchMyTrades');
      return account.trades(symbol, since);
    },

    watchCandles(symbol, onCandle) {
      requireMarket(symbol);
      return listeners.onCandle(symbol, onCandle);
    },

    watchTicks(symbol: string, onTick: (tick: PriceTick) => void): Unsubscribe {
      requireMarket(symbol);
      return listeners.onTick(symbol, onTick);
    },

    watchMyTrades(onTrade: (trade: ExchangeTrade) => void) {
      return listeners.onTrade(onTrade);
    },

    watchOrders(onOrder: (order: ExchangeOrder) => void) {
      return listeners.onOrder(onOrder);
    },

    start: () => driver.start(),
    stop: () => driver.stop(),
    setSpeed: (speed) => driver.setSpeed(speed),
    playNext: () => driver.playNext(),
    getSpeed: () => driver.speed,
    isRunning: () => driver.isRunning,
    getMarketTime: marketTime,
    getLastPrice(symbol) {
      requireMarket(symbol);
      return driver.lastPrice(symbol);
    },
    getState: () => copyState(state),
  };
}
