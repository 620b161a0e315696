/**
 * The runtime of one bot: feeds closed candles to its strategy, routes the strategy's intents
 * through the risk gate to the order manager, applies fills to the bot's own ledger (persisted
 * atomically with the fill and the order), records equity and events. Pure and deterministic:
 * time, timers, the exchange and the store are injected. Every input goes through one serial
 * queue. The same runtime drives live, simulated and backtest runs.
 */
import type { Bot, BotEventType } from '../bot/types';
import type { ExchangePort } from '../exchangePort';
import type { Candle } from '../market/candle';
import { formatAmount, formatPrice, formatQuote } from '../market/formatForMarket';
import type { Market } from '../market/types';
import type { OrderRecord } from '../orders/journal';
import { shapeOrder } from '../orders/shape';
import { applyOrderEvent } from '../orders/stateMachine';
import type { ExchangeOrder, ExchangeTrade, OrderIntent } from '../orders/types';
import { applyFill, createLedger, ledgerEquity } from '../portfolio/ledger';
import type { Fill, Ledger } from '../portfolio/types';
import { checkOrder, reservedCash, reservedPosition } from '../risk/preTrade';
import { validateParams } from '../strategy/params';
import type {
  RunnableStrategy,
  StrategyContext,
  StrategyFill,
  StrategyResult,
} from '../strategy/types';
import type { Clock, Timers } from '../time';
import { timeframeMs } from '../market/timeframe';
import { createOrderManager, type NewOrder } from './orderManager';
import { applyEntryGate, type EntryGate } from './entryGate';
import { createRiskWiring } from './riskWiring';
import { createSerialQueue } from './serialQueue';
import type { BotStore } from './store';

/**
 * Headroom kept when sizing a market buy with all available cash: the order fills at the next
 * candle's open, which may be above the last close. 1% covers typical 1-minute gaps on BTC.
 */
export const MARKET_BUY_BUFFER = 0.01;

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
}

export interface BotRuntime {
  readonly botId: string;
  /** Loads the ledger and journal, applies fills missed while away, reconciles, warms up. */
  init(mode: RuntimeMode): Promise<void>;
  handleCandle(candle: Candle): Promise<void>;
  handleTrade(trade: ExchangeTrade): Promise<void>;
  handleOrderUpdate(order: ExchangeOrder): Promise<void>;
  setMode(mode: 'running' | 'paused'): Promise<void>;
  stop(options: { cancelOrders: boolean; closePosition: boolean }): Promise<void>;
  cancelOrder(clientOrderId: string): Promise<void>;
  /** Whether this runtime made the order with this client order id. */
  owns(clientOrderId: string): boolean;
  snapshot(): RuntimeSnapshot;
  /** Resolves once every input queued so far has been processed. */
  idle(): Promise<void>;
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
  const seenTrades = new Set<string>();
  let ledger: Ledger = createLedger({
    base: market.base,
    quote: market.quote,
    cash: bot.config.allocation,
  });
  let mode: RuntimeMode = 'stopped';
  let lastCandleTime = -Infinity;
  let lastPrice = 0;
  let isWarmup = false;
  /** Open time of the last candle decided on before this runtime started (from the store). */
  let decidedUntil = -Infinity;
  let isReleased = false;

  /** Gives the strategy its `dispose` once: it is never called again after this. */
  const release = () => {
    if (isReleased) return;
    isReleased = true;
    strategy.dispose?.(strategyState);
  };

