/**
 * Applying one execution of the bot's orders: the fill is recorded once (per account and trade
 * id) together with the order transition and the new ledger, in one store transaction; then
 * the risk wiring and the timeline hear of it. Part of the bot runtime; called from its queue.
 */
import type { BotEventType } from '../bot/types';
import { formatAmount, formatPrice, formatQuote } from '../market/formatForMarket';
import type { Market } from '../market/types';
import type { OrderRecord } from '../orders/journal';
import { applyOrderEvent } from '../orders/stateMachine';
import type { ExchangeTrade } from '../orders/types';
import { applyFill } from '../portfolio/ledger';
import type { Fill, Ledger } from '../portfolio/types';
import type { StrategyFill } from '../strategy/types';
import type { Clock } from '../time';
import { isPromise, thenCall, type MaybePromise } from './maybePromise';
import type { OrderManager } from './orderManager';
import type { RiskWiring } from './riskWiring';
import type { BotStore } from './store';

export interface FillApplierOptions {
  botId: string;
  accountId: string;
  market: Market;
  orders: OrderManager;
  store: BotStore;
  clock: Clock;
  risk: RiskWiring;
  emit: (type: BotEventType, message: string, data?: Record<string, unknown>) => MaybePromise<void>;
  ledger: () => Ledger;
  setLedger: (ledger: Ledger) => void;
}

/** A fill on its way into the store, with what it changes. */
interface PendingFill {
  fill: Fill;
  order: OrderRecord;
  nextOrder: OrderRecord;
  previous: Ledger;
  nextLedger: Ledger;
  feeInQuote: number;
}

/**
 * Returns `applyTrade`: the fill as the strategy sees it (fee in quote, the order's tag), or
 * undefined when the trade is not this bot's or was applied before. Synchronous when the store
 * answers at once (a backtest's), else a promise.
 */
export function createFillApplier(
  options: FillApplierOptions,
): (trade: ExchangeTrade) => MaybePromise<StrategyFill | undefined> {
  const { botId, accountId, market, orders, store, clock, risk, emit, ledger, setLedger } = options;
  const seenTrades = new Set<string>();

  /** The timeline's `order_filled` event; answers the fill as the strategy sees it. */
  const announce = (pending: PendingFill): MaybePromise<StrategyFill> => {
    const { fill, feeInQuote } = pending;
    const emitted = emit(
      'order_filled',
      `Filled ${fill.side} ${formatAmount(market, fill.amount)} at ${formatPrice(market, fill.price)} (fee ${formatQuote(market, feeInQuote)})`,
      {
        clientOrderId: fill.clientOrderId,
        tradeId: fill.tradeId,
        price: fill.price,
        amount: fill.amount,
      },
    );
    // The fill as recorded, its fee in quote, with the order's tag (the fields in the same order).
    const { tradeId, clientOrderId, time, side, price, amount, feeCurrency, takerOrMaker } = fill;
    const fee = feeInQuote;
    const tag = pending.order.tag;
    const told = {
      tradeId,
      clientOrderId,
      time,
      side,
      price,
      amount,
      fee,
      feeCurrency,
      takerOrMaker,
      tag,
    };
    return isPromise(emitted) ? emitted.then(() => told) : told;
  };

  /** After the store took the fill (`isNew`) or already had it: the ledger, risk and event. */
  const afterRecorded = (
    pending: PendingFill,
    isNew: boolean,
  ): MaybePromise<StrategyFill | undefined> => {
    seenTrades.add(pending.fill.tradeId);
    if (!isNew) return undefined;
    setLedger(pending.nextLedger);
    orders.replace(pending.nextOrder);
    const { previous, nextLedger, fill, order } = pending;
    return thenCall(risk.afterFill(previous, nextLedger, fill, order.type), announce, pending);
  };

  /** A trade of this bot's order not yet recorded (`known`: recorded before, e.g. a restart). */
  const record = (
    trade: ExchangeTrade,
    order: OrderRecord,
    known: boolean,
  ): MaybePromise<StrategyFill | undefined> => {
    // Already recorded (e.g. seen again while reconciling after a restart): apply nothing twice.
    if (known) {
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
    const previous = ledger();
    const nextLedger = applyFill(previous, fill);
    const pending: PendingFill = { fill, order, nextOrder, previous, nextLedger, feeInQuote };
    const isNew = store.recordFill(accountId, botId, fill, nextOrder, nextLedger);
    return isPromise(isNew)
      ? isNew.then((fresh) => afterRecorded(pending, fresh))
      : afterRecorded(pending, isNew);
  };

  return (trade: ExchangeTrade): MaybePromise<StrategyFill | undefined> => {
    if (!orders.owns(trade.clientOrderId) || seenTrades.has(trade.id)) return undefined;
    const order = orders.get(trade.clientOrderId);
    if (!order) return undefined;
    const known = store.hasFill(accountId, trade.id);
    return isPromise(known)
      ? known.then((recorded) => record(trade, order, recorded))
      : record(trade, order, known);
  };
}
