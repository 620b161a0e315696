/**
 * The runtime of one bot: feeds closed candles to its strategy, routes the strategy's intents
 * through the risk gate to the order manager, applies fills to the bot's own ledger (persisted
 * atomically with the fill and the order), records equity and events. Pure and deterministic:
 * time, timers, the exchange and the store are injected. Every input goes through one serial
 * queue. The same runtime drives live, simulated and backtest runs. Intent sizing lives in
 * intents.ts, fill application in fills.ts, orders in orderManager.ts, risk in riskWiring.ts.
 */
import type { Bot, BotEventType } from '../bot/types';
import type { ExchangePort } from '../exchangePort';
import type { Candle } from '../market/candle';
import { timeframeMs } from '../market/timeframe';
import type { Market } from '../market/types';
import type { OrderRecord } from '../orders/journal';
import { shapeOrder } from '../orders/shape';
import type { ExchangeOrder, ExchangeTrade, OrderIntent } from '../orders/types';
import { createLedger, ledgerEquity } from '../portfolio/ledger';
import type { Ledger } from '../portfolio/types';
import { reservedCash, reservedPosition } from '../risk/preTrade';
import { validateParams } from '../strategy/params';
import type {
  OpenOrderView,
  RunnableStrategy,
  StrategyContext,
  StrategyFill,
  StrategyResult,
} from '../strategy/types';
import { flatString } from '../flatString';
import type { Clock, Timers } from '../time';
import { createOrderManager } from './orderManager';
import { createPlotRecorder } from './plots';
import { createFillApplier } from './fills';
import { createIntentProcessor } from './intents';
import type { EntryGate } from './entryGate';
import { createRiskWiring } from './riskWiring';
import { andThen, isPromise, thenCall, type MaybePromise } from './maybePromise';
import { createRefusalFold } from './refusalFold';
import { createSerialQueue } from './serialQueue';
import type { BotStore } from './store';

export { MARKET_BUY_BUFFER } from './intents';

/** `T` with its fields writable (the runtime's own copy of a readonly view). */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** What a strategy that asked for nothing asked for (shared: never changed). */
const NO_INTENTS: readonly OrderIntent[] = Object.freeze([]);

export type RuntimeMode = 'running' | 'paused' | 'stopped' | 'error';

export interface RuntimeSnapshot {
  botId: string;
  mode: RuntimeMode;
  ledger: Ledger;
  price: number;
  equity: number;
  time: number;
  openOrders: OrderRecord[];
}

export interface BotRuntimeOptions {
  bot: Bot;
  strategy: RunnableStrategy;
  market: Market;
  exchange: ExchangePort;
  store: BotStore;
  clock: Clock;
  timers: Timers;
  /** Called after every processed candle and fill. */
  onUpdate?: (snapshot: RuntimeSnapshot) => void;
  /** Called when the strategy throws or the bot cannot continue; the host records the error. */
  onError?: (message: string) => void;
  /** The host's account/portfolio gate on strategy buys (circuit breakers, exposure caps). */
  entryGate?: EntryGate;
  /** Store what the strategy plots with each equity point (bots: yes; backtests: no). */
  recordPlots?: boolean;
}

export interface BotRuntime {
  readonly botId: string;
  /** Loads the ledger and journal, applies fills missed while away, reconciles, warms up. */
  init(mode: RuntimeMode): Promise<void>;
  handleCandle(candle: Candle): Promise<void>;
  /** Queues `candle` as handleCandle does, with no promise to wait on (a backtest's candles). */
  postCandle(candle: Candle): void;
  handleTrade(trade: ExchangeTrade): Promise<void>;
  /** Queues `trade` as handleTrade does, with no promise to wait on (a backtest's fills). */
  postTrade(trade: ExchangeTrade): void;
  handleOrderUpdate(order: ExchangeOrder): Promise<void>;
  /** Queues `order` as handleOrderUpdate does, with no promise to wait on (a backtest's). */
  postOrderUpdate(order: ExchangeOrder): void;
  /**
   * The price trading now (a tick), at market `time`. Orders placed after the last closed
   * candle are sized and checked against it rather than that candle's close once it is newer
   * than the candle's end: after a gap (a daily candle's next open) the two can differ a lot.
   * Synchronous; without it, orders are sized at the last close.
   */
  notePrice(price: number, time: number): void;
  setMode(mode: 'running' | 'paused'): Promise<void>;
  stop(options: { cancelOrders: boolean; closePosition: boolean }): Promise<void>;
  cancelOrder(clientOrderId: string): Promise<void>;
  /** Whether this runtime made the order with this client order id. */
  owns(clientOrderId: string): boolean;
  snapshot(): RuntimeSnapshot;
  /** Resolves once every input queued so far has been processed. */
  idle(): Promise<void>;
  /**
   * Processes the queued inputs now, as far as they complete synchronously (a backtest calls it
   * after each candle); returns a promise only when one of them has to wait (see SerialQueue).
   */
  flush(): Promise<void> | undefined;
  /**
   * Unloads the runtime: after the inputs queued so far, releases the strategy's resources
   * (`strategy.dispose`, e.g. a custom strategy's worker). The runtime takes no input after it.
   */
  dispose(): Promise<void>;
}

