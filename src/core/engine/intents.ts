/**
 * From a strategy's intents to orders: sizes each intent against the bot's own free cash and
 * position, shapes it to the market, applies the pre-trade limits and the gate, and hands what
 * passes to the order manager (cancel, cancel-all and amend go straight to it). Every refusal
 * is a `risk_rejected` event with the reason. Part of the bot runtime; called from its queue.
 */
import type { Bot, BotEventType } from '../bot/types';
import { formatQuote } from '../market/formatForMarket';
import { timeframeMs } from '../market/timeframe';
import type { Market } from '../market/types';
import { shapeOrder } from '../orders/shape';
import type { OrderIntent } from '../orders/types';
import type { Ledger } from '../portfolio/types';
import { checkOrder, reservedCash, reservedPosition } from '../risk/preTrade';
import { ignore, isPromise, thenCall, type MaybePromise } from './maybePromise';
import type { NewOrder, OrderManager } from './orderManager';
import type { RiskWiring } from './riskWiring';
import { applyEntryGate, type EntryGate } from './entryGate';

/**
 * Headroom kept when sizing a market buy with all available cash: the order fills at the next
 * candle's open, which may be above the last close. 1% covers typical 1-minute gaps on BTC.
 */
export const MARKET_BUY_BUFFER = 0.01;

export interface IntentProcessorOptions {
  bot: Bot;
  market: Market;
  strategyName: string;
  orders: OrderManager;
  risk: RiskWiring;
  emit: (type: BotEventType, message: string, data?: Record<string, unknown>) => MaybePromise<void>;
  ledger: () => Ledger;
  /** The last closed candle's close: the reference price of market orders. */
  lastPrice: () => number;
  /** Open time of the last closed candle. */
  lastCandleTime: () => number;
  mode: () => 'running' | 'paused' | 'stopped' | 'error';
  /** The host's account/portfolio gate on strategy buys (circuit breakers, exposure caps). */
  entryGate?: EntryGate;
}

