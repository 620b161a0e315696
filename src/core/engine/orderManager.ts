/**
 * The order manager of one bot: journals every order in the store with a deterministic client
 * order id BEFORE sending it, retries network failures with the same id (so a retry can never
 * create a second order), applies acknowledgements and cancels through the order state machine,
 * and reconciles unfinished orders with the exchange on start. Fills are applied by the runtime,
 * which owns the ledger. Not thread-safe on its own: the runtime calls it from its serial queue.
 */
import type { BotEventType } from '../bot/types';
import { ExchangeError, type ExchangePort } from '../exchangePort';
import { formatAmount, formatPrice } from '../market/formatForMarket';
import type { Market } from '../market/types';
import { makeClientOrderId, parseClientOrderId } from '../orders/clientOrderId';
import type { OrderRecord } from '../orders/journal';
import { applyOrderEvent, isFinalState } from '../orders/stateMachine';
import type { ExchangeOrder, OrderSide, OrderType } from '../orders/types';
import type { Clock, Timers } from '../time';
import { sleep } from './sleep';
import type { BotStore } from './store';

/** Network-class failures are retried this many times, with exponential backoff from 500 ms. */
const MAX_SEND_ATTEMPTS = 4;
const FIRST_BACKOFF_MS = 500;
const RETRYABLE = new Set(['network', 'rate_limited', 'exchange_unavailable']);

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
  emit: (type: BotEventType, message: string, data?: Record<string, unknown>) => Promise<void>;
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
  openOrders(): OrderRecord[];
  /** Replaces a record after a fill (the runtime persists it together with the ledger). */
  replace(record: OrderRecord): void;
  submit(order: NewOrder): Promise<OrderRecord>;
  cancel(clientOrderId: string, reason: string): Promise<OrderRecord | undefined>;
  /** Applies a non-fill status change the exchange reported (canceled, expired, rejected). */
  applyExchangeStatus(order: ExchangeOrder): Promise<void>;
  /** Re-sends journaled orders the exchange never saw; acknowledges those it did. */
  reconcile(): Promise<void>;
}

