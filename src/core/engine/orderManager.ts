/**
 * The order manager of one bot: journals every order in the store with a deterministic client
 * order id (state `new`), marks it `sent` durably right before each request leaves, retries
 * network failures with the same id (so a retry can never create a second order), applies
 * acknowledgements and cancels through the order state machine, and reconciles unfinished
 * orders with the exchange on start. Fills are applied by the runtime, which owns the ledger.
 * Not thread-safe on its own: the runtime calls it from its serial queue.
 */
import type { BotEventType } from '../bot/types';
import { ExchangeError, type ExchangePort } from '../exchangePort';
import { formatAmount, formatPrice } from '../market/formatForMarket';
import type { Market } from '../market/types';
import { makeClientOrderId, parseClientOrderId } from '../orders/clientOrderId';
import { copyOrderRecord, newOrderRecord, orderRequest, type OrderRecord } from '../orders/journal';
import {
  applyOrderEvent,
  isFinalState,
  isUnacknowledged,
  lastSentAt,
} from '../orders/stateMachine';
import type { ExchangeOrder, OrderSide, OrderType } from '../orders/types';
import type { Clock, Timers } from '../time';
import { andThen, ignore, isPromise, thenCall, type MaybePromise } from './maybePromise';
import { sleep } from './sleep';
import type { BotStore } from './store';

/** Network-class failures are retried this many times, with exponential backoff from 500 ms. */
const MAX_SEND_ATTEMPTS = 4;
const FIRST_BACKOFF_MS = 500;
const RETRYABLE = new Set(['network', 'rate_limited', 'exchange_unavailable']);
const SENT = { type: 'sent' } as const;

export interface OrderManagerOptions {
  botId: string;
  accountId: string;
  shortId: string;
  market: Market;
  exchange: ExchangePort;
  store: BotStore;
  clock: Clock;
  timers: Timers;
  configVersion: () => number;
  emit: (type: BotEventType, message: string, data?: Record<string, unknown>) => MaybePromise<void>;
}

export interface NewOrder {
  side: OrderSide;
  type: OrderType;
  amount: number;
  price?: number;
  /** Makes a market order a native stop order (only where the exchange supports them). */
  triggerPrice?: number;
  tag?: string;
}

export interface OrderManager {
  /** Loads the journal (on start) and sets the next sequence number after the highest seen. */
  load(records: readonly OrderRecord[]): void;
  get(clientOrderId: string): OrderRecord | undefined;
  /** Whether this client order id was made by this bot. */
  owns(clientOrderId: string): boolean;
  /** The orders not yet final; the same array until an order changes (never to be changed). */
  openOrders(): readonly OrderRecord[];
  /** Whether an open order still waits for the exchange's acknowledgement (new or sent). */
  hasUnacknowledged(): boolean;
  /** Replaces a record after a fill (the runtime persists it together with the ledger). */
  replace(record: OrderRecord): void;
  /**
   * Journals, sends and announces an order; synchronous when the store and the exchange
   * answer at once (a backtest's), else a promise.
   */
  submit(order: NewOrder): MaybePromise<OrderRecord>;
  cancel(clientOrderId: string, reason: string): Promise<OrderRecord | undefined>;
  /** Applies a non-fill status change the exchange reported (canceled, expired, rejected). */
  applyExchangeStatus(order: ExchangeOrder): MaybePromise<void>;
  /**
   * Looks every unfinished order up by client order id: applies what the exchange knows, sends
   * `new` ones it never saw, and re-sends (same id) `sent` ones it still does not know once the
   * exchange's request window has passed since their last request; until then they stay `sent`.
   */
  reconcile(): Promise<void>;
}