export function createBotRuntime(options: BotRuntimeOptions): BotRuntime {
  const { bot, strategy, market, exchange, store, clock } = options;
  const queue = createSerialQueue();
  const botId = bot.id;
  const validated = validateParams(strategy, bot.config.params);
  if (!validated.ok) {
    throw new Error(
      `Invalid parameters for ${strategy.name}: ${validated.errors.map((e) => e.message).join('; ')}`,
    );
  }
  const params = validated.values;
  const strategyState: unknown = strategy.init(params);
  let ledger: Ledger = createLedger({
    base: market.base,
    quote: market.quote,
    cash: bot.config.allocation,
  });
  let mode: RuntimeMode = 'stopped';
  /**
   * The last candle's open time and close, and the last price noted (notePrice) with its market
   * time (-Infinity before the first). Fields of one object rather than `let`s: V8 boxes each
   * number written to a closure variable in a new heap object, but updates a number field in
   * place, and these are written on every candle.
   */
  const last = { candleTime: -Infinity, price: 0, notedPrice: 0, notedTime: -Infinity };
  const candleMs = timeframeMs(bot.config.timeframe);
  /** What orders are sized at: a price noted after the last candle ended, else its close. */
  const orderPrice = () =>
    last.notedTime !== -Infinity && last.notedTime >= last.candleTime + candleMs
      ? last.notedPrice
      : last.price;
  let isWarmup = false;
  /** Open time of the last candle decided on before this runtime started (from the store). */
  let decidedUntil = -Infinity;
  let isReleased = false;
  /** Fills (ledger.tradeCount) the strategy has been told about through onFill. */
  let notifiedTradeCount = 0;
  const plots = createPlotRecorder(options.recordPlots ?? false);

  /** Gives the strategy its `dispose` once: it is never called again after this. */
  const release = () => {
    if (isReleased) return;
    isReleased = true;
    strategy.dispose?.(strategyState);
  };

  const refusals = createRefusalFold();
  /** Appends an event to the bot's timeline; repeated refusals are folded (refusalFold.ts). */
  const emit = (
    type: BotEventType,
    message: string,
    data?: Record<string, unknown>,
  ): MaybePromise<void> => {
    let logged: string | undefined = message;
    if (type === 'risk_rejected') logged = refusals.take(message, last.candleTime);
    else if (type === 'order_placed' || type === 'order_filled') refusals.reset();
    if (logged === undefined) return;
    const event = { botId, time: clock.now(), type, message: flatString(logged), data };
    return store.appendEvent(event);
  };

  const orders = createOrderManager({
    botId,
    accountId: bot.config.accountId,
    shortId: bot.shortId,
    market,
    exchange,
    store,
    clock,
    timers: options.timers,
    configVersion: () => bot.configVersion,
    emit,
  });

  const risk = createRiskWiring({
    bot,
    market,
    store,
    orders,
    emit,
    ledger: () => ledger,
    isPaused: () => mode === 'paused',
    notifiedTradeCount: () => notifiedTradeCount,
    supportsNativeStops: exchange.supportsNativeStops,
  });

  const snapshot = (): RuntimeSnapshot => ({
    botId,
    mode,
    ledger,
    price: last.price,
    equity: ledgerEquity(ledger, last.price),
    time: last.candleTime,
    openOrders: [...orders.openOrders()],
  });

  const log = (message: string) => {
    if (!isWarmup) void emit('strategy_log', message);
  };

  /** What the strategy sees of its open orders; made again only when they changed. */
  let views: readonly OpenOrderView[] = Object.freeze([]);
  let viewsOf: readonly OrderRecord[] | undefined;
  const openOrderViews = (open: readonly OrderRecord[]): readonly OpenOrderView[] => {
    // The order manager hands out the same array until an order changes.
    if (viewsOf !== open) {
      viewsOf = open;
      views = Object.freeze(
        open.map((order) =>
          Object.freeze({
            clientOrderId: order.clientOrderId,
            side: order.side,
            type: order.type,
            price: order.price,
            amount: order.amount,
            filled: order.filled,
            tag: order.tag,
          }),
        ),
      );
    }
    return views;
  };

  /** What the strategy sees of its position; made again only when the ledger changed. */
  let positionLedger: Ledger | undefined;
  let position: StrategyContext['position'] = Object.freeze({ amount: 0, averageEntry: 0 });
  const positionView = (): StrategyContext['position'] => {
    if (positionLedger !== ledger) {
      positionLedger = ledger;
      // Dust below the market's amount step cannot be sold: the strategy sees it as flat.
      position = Object.freeze(
        ledger.position >= market.precision.amount
          ? { amount: ledger.position, averageEntry: ledger.averageEntry }
          : { amount: 0, averageEntry: 0 },
      );
    }
    return position;
  };

  /**
   * The context handed to the strategy, brought up to date for each call: one object per
   * runtime rather than one per candle (a backtest makes millions of calls). A strategy reads
   * it during the call; it does not keep it (see StrategyContext).
   */
  const current: Mutable<StrategyContext> = {
    params,
    position,
    openOrders: views,
    allocation: bot.config.allocation,
    cash: 0,
    equity: 0,
    isWarmup,
    log,
    plot: plots.plot,
  };
  const context = (): StrategyContext => {
    const open = orders.openOrders();
    current.position = positionView();
    current.openOrders = openOrderViews(open);
    current.cash = ledger.cash - reservedCash(open, last.price, market.taker);
    current.equity = ledgerEquity(ledger, last.price);
    current.isWarmup = isWarmup;
    return current;
  };

  const fail = async (message: string) => {
    mode = 'error';
    release();
    await emit('error', message);
    options.onError?.(message);
  };

  const strategyFailed = async (error: unknown): Promise<OrderIntent[]> => {
    const message = error instanceof Error ? error.message : String(error);
    await fail(`Strategy ${strategy.name} failed: ${message}`);
    return [];
  };

  /**
   * Calls into strategy code; a throw puts only this bot into the error state. Synchronous
   * when the strategy is (the templates), a promise when it answers later (a worker).
   */
  const callStrategy = <A>(
    call: (argument: A) => StrategyResult | Promise<StrategyResult>,
    argument: A,
  ): MaybePromise<readonly OrderIntent[]> => {
    let result: StrategyResult | Promise<StrategyResult>;
    try {
      result = call(argument);
    } catch (error) {
      return strategyFailed(error);
    }
    if (isPromise(result)) return result.then((intents) => intents ?? NO_INTENTS, strategyFailed);
    return result ?? NO_INTENTS;
  };

  // Made once, so a backtest's millions of candles make no closure each.
  const askOnCandle = (candle: Candle) => strategy.onCandle(strategyState, candle, context());

  const processIntents = createIntentProcessor({
    bot,
    market,
    strategyName: strategy.name,
    orders,
    risk,
    emit,
    ledger: () => ledger,
    lastPrice: orderPrice,
    lastCandleTime: () => last.candleTime,
    mode: () => mode,
    entryGate: options.entryGate,
  });

  const applyTrade = createFillApplier({
    botId,
    accountId: bot.config.accountId,
    market,
    orders,
    store,
    clock,
    risk,
    emit,
    ledger: () => ledger,
    setLedger: (next) => {
      ledger = next;
    },
  });

  const askOnFill = (fill: StrategyFill) =>
    (strategy.onFill as NonNullable<RunnableStrategy['onFill']>)(strategyState, fill, context());

  /** Tells the strategy about a fill and places what it asks for (while it trades). */
  const notifyStrategy = (fill: StrategyFill): MaybePromise<void> => {
    if ((mode !== 'running' && mode !== 'paused') || isReleased || !strategy.onFill) return;
    const asked = callStrategy(askOnFill, fill);
    return isPromise(asked) ? asked.then(processIntents) : processIntents(asked);
  };

  /**
   * Fills recorded but never told to the strategy — a host killed between recording a fill
   * and acting on it, or fills that happened while no host ran: told now, in order, once.
   */
  const notifyMissedFills = async () => {
    const missed = ledger.tradeCount - notifiedTradeCount;
    if (missed <= 0) return;
    for (const fill of await store.loadRecentFills(botId, missed)) {
      const fee = fill.feeCurrency === market.quote ? fill.fee : fill.fee * fill.price;
      await notifyStrategy({ ...fill, fee, tag: orders.get(fill.clientOrderId)?.tag });
    }
    notifiedTradeCount = ledger.tradeCount;
    await risk.save();
  };

  /** What the strategy plotted on the last candle it was fed (stored with its equity). */
  let plotted: Record<string, number> | undefined;

  const isBuy = (intent: OrderIntent) =>
    intent.kind === 'enter_long' || (intent.kind === 'place_limit' && intent.side === 'buy');

  /** Places what the strategy asked for on the candle it was just fed (not while warming up). */
  const placeAsked = (asked: readonly OrderIntent[], closedByRisk: boolean): MaybePromise<void> => {
    plotted = plots.take();
    if (isWarmup || asked.length === 0) return;
    return processIntents(closedByRisk ? asked.filter((intent) => !isBuy(intent)) : asked);
  };

  /** `closedByRisk`: a protective exit sold everything on this candle; no buys on it. */
  const feedCandle = (candle: Candle, closedByRisk = false): MaybePromise<void> => {
    last.candleTime = candle.time;
    last.price = candle.close;
    // A strategy that failed (or was released) is never called again.
    if (mode === 'error' || isReleased) return;
    plots.begin();
    const asked = callStrategy(askOnCandle, candle);
    return isPromise(asked)
      ? asked.then((intents) => placeAsked(intents, closedByRisk))
      : placeAsked(asked, closedByRisk);
  };

  const announceUpdate = (): void => options.onUpdate?.(snapshot());

  /** After a fill the strategy acted on: saved as told (a restart tells it again otherwise). */
  const saveAfterFill = (): MaybePromise<void> => {
    notifiedTradeCount = ledger.tradeCount;
    return thenCall(risk.save(), announceUpdate, undefined);
  };

  /** After the strategy heard of a fill: the native stop follows the position. */
  const syncAfterFill = (): MaybePromise<void> => {
    const synced =
      mode === 'running' || mode === 'paused' ? risk.syncNativeStop(last.price) : undefined;
    return thenCall(synced, saveAfterFill, undefined);
  };

  const actOnFill = (fill: StrategyFill | undefined): MaybePromise<void> =>
    fill === undefined ? undefined : thenCall(notifyStrategy(fill), syncAfterFill, undefined);

  /** One execution of the bot's orders; synchronous unless a step has to wait. */
  const takeTrade = (trade: ExchangeTrade): MaybePromise<void> => {
    const fill = applyTrade(trade);
    return isPromise(fill) ? fill.then(actOnFill) : actOnFill(fill);
  };

  /** The decided candle's equity point and the runtime state saved. */
  const recordEquity = (candle: Candle): MaybePromise<void> => {
    const equity = ledgerEquity(ledger, candle.close);
    const appended =
      plotted === undefined && store.appendEquityValues !== undefined
        ? store.appendEquityValues(botId, candle.time, equity, candle.close)
        : store.appendEquity({
            botId,
            time: candle.time,
            equity,
            price: candle.close,
            ...(plotted === undefined ? {} : { plots: plotted }),
          });
    const saved = thenCall(appended, risk.save, candle.time);
    return thenCall(saved, announceUpdate, undefined);
  };

  /** After the strategy has decided on `candle`: the native stop, equity and state saved. */
  const recordCandle = (candle: Candle): MaybePromise<void> => {
    const synced =
      mode === 'running' || mode === 'paused' ? risk.syncNativeStop(last.price) : undefined;
    return thenCall(synced, recordEquity, candle);
  };

  /** The strategy fed `candle` after the protective exits had their say. */
  const feedAndRecord = (candle: Candle, closedByRisk: boolean): MaybePromise<void> => {
    plotted = undefined;
    return thenCall(feedCandle(candle, closedByRisk), recordCandle, candle);
  };

  /** Protective exits come first, and keep working while the bot is paused. */
  const protectAndFeed = (candle: Candle): MaybePromise<void> => {
    const closedByRisk = risk.protect(candle);
    return isPromise(closedByRisk)
      ? closedByRisk.then((closed) => feedAndRecord(candle, closed))
      : feedAndRecord(candle, closedByRisk);
  };

  /** A closed candle decided on now (see handleCandle); synchronous unless a step waits. */
  const decideCandle = (candle: Candle): MaybePromise<void> => {
    if (candle.time <= last.candleTime || mode === 'stopped' || mode === 'error') return;
    if (candle.time <= decidedUntil) {
      // Decided on before a restart (the market replays it): update the strategy, trade nothing.
      isWarmup = true;
      return andThen(feedCandle(candle), () => {
        isWarmup = false;
      });
    }
    const reconciled = orders.hasUnacknowledged() ? orders.reconcile() : undefined;
    return thenCall(reconciled, protectAndFeed, candle);
  };

  return {
    botId,
    owns: (clientOrderId) => orders.owns(clientOrderId),
    snapshot,
    idle: () => queue.idle(),
    flush: () => queue.flush(),

    init: (initialMode) =>
      queue.run(async () => {
        const runtimeState = await store.loadRuntimeState(botId);
        risk.load(runtimeState);
        const stored = await store.loadLedger(botId);
        if (stored) ledger = stored;
        else await store.saveLedger(botId, ledger);
        notifiedTradeCount = runtimeState?.notifiedTradeCount ?? ledger.tradeCount;
        orders.load(await store.loadOrders(botId));
        if (orders.openOrders().length > 0) {
          // Fills that happened while no host was running: apply them before any status change.
          const trades = await exchange.fetchMyTrades(market.symbol);
          for (const trade of trades.sort((a, b) => a.timestamp - b.timestamp))
            await applyTrade(trade);
          await orders.reconcile();
        }
        risk.syncWithLedger();
        const warmup = await strategy.warmup(params, strategyState);
        const history = await exchange.fetchOHLCV(
          market.symbol,
          bot.config.timeframe,
          undefined,
          warmup + 1,
        );
        isWarmup = true;
        for (const candle of history) await feedCandle(candle);
        isWarmup = false;
        // A strategy that failed while warming up leaves the bot in the error state.
        if (mode !== 'error') mode = initialMode;
        // Loaded stopped (only to finish its orders): the strategy will not be asked again.
        if (mode === 'stopped') release();
        decidedUntil = runtimeState?.lastCandleTime ?? -Infinity;
        await notifyMissedFills();
        if (!runtimeState) await risk.announceStopEnforcement();
        if (mode === 'running' || mode === 'paused') await risk.syncNativeStop(last.price);
        options.onUpdate?.(snapshot());
      }),

    handleCandle: (candle) => queue.run(() => decideCandle(candle)),
    postCandle: (candle) => queue.post(decideCandle, candle),

    handleTrade: (trade) => queue.run(() => takeTrade(trade)),
    postTrade: (trade) => queue.post(takeTrade, trade),
    handleOrderUpdate: (order) => queue.run(() => orders.applyExchangeStatus(order)),
    postOrderUpdate: (order) => queue.post(orders.applyExchangeStatus, order),

    notePrice(price, time) {
      last.notedPrice = price;
      last.notedTime = time;
    },

    // Not queued: a pause must take effect even while candles are still waiting in the queue
    // (a busy machine at 600x). The queued work reads the mode at each step.
    setMode: async (next) => {
      if (mode === 'error') return;
      mode = next;
      options.onUpdate?.(snapshot());
    },

    stop: ({ cancelOrders, closePosition }) =>
      queue.run(async () => {
        if (cancelOrders) {
          for (const order of orders.openOrders())
            await orders.cancel(order.clientOrderId, 'Bot stopped');
        }
        if (closePosition) {
          const sellable = ledger.position - reservedPosition(orders.openOrders());
          const shaped = shapeOrder(market, {
            side: 'sell',
            type: 'market',
            amount: sellable,
            referencePrice: last.price,
          });
          if (shaped.ok)
            await orders.submit({
              side: 'sell',
              type: 'market',
              amount: shaped.amount,
              tag: 'close-on-stop',
            });
          else if (sellable > 0)
            await emit('risk_rejected', `Position not closed: ${shaped.reason}`);
        }
        mode = 'stopped';
        // A stopped runtime never calls its strategy again (a restart makes a new runtime).
        release();
        options.onUpdate?.(snapshot());
      }),

    dispose: () =>
      queue.run(async () => {
        release();
      }),

    cancelOrder: (clientOrderId) =>
      queue.run(async () => {
        await orders.cancel(clientOrderId, 'Canceled by the user');
      }),
  };
}