export function createOrderManager(options: OrderManagerOptions): OrderManager {
  const { exchange, store, clock, market } = options;
  const orders = new Map<string, OrderRecord>();
  /** Ids of the orders not yet final: consulted on every candle, so kept apart from history. */
  const openIds = new Set<string>();
  const track = (record: OrderRecord): void => {
    orders.set(record.clientOrderId, record);
    if (isFinalState(record.state)) openIds.delete(record.clientOrderId);
    else openIds.add(record.clientOrderId);
  };
  let nextSeq = 1;

  const save = async (record: OrderRecord): Promise<OrderRecord> => {
    track(record);
    await store.putOrder(record);
    return record;
  };

  const acknowledge = async (record: OrderRecord, exchangeOrder: ExchangeOrder) => {
    let next = record;
    if (record.state === 'new') {
      next = applyOrderEvent(
        record,
        { type: 'acknowledged', exchangeOrderId: exchangeOrder.id },
        clock.now(),
      );
    } else if (!record.exchangeOrderId) {
      next = { ...record, exchangeOrderId: exchangeOrder.id };
    }
    return save(next);
  };

  const reject = async (record: OrderRecord, reason: string) => {
    const next = await save(applyOrderEvent(record, { type: 'rejected', reason }, clock.now()));
    await options.emit('order_rejected', `Order ${record.clientOrderId} rejected: ${reason}`, {
      clientOrderId: record.clientOrderId,
      reason,
    });
    return next;
  };

  const send = async (record: OrderRecord): Promise<OrderRecord> => {
    for (let attempt = 1; ; attempt++) {
      try {
        const placed = await exchange.createOrder({
          symbol: record.symbol,
          type: record.type,
          side: record.side,
          amount: record.amount,
          price: record.price,
          ...(record.triggerPrice === undefined ? {} : { triggerPrice: record.triggerPrice }),
          clientOrderId: record.clientOrderId,
        });
        return await acknowledge(record, placed);
      } catch (error) {
        const kind = error instanceof ExchangeError ? error.kind : 'unknown';
        const message = error instanceof Error ? error.message : String(error);
        if (kind === 'invalid_order' && /duplicate/i.test(message)) {
          // An earlier attempt did reach the exchange: adopt that order instead of a new one.
          const existing = await exchange.fetchOrderByClientId(record.clientOrderId, record.symbol);
          if (existing) return acknowledge(record, existing);
        }
        if (!RETRYABLE.has(kind)) return reject(record, message);
        if (attempt >= MAX_SEND_ATTEMPTS) {
          await options.emit(
            'error',
            `Could not reach the exchange for order ${record.clientOrderId} (${message}); it stays journaled and is reconciled on the next candle.`,
            { clientOrderId: record.clientOrderId },
          );
          return record;
        }
        await sleep(options.timers, FIRST_BACKOFF_MS * 2 ** (attempt - 1));
        const existing = await exchange
          .fetchOrderByClientId(record.clientOrderId, record.symbol)
          .catch(() => undefined);
        if (existing) return acknowledge(record, existing);
      }
    }
  };

  const applyExchangeStatus = async (order: ExchangeOrder): Promise<void> => {
    const record = orders.get(order.clientOrderId);
    if (!record || isFinalState(record.state)) return;
    if (order.status === 'canceled' || order.status === 'expired' || order.status === 'rejected') {
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
    } else if (record.state === 'new') {
      await acknowledge(record, order);
    }
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
    openOrders: () =>
      [...openIds].map((id) => orders.get(id)).filter((order) => order !== undefined),
    replace(record) {
      track(record);
    },

    async submit(order) {
      if (order.side === 'sell' && order.triggerPrice === undefined) {
        // The exchange holds the coins of a resting stop: release them first (the engine
        // places the stop again once the position has changed).
        for (const stop of [...openIds].map((id) => orders.get(id))) {
          if (stop?.side === 'sell' && stop.triggerPrice !== undefined)
            await manager.cancel(stop.clientOrderId, 'Replaced: another sell needs its coins');
        }
      }
      const now = clock.now();
      const record: OrderRecord = {
        clientOrderId: makeClientOrderId(options.shortId, nextSeq++),
        botId: options.botId,
        accountId: options.accountId,
        symbol: market.symbol,
        side: order.side,
        type: order.type,
        amount: order.amount,
        price: order.price,
        ...(order.triggerPrice === undefined ? {} : { triggerPrice: order.triggerPrice }),
        state: 'new',
        filled: 0,
        fee: 0,
        tag: order.tag,
        configVersion: options.configVersion(),
        createdAt: now,
        updatedAt: now,
        history: [{ state: 'new', time: now }],
      };
      // Journal first: a crash after this line is recovered by reconcile(), never duplicated.
      await save(record);
      const sent = await send(record);
      if (sent.state !== 'rejected') {
        const what = `${order.side} ${order.type} ${formatAmount(market, order.amount)}`;
        const at =
          order.triggerPrice !== undefined
            ? ` stop at ${formatPrice(market, order.triggerPrice)} on the exchange`
            : order.price === undefined
              ? ''
              : ` at ${formatPrice(market, order.price)}`;
        await options.emit('order_placed', `Placed ${what}${at} (${record.clientOrderId})`, {
          clientOrderId: record.clientOrderId,
          side: order.side,
          type: order.type,
          amount: order.amount,
          price: order.price,
          triggerPrice: order.triggerPrice,
          tag: order.tag,
        });
      }
      return sent;
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
        const known = await exchange.fetchOrderByClientId(record.clientOrderId, record.symbol);
        if (!known) {
          if (record.filled === 0) {
            // Journaled but never reached the exchange (or the exchange lost it): send it now,
            // with the same client order id, exactly once.
            await send(record);
          }
          continue;
        }
        await applyExchangeStatus(known);
        const current = orders.get(record.clientOrderId);
        if (current?.state === 'new') await acknowledge(current, known);
      }
    },
  };
  return manager;
}