export function createOrderManager(options: OrderManagerOptions): OrderManager {
  const { exchange, store, clock, market } = options;
  const orders = new Map<string, OrderRecord>();
  /** Ids of the orders not yet final: consulted on every candle, so kept apart from history. */
  const openIds = new Set<string>();
  /** Ids of the open orders still waiting for the exchange's acknowledgement (new or sent). */
  const unacknowledgedIds = new Set<string>();
  /** openOrders() until an order changes (asked for on every candle, changed rarely). */
  let openCache: readonly OrderRecord[] | undefined;
  const track = (record: OrderRecord): void => {
    openCache = undefined;
    orders.set(record.clientOrderId, record);
    if (isFinalState(record.state)) openIds.delete(record.clientOrderId);
    else openIds.add(record.clientOrderId);
    // new and sent are never final.
    if (isUnacknowledged(record.state)) unacknowledgedIds.add(record.clientOrderId);
    else unacknowledgedIds.delete(record.clientOrderId);
  };
  let nextSeq = 1;

  /** Journals `record`; a promise only when the store's write has to wait. */
  const save = (record: OrderRecord): MaybePromise<OrderRecord> => {
    track(record);
    const put = store.putOrder(record);
    return isPromise(put) ? put.then(() => record) : record;
  };

  /** The latest record of an order (a fill may have replaced the one a caller holds). */
  const latest = (record: OrderRecord): OrderRecord => orders.get(record.clientOrderId) ?? record;

  const acknowledge = (
    record: OrderRecord,
    exchangeOrder: ExchangeOrder,
  ): MaybePromise<OrderRecord> => {
    const current = latest(record);
    if (isUnacknowledged(current.state)) {
      const event = { type: 'acknowledged', exchangeOrderId: exchangeOrder.id } as const;
      return save(applyOrderEvent(current, event, clock.now()));
    }
    if (isFinalState(current.state) || current.exchangeOrderId === exchangeOrder.id) return current;
    // Live under another id: the re-send of an order the exchange had lost (see reconcile).
    const relocated = copyOrderRecord(current);
    relocated.exchangeOrderId = exchangeOrder.id;
    return save(relocated);
  };

  const reject = async (record: OrderRecord, reason: string) => {
    const event = { type: 'rejected', reason } as const;
    const next = await save(applyOrderEvent(latest(record), event, clock.now()));
    await options.emit('order_rejected', `Order ${record.clientOrderId} rejected: ${reason}`, {
      clientOrderId: record.clientOrderId,
      reason,
    });
    return next;
  };

  /** Durably marks the order `sent` (with the time) before a request for it leaves. */
  const markSent = (record: OrderRecord, note: string | undefined) =>
    save(applyOrderEvent(latest(record), note ? { type: 'sent', note } : SENT, clock.now()));

  const lookUp = (record: OrderRecord) =>
    exchange.fetchOrderByClientId(record.clientOrderId, record.symbol);

  /**
   * Sends a journaled order, retrying network-class failures with the same client order id.
   * Synchronous while the store and the exchange answer at once; failures take the async path.
   */
  const send = (journaled: OrderRecord, note?: string, attempt = 1): MaybePromise<OrderRecord> => {
    const record = latest(journaled);
    if (isFinalState(record.state)) return record;
    // An acknowledged order is only re-sent when the exchange lost it; it is not marked again.
    if (!isUnacknowledged(record.state)) return request(record, attempt);
    const marked = markSent(record, attempt === 1 ? note : `retry ${attempt}`);
    return isPromise(marked)
      ? marked.then((sent) => request(sent, attempt))
      : request(marked, attempt);
  };

  /** One request for a journaled order marked sent, and its acknowledgement. */
  const request = (record: OrderRecord, attempt: number): MaybePromise<OrderRecord> => {
    try {
      const placed = exchange.createOrder(orderRequest(record));
      if (isPromise(placed)) {
        return placed
          .then((order) => acknowledge(record, order))
          .then(undefined, (error: unknown) => sendFailed(record, attempt, error));
      }
      const acknowledged = acknowledge(record, placed);
      return isPromise(acknowledged)
        ? acknowledged.then(undefined, (error: unknown) => sendFailed(record, attempt, error))
        : acknowledged;
    } catch (error) {
      return sendFailed(record, attempt, error);
    }
  };

  /** A failed request: adopt a duplicate, reject, give up for now, or wait and retry. */
  const sendFailed = async (
    record: OrderRecord,
    attempt: number,
    error: unknown,
  ): Promise<OrderRecord> => {
    const kind = error instanceof ExchangeError ? error.kind : 'unknown';
    const message = error instanceof Error ? error.message : String(error);
    if (kind === 'invalid_order' && /duplicate/i.test(message)) {
      // An earlier attempt did reach the exchange: adopt that order instead of a new one.
      const existing = await lookUp(record);
      if (existing) return acknowledge(record, existing);
    }
    if (!RETRYABLE.has(kind)) return reject(record, message);
    if (attempt >= MAX_SEND_ATTEMPTS) {
      await options.emit(
        'error',
        `Could not reach the exchange for order ${record.clientOrderId} (${message}); it stays journaled and is reconciled on the next candle.`,
        { clientOrderId: record.clientOrderId },
      );
      return latest(record);
    }
    await sleep(options.timers, FIRST_BACKOFF_MS * 2 ** (attempt - 1));
    const existing = await lookUp(record).catch(() => undefined);
    if (existing) return acknowledge(record, existing);
    return send(record, undefined, attempt + 1);
  };

  /** Whether the exchange can no longer execute the order's last request (see requestWindowMs). */
  const isSettled = (record: OrderRecord, at: number): boolean =>
    at - (lastSentAt(record) ?? -Infinity) >= (exchange.requestWindowMs ?? 0);

  /** An order the exchange reports canceled, expired or rejected: journaled and announced. */
  const closeOnExchange = async (record: OrderRecord, order: ExchangeOrder): Promise<void> => {
    // Fills reported before the cancel are applied first by the runtime's trade path.
    const event =
      order.status === 'rejected'
        ? ({ type: 'rejected', reason: 'Rejected by the exchange' } as const)
        : order.status === 'expired'
          ? ({ type: 'expired' } as const)
          : ({ type: 'canceled', reason: 'Canceled on the exchange' } as const);
    await save(applyOrderEvent(record, event, clock.now()));
    await options.emit(
      order.status === 'rejected' ? 'order_rejected' : 'order_canceled',
      `Order ${order.clientOrderId} ${order.status} on the exchange`,
      { clientOrderId: order.clientOrderId },
    );
  };

  /** Synchronous when there is nothing to do (an update the journal already shows). */
  const applyExchangeStatus = (order: ExchangeOrder): MaybePromise<void> => {
    const record = orders.get(order.clientOrderId);
    if (!record || isFinalState(record.state)) return;
    if (order.status === 'canceled' || order.status === 'expired' || order.status === 'rejected')
      return closeOnExchange(record, order);
    if (isUnacknowledged(record.state)) return andThen(acknowledge(record, order), ignore);
  };

  /** Cancels resting stop orders, one after the other (see submit). */
  const releaseStops = async (stops: readonly OrderRecord[]): Promise<void> => {
    for (const stop of stops)
      await manager.cancel(stop.clientOrderId, 'Replaced: another sell needs its coins');
  };

  /** The `order_placed` event of an order the exchange took; answers `sent`. */
  const announcePlaced = (order: NewOrder, sent: OrderRecord): MaybePromise<OrderRecord> => {
    if (sent.state === 'rejected') return sent;
    const what = `${order.side} ${order.type} ${formatAmount(market, order.amount)}`;
    const at =
      order.triggerPrice !== undefined
        ? ` stop at ${formatPrice(market, order.triggerPrice)} on the exchange`
        : order.price === undefined
          ? ''
          : ` at ${formatPrice(market, order.price)}`;
    const { clientOrderId } = sent;
    const { side, type, amount, price, triggerPrice, tag } = order;
    const data = { clientOrderId, side, type, amount, price, triggerPrice, tag };
    const emitted = options.emit('order_placed', `Placed ${what}${at} (${clientOrderId})`, data);
    return isPromise(emitted) ? emitted.then(() => sent) : sent;
  };

  /** Journals a new order (`new`), sends it and announces it (see submit). */
  const place = (order: NewOrder): MaybePromise<OrderRecord> => {
    const record = newOrderRecord(
      {
        clientOrderId: makeClientOrderId(options.shortId, nextSeq++),
        botId: options.botId,
        accountId: options.accountId,
        symbol: market.symbol,
        side: order.side,
        type: order.type,
        amount: order.amount,
        price: order.price,
        triggerPrice: order.triggerPrice,
        tag: order.tag,
        configVersion: options.configVersion(),
      },
      clock.now(),
    );
    // Journal first (`new`), then mark `sent` right before the request: a crash at any point
    // after this line is recovered by reconcile(), never duplicated nor orphaned.
    const sent = thenCall(save(record), send, record);
    return isPromise(sent)
      ? sent.then((settled) => announcePlaced(order, settled))
      : announcePlaced(order, sent);
  };

  const manager: OrderManager = {
    load(records) {
      for (const record of records) {
        track(record);
        const parsed = parseClientOrderId(record.clientOrderId);
        if (parsed && parsed.seq >= nextSeq) nextSeq = parsed.seq + 1;
      }
    },
    get: (clientOrderId) => orders.get(clientOrderId),
    owns: (clientOrderId) => parseClientOrderId(clientOrderId)?.shortId === options.shortId,
    openOrders: () => {
      if (openCache === undefined) {
        const open: OrderRecord[] = [];
        for (const id of openIds) {
          const order = orders.get(id);
          if (order !== undefined) open.push(order);
        }
        openCache = Object.freeze(open);
      }
      return openCache;
    },
    // Asked on every candle: kept up to date by track() rather than searched.
    hasUnacknowledged: () => unacknowledgedIds.size > 0,
    replace(record) {
      track(record);
    },

    submit(order) {
      if (order.side === 'sell' && order.triggerPrice === undefined) {
        // The exchange holds the coins of a resting stop: release them first (the engine
        // places the stop again once the position has changed).
        const stops = manager
          .openOrders()
          .filter((open) => open.side === 'sell' && open.triggerPrice !== undefined);
        if (stops.length > 0) return releaseStops(stops).then(() => place(order));
      }
      return place(order);
    },

    async cancel(clientOrderId, reason) {
      const record = orders.get(clientOrderId);
      if (!record || isFinalState(record.state)) return record;
      if (record.exchangeOrderId) {
        try {
          await exchange.cancelOrder(record.exchangeOrderId, record.symbol);
        } catch (error) {
          if (!(error instanceof ExchangeError) || error.kind !== 'order_not_found') {
            const latest = await exchange
              .fetchOrder(record.exchangeOrderId, record.symbol)
              .catch(() => undefined);
            // It filled or closed in the meantime: its trades arrive through the fill path.
            if (latest && latest.status !== 'open') return orders.get(clientOrderId);
            throw error;
          }
        }
      }
      const current = orders.get(clientOrderId) ?? record;
      if (isFinalState(current.state)) return current;
      const canceled = await save(
        applyOrderEvent(current, { type: 'canceled', reason }, clock.now()),
      );
      await options.emit('order_canceled', `Canceled ${clientOrderId}: ${reason}`, {
        clientOrderId,
        reason,
      });
      return canceled;
    },

    applyExchangeStatus,

    async reconcile() {
      for (const record of [...orders.values()]) {
        if (isFinalState(record.state)) continue;
        const lookedUpAt = clock.now();
        const known = await lookUp(record);
        if (known) {
          await applyExchangeStatus(known);
          const current = latest(record);
          if (isUnacknowledged(current.state)) await acknowledge(current, known);
          continue;
        }
        const current = latest(record);
        if (current.filled > 0) continue;
        if (current.state === 'sent') {
          // The request may still land within the exchange's window: look again later.
          // After it, that request was lost: re-send it with the same client order id.
          if (isSettled(current, lookedUpAt))
            await send(current, 'Re-sent: the exchange never received it');
        } else {
          // `new`: journaled, never sent. Acknowledged but unknown: the exchange lost it (the
          // simulator's saved state can lag the journal after a crash). Send it, same id.
          await send(current);
        }
      }
    },
  };
  return manager;
}