/** Returns `processIntents`: places what `intents` ask for, in order, while the bot trades. */
export function createIntentProcessor(
  options: IntentProcessorOptions,
): (intents: readonly OrderIntent[]) => MaybePromise<void> {
  const { bot, market, strategyName, orders, risk, emit, ledger, lastPrice, lastCandleTime, mode } =
    options;

  /** Turns an intent into an order, or the reason it cannot be one; undefined = nothing to do. */
  const sizeIntent = (intent: OrderIntent): NewOrder | { reject: string } | undefined => {
    const open = orders.openOrders();
    switch (intent.kind) {
      case 'enter_long': {
        // One market entry at a time: a second one before the first fills would double it.
        if (open.some((order) => order.side === 'buy' && order.type === 'market')) return undefined;
        const free = ledger().cash - reservedCash(open, lastPrice(), market.taker);
        const quote = intent.quote ?? free;
        if (quote > free * (1 + 1e-9)) {
          return {
            reject: `enter long needs ${formatQuote(market, quote)}, only ${formatQuote(market, Math.max(0, free))} is free`,
          };
        }
        // Spend the requested quote; keep the gap buffer only where it would exceed free cash.
        const unitCost = lastPrice() * (1 + market.taker);
        const amount = Math.min(quote / unitCost, free / (unitCost * (1 + MARKET_BUY_BUFFER)));
        return { side: 'buy', type: 'market', amount, tag: intent.tag };
      }
      case 'exit_long': {
        const sellable = ledger().position - reservedPosition(open);
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

  /** A `risk_rejected` event saying why `intent` was not placed. */
  const refuse = (intent: OrderIntent, reason: string) =>
    emit('risk_rejected', `${intent.kind} not placed: ${reason}`, { intent: intent.kind });

  /**
   * Risk limits, the entry gate and the pre-trade check, then the order: each step may wait,
   * and the whole is synchronous when none has to (a backtest's in-memory store and exchange).
   */
  const placeSized = (
    intent: OrderIntent,
    sized: NewOrder,
    shaped: Extract<ReturnType<typeof shapeOrder>, { ok: true }>,
  ): MaybePromise<void> => {
    const limited = risk.limit(sized, shaped, {
      referencePrice: lastPrice(),
      nowMs: lastCandleTime() + timeframeMs(bot.config.timeframe),
      label: intent.kind,
    });
    return isPromise(limited)
      ? limited.then((allowed) => gateLimited(intent, sized, allowed))
      : gateLimited(intent, sized, limited);
  };

  /** What the risk limits let through, past the entry gate. */
  const gateLimited = (
    intent: OrderIntent,
    sized: NewOrder,
    limited: { amount: number; price?: number } | undefined,
  ): MaybePromise<void> => {
    if (!limited) return;
    const gated = applyEntryGate(options.entryGate, market, sized, limited, {
      referencePrice: lastPrice(),
      label: intent.kind,
      emit,
    });
    return isPromise(gated)
      ? gated.then((allowed) => checkAndSubmit(intent, sized, allowed))
      : checkAndSubmit(intent, sized, gated);
  };

  /** What the gate let through: the pre-trade check, the `signal` event, and the order. */
  const checkAndSubmit = (
    intent: OrderIntent,
    sized: NewOrder,
    gated: { amount: number; price?: number } | undefined,
  ): MaybePromise<void> => {
    if (!gated) return;
    const reason = checkOrder({
      ledger: ledger(),
      openOrders: orders.openOrders(),
      side: sized.side,
      amount: gated.amount,
      price: gated.price ?? lastPrice(),
      feeRate: sized.type === 'market' ? market.taker : market.maker,
      buffer: sized.type === 'market' ? MARKET_BUY_BUFFER / 2 : 0,
      isPaused: mode() === 'paused',
    });
    if (reason) return refuse(intent, reason);
    const signaled = emit(
      'signal',
      `${strategyName}: ${intent.kind.replace('_', ' ')}${'tag' in intent && intent.tag ? ` (${intent.tag})` : ''}`,
    );
    return thenCall(signaled, submit, {
      side: sized.side,
      type: sized.type,
      amount: gated.amount,
      price: gated.price,
      triggerPrice: sized.triggerPrice,
      tag: sized.tag,
    });
  };

  /** Hands an order to the order manager; a promise only when that has to wait. */
  const submit = (order: NewOrder): MaybePromise<void> => {
    const placed = orders.submit(order);
    return isPromise(placed) ? placed.then(ignore) : undefined;
  };

  /** Cancels, cancels all, or amends: each waits for the exchange. */
  const applyOrderChange = async (
    intent: Extract<OrderIntent, { kind: 'cancel' | 'cancel_all' | 'amend' }>,
  ): Promise<void> => {
    if (intent.kind === 'cancel') {
      await orders.cancel(intent.clientOrderId, 'Canceled by the strategy');
      return;
    }
    if (intent.kind === 'cancel_all') {
      for (const order of orders.openOrders())
        await orders.cancel(order.clientOrderId, 'Canceled by the strategy');
      return;
    }
    const amended = await amendOrder(intent);
    if (amended !== undefined) await placeShaped(intent, amended);
  };

  /** Refuses (a `risk_rejected` event) what the market's rules refuse, else places it. */
  const placeShaped = (intent: OrderIntent, sized: NewOrder): MaybePromise<void> => {
    const { side, type, amount, price } = sized;
    const shaped = shapeOrder(market, { side, type, amount, price, referencePrice: lastPrice() });
    if (!shaped.ok) return refuse(intent, shaped.reason);
    return placeSized(intent, sized, shaped);
  };

  /** One intent; synchronous when it is refused before anything has to wait. */
  const processIntent = (intent: OrderIntent): MaybePromise<void> => {
    if (intent.kind === 'cancel' || intent.kind === 'cancel_all' || intent.kind === 'amend') {
      return applyOrderChange(intent);
    }
    const sized = sizeIntent(intent);
    if (sized === undefined) return;
    if ('reject' in sized) return refuse(intent, sized.reject);
    return placeShaped(intent, sized);
  };

  /**
   * Places what `intents[from…]` ask for, in order, while the bot trades; returns a promise
   * only once a step has to wait (a refusal, the common case on most candles, does not).
   */
  const processIntents = (intents: readonly OrderIntent[], from = 0): MaybePromise<void> => {
    for (let index = from; index < intents.length; index++) {
      if (mode() === 'error' || mode() === 'stopped') return;
      const step = processIntent(intents[index] as OrderIntent);
      if (isPromise(step)) return step.then(() => processIntents(intents, index + 1));
    }
  };

  return processIntents;
}