  const emit = (type: BotEventType, message: string, data?: Record<string, unknown>) =>
    store.appendEvent({ botId, time: clock.now(), type, message, data });

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
  });

  const snapshot = (): RuntimeSnapshot => ({
    botId,
    mode,
    ledger,
    price: lastPrice,
    equity: ledgerEquity(ledger, lastPrice),
    time: lastCandleTime,
    openOrders: orders.openOrders(),
  });

  const context = (): StrategyContext => {
    const open = orders.openOrders();
    return {
      params,
      // Dust below the market's amount step cannot be sold: the strategy sees it as flat.
      position:
        ledger.position >= market.precision.amount
          ? { amount: ledger.position, averageEntry: ledger.averageEntry }
          : { amount: 0, averageEntry: 0 },
      openOrders: open.map((order) => ({
        clientOrderId: order.clientOrderId,
        side: order.side,
        type: order.type,
        price: order.price,
        amount: order.amount,
        filled: order.filled,
        tag: order.tag,
      })),
      allocation: bot.config.allocation,
      cash: ledger.cash - reservedCash(open, lastPrice, market.taker),
      equity: ledgerEquity(ledger, lastPrice),
      isWarmup,
      log: (message) => {
        if (!isWarmup) void emit('strategy_log', message);
      },
    };
  };

  const fail = async (message: string) => {
    mode = 'error';
    release();
    await emit('error', message);
    options.onError?.(message);
  };

  /** Calls into strategy code; a throw puts only this bot into the error state. */
  const callStrategy = async (
    call: () => StrategyResult | Promise<StrategyResult>,
  ): Promise<OrderIntent[]> => {
    try {
      return (await call()) ?? [];
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await fail(`Strategy ${strategy.name} failed: ${message}`);
      return [];
    }
  };

  /** Turns an intent into an order, or the reason it cannot be one; undefined = nothing to do. */
  const sizeIntent = (intent: OrderIntent): NewOrder | { reject: string } | undefined => {
    const open = orders.openOrders();
    switch (intent.kind) {
      case 'enter_long': {
        // One market entry at a time: a second one before the first fills would double it.
        if (open.some((order) => order.side === 'buy' && order.type === 'market')) return undefined;
        const free = ledger.cash - reservedCash(open, lastPrice, market.taker);
        const quote = intent.quote ?? free;
        if (quote > free * (1 + 1e-9)) {
          return {
            reject: `enter long needs ${formatQuote(market, quote)}, only ${formatQuote(market, Math.max(0, free))} is free`,
          };
        }
        // Spend the requested quote; keep the gap buffer only where it would exceed free cash.
        const unitCost = lastPrice * (1 + market.taker);
        const amount = Math.min(quote / unitCost, free / (unitCost * (1 + MARKET_BUY_BUFFER)));
        return { side: 'buy', type: 'market', amount, tag: intent.tag };
      }
      case 'exit_long': {
        const sellable = ledger.position - reservedPosition(open);
        if (sellable < market.precision.amount) return undefined;
        return {
          side: 'sell',
          type: 'market',
          amount: sellable * (intent.fraction ?? 1),
          tag: intent.tag,
        };
      }
      case 'place_limit':
        return {
          side: intent.side,
          type: 'limit',
          amount: intent.amount,
          price: intent.price,
          tag: intent.tag,
        };
      default:
        return undefined;
    }
  };

  /** Cancels a resting limit order and returns the order that replaces it, if any. */
  const amendOrder = async (intent: Extract<OrderIntent, { kind: 'amend' }>) => {
    const order = orders.get(intent.clientOrderId);
    if (!order || order.type !== 'limit' || !orders.openOrders().includes(order)) {
      await emit(
        'risk_rejected',
        `amend not applied: ${intent.clientOrderId} is not an open limit order`,
      );
      return undefined;
    }
    const canceled = await orders.cancel(order.clientOrderId, 'Amended by the strategy');
    if (canceled?.state !== 'canceled') return undefined;
    const amount = intent.amount ?? order.amount - canceled.filled;
    return {
      side: order.side,
      type: 'limit' as const,
      amount,
      price: intent.price ?? order.price,
      tag: order.tag,
    };
  };

  const processIntents = async (intents: OrderIntent[]) => {
    for (const intent of intents) {
      if (mode === 'error' || mode === 'stopped') return;
      if (intent.kind === 'cancel') {
        await orders.cancel(intent.clientOrderId, 'Canceled by the strategy');
        continue;
      }
      if (intent.kind === 'cancel_all') {
        for (const order of orders.openOrders())
          await orders.cancel(order.clientOrderId, 'Canceled by the strategy');
        continue;
      }
      const sized = intent.kind === 'amend' ? await amendOrder(intent) : sizeIntent(intent);
      if (sized === undefined) continue;
      if ('reject' in sized) {
        await emit('risk_rejected', `${intent.kind} not placed: ${sized.reject}`, {
          intent: intent.kind,
        });
        continue;
      }
      const shaped = shapeOrder(market, { ...sized, referencePrice: lastPrice });
      if (!shaped.ok) {
        await emit('risk_rejected', `${intent.kind} not placed: ${shaped.reason}`, {
          intent: intent.kind,
        });
        continue;
      }
      const limited = await risk.limit(sized, shaped, {
        referencePrice: lastPrice,
        nowMs: lastCandleTime + timeframeMs(bot.config.timeframe),
        label: intent.kind,
      });
      if (!limited) continue;
      const gated = await applyEntryGate(options.entryGate, market, sized, limited, {
        referencePrice: lastPrice,
        label: intent.kind,
        emit,
      });
      if (!gated) continue;
      const reason = checkOrder({
        ledger,
        openOrders: orders.openOrders(),
        side: sized.side,
        amount: gated.amount,
        price: gated.price ?? lastPrice,
        feeRate: sized.type === 'market' ? market.taker : market.maker,
        buffer: sized.type === 'market' ? MARKET_BUY_BUFFER / 2 : 0,
        isPaused: mode === 'paused',
      });
      if (reason) {
        await emit('risk_rejected', `${intent.kind} not placed: ${reason}`, {
          intent: intent.kind,
        });
        continue;
      }
      await emit(
        'signal',
        `${strategy.name}: ${intent.kind.replace('_', ' ')}${'tag' in intent && intent.tag ? ` (${intent.tag})` : ''}`,
      );
      await orders.submit({ ...sized, amount: gated.amount, price: gated.price });
    }
  };

  const applyTrade = async (trade: ExchangeTrade): Promise<StrategyFill | undefined> => {
    if (!orders.owns(trade.clientOrderId) || seenTrades.has(trade.id)) return undefined;
    const order = orders.get(trade.clientOrderId);
    if (!order) return undefined;
    // Already recorded (e.g. seen again while reconciling after a restart): apply nothing twice.
    if (await store.hasFill(bot.config.accountId, trade.id)) {
      seenTrades.add(trade.id);
      return undefined;
    }
    const fill: Fill = {
      tradeId: trade.id,
      clientOrderId: trade.clientOrderId,
      time: trade.timestamp,
      side: trade.side,
      price: trade.price,
      amount: trade.amount,
      fee: trade.fee.cost,
      feeCurrency: trade.fee.currency,
      takerOrMaker: trade.takerOrMaker,
    };
    const feeInQuote = fill.feeCurrency === market.quote ? fill.fee : fill.fee * fill.price;
    const nextOrder = applyOrderEvent(
      order,
      { type: 'fill', amount: fill.amount, price: fill.price, fee: feeInQuote },
      clock.now(),
    );
    const nextLedger = applyFill(ledger, fill);
    const isNew = await store.recordFill(bot.config.accountId, botId, fill, nextOrder, nextLedger);
    seenTrades.add(trade.id);
    if (!isNew) return undefined;
    const previous = ledger;
    ledger = nextLedger;
    orders.replace(nextOrder);
    await risk.afterFill(previous, nextLedger, fill, order.type);
    await emit(
      'order_filled',
      `Filled ${fill.side} ${formatAmount(market, fill.amount)} at ${formatPrice(market, fill.price)} (fee ${formatQuote(market, feeInQuote)})`,
      {
        clientOrderId: fill.clientOrderId,
        tradeId: fill.tradeId,
        price: fill.price,
        amount: fill.amount,
      },
    );
    return { ...fill, fee: feeInQuote, tag: order.tag };
  };

  /** `closedByRisk`: a protective exit sold everything on this candle; no buys on it. */
  const feedCandle = async (candle: Candle, closedByRisk = false) => {
    lastCandleTime = candle.time;
    lastPrice = candle.close;
    // A strategy that failed (or was released) is never called again.
    if (mode === 'error' || isReleased) return;
    const intents = await callStrategy(() => strategy.onCandle(strategyState, candle, context()));
    const isBuy = (intent: OrderIntent) =>
      intent.kind === 'enter_long' || (intent.kind === 'place_limit' && intent.side === 'buy');
    if (!isWarmup)
      await processIntents(closedByRisk ? intents.filter((intent) => !isBuy(intent)) : intents);
  };

  return {
    botId,
    owns: (clientOrderId) => orders.owns(clientOrderId),
    snapshot,
    idle: () => queue.idle(),

    init: (initialMode) =>
      queue.run(async () => {
        const runtimeState = await store.loadRuntimeState(botId);
        risk.load(runtimeState);
        const stored = await store.loadLedger(botId);
        if (stored) ledger = stored;
        else await store.saveLedger(botId, ledger);
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
        options.onUpdate?.(snapshot());
      }),

    handleCandle: (candle) =>
      queue.run(async () => {
        if (candle.time <= lastCandleTime || mode === 'stopped' || mode === 'error') return;
        if (candle.time <= decidedUntil) {
          // Decided on before a restart (the market replays it): update the strategy, trade nothing.
          isWarmup = true;
          await feedCandle(candle);
          isWarmup = false;
          return;
        }
        if (orders.openOrders().some((order) => order.state === 'new')) await orders.reconcile();
        // Protective exits come first, and keep working while the bot is paused.
        const closedByRisk = await risk.protect(candle);
        await feedCandle(candle, closedByRisk);
        await store.appendEquity({
          botId,
          time: candle.time,
          equity: ledgerEquity(ledger, candle.close),
          price: candle.close,
        });
        await risk.save(candle.time);
        options.onUpdate?.(snapshot());
      }),

    handleTrade: (trade) =>
      queue.run(async () => {
        const fill = await applyTrade(trade);
        if (!fill) return;
        if ((mode === 'running' || mode === 'paused') && !isReleased) {
          const onFill = strategy.onFill;
          if (onFill)
            await processIntents(await callStrategy(() => onFill(strategyState, fill, context())));
        }
        options.onUpdate?.(snapshot());
      }),

    handleOrderUpdate: (order) => queue.run(() => orders.applyExchangeStatus(order)),

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
            referencePrice: lastPrice,
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
