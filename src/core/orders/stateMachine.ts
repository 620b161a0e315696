/**
 * The order journal's state machine, as a pure function of (record, event, time):
 * new -> sent -> open -> partially_filled -> filled | canceled | rejected | expired.
 * `new` is journaled and not yet sent; `sent` is marked (durably) right before each request
 * goes to the exchange, and again before each re-send with the same client order id. A fill
 * may arrive before the acknowledgement (sent -> partially_filled/filled); an order found on
 * the exchange while still `new` (a journal written before `sent` existed) is acknowledged from
 * there. Canceled and expired are reachable from every live state, rejected only before
 * anything filled. Final states are absorbing. Amounts are never rounded; an order counts as filled within a
 * relative 1e-9 of its amount.
 */
import { copyOrderRecord, type OrderRecord } from './journal';
import { flatString } from '../flatString';
import type { OrderState } from './types';
import type { TimestampMs } from '../time';

/** Something that happened to an order, as reported by the exchange (or decided by us). */
export type OrderEvent =
  /** The request is about to go to the exchange (first send, retry or re-send). */
  | { type: 'sent'; note?: string }
  | { type: 'acknowledged'; exchangeOrderId: string }
  /** One execution; `fee` in quote currency (convert base-currency fees first). */
  | { type: 'fill'; amount: number; price: number; fee: number }
  | { type: 'canceled'; reason?: string }
  | { type: 'rejected'; reason: string }
  | { type: 'expired' };

/** An event that the order's current state does not allow (or that would overfill it). */
export class IllegalOrderTransitionError extends Error {
  readonly from: OrderState;
  readonly to: OrderState;
  constructor(order: OrderRecord, to: OrderState, detail?: string) {
    super(
      `Order ${order.clientOrderId} cannot go from ${order.state} to ${to}${detail ? `: ${detail}` : ''}`,
    );
    this.name = 'IllegalOrderTransitionError';
    this.from = order.state;
    this.to = to;
  }
}

/** Relative tolerance for "the whole amount has filled" (float noise in summed fills). */
const FILL_TOLERANCE = 1e-9;

const FINAL_STATES: ReadonlySet<OrderState> = new Set([
  'filled',
  'canceled',
  'rejected',
  'expired',
]);
const LIVE_STATES: readonly OrderState[] = ['new', 'sent', 'open', 'partially_filled'];
const UNACKNOWLEDGED_STATES: readonly OrderState[] = ['new', 'sent'];

/** True for states no event can leave: filled, canceled, rejected, expired. */
export function isFinalState(state: OrderState): boolean {
  return FINAL_STATES.has(state);
}

/**
 * True for `new` and `sent`: the exchange has not acknowledged the order, so it may or may not
 * have it (reconciliation looks it up by client order id).
 */
export function isUnacknowledged(state: OrderState): boolean {
  return UNACKNOWLEDGED_STATES.includes(state);
}

/** When the last request for this order went out (its latest `sent` mark), if any. */
export function lastSentAt(order: OrderRecord): TimestampMs | undefined {
  for (let index = order.history.length - 1; index >= 0; index--) {
    const entry = order.history[index];
    if (entry?.state === 'sent') return entry.time;
  }
  return undefined;
}

/** The record in state `to` at `time`, its history one entry longer (fields set by the caller). */
function transition(order: OrderRecord, to: OrderState, time: TimestampMs, note?: string) {
  const next = copyOrderRecord(order);
  next.state = to;
  next.updatedAt = time;
  next.history = [
    ...order.history,
    note === undefined ? { state: to, time } : { state: to, time, note: flatString(note) },
  ];
  return next;
}

function requireState(order: OrderRecord, to: OrderState, allowed: readonly OrderState[]): void {
  if (!allowed.includes(order.state)) throw new IllegalOrderTransitionError(order, to);
}

/**
 * Volume-weighted average of the previous average and a new fill, clamped to the two prices
 * so float rounding can never move it outside the range of actual fill prices.
 */
function weightedAverage(
  previous: number | undefined,
  previousAmount: number,
  price: number,
  amount: number,
): number {
  if (previous === undefined || previousAmount === 0) return price;
  const average = (previous * previousAmount + price * amount) / (previousAmount + amount);
  return Math.min(Math.max(average, Math.min(previous, price)), Math.max(previous, price));
}

function applyFillEvent(
  order: OrderRecord,
  event: Extract<OrderEvent, { type: 'fill' }>,
  time: TimestampMs,
): OrderRecord {
  const { amount, price, fee } = event;
  if (!(amount > 0 && price > 0 && fee >= 0) || ![amount, price, fee].every(Number.isFinite)) {
    throw new RangeError(
      `Fill of order ${order.clientOrderId} needs a positive amount and price and a fee ≥ 0, got amount ${amount}, price ${price}, fee ${fee}`,
    );
  }
  const total = order.filled + amount;
  const isComplete = total >= order.amount * (1 - FILL_TOLERANCE);
  const to: OrderState = isComplete ? 'filled' : 'partially_filled';
  requireState(order, to, LIVE_STATES);
  if (total > order.amount * (1 + FILL_TOLERANCE)) {
    throw new IllegalOrderTransitionError(
      order,
      to,
      `a fill of ${amount} would bring the filled amount to ${total}, above the order amount ${order.amount}`,
    );
  }
  const next = transition(order, to, time, `fill ${amount} @ ${price}`);
  // Snap float noise so that `filled === amount` holds exactly for a complete order.
  next.filled = isComplete ? order.amount : total;
  next.averagePrice = weightedAverage(order.averagePrice, order.filled, price, amount);
  next.fee = order.fee + fee;
  return next;
}

/**
 * Applies one event to a journal record and returns the new record (the input is untouched).
 * Every applied event appends to `history` and sets `updatedAt` to `time`. A repeated
 * acknowledgement with the same exchange order id is a no-op while the order is live. `sent`
 * is allowed from `new` and again from `sent` (a retry or re-send: each one is recorded).
 *
 * @throws IllegalOrderTransitionError for an event the current state does not allow: anything
 *   on a final state, `sent` once acknowledged, `rejected` after a fill, a second
 *   acknowledgement with a different exchange id, or a fill that would exceed the order amount
 *   (beyond a relative 1e-9).
 * @throws RangeError for a fill with a non-positive amount or price, or a negative fee.
 * @example
 * let order = applyOrderEvent(record, { type: 'sent' }, t0);
 * order = applyOrderEvent(order, { type: 'acknowledged', exchangeOrderId: '42' }, t1);
 * order = applyOrderEvent(order, { type: 'fill', amount: 0.5, price: 100, fee: 0.05 }, t2);
 * order.state; // 'partially_filled' (of an amount of 1)
 */
export function applyOrderEvent(
  order: OrderRecord,
  event: OrderEvent,
  time: TimestampMs,
): OrderRecord {
  switch (event.type) {
    case 'sent':
      requireState(order, 'sent', UNACKNOWLEDGED_STATES);
      return transition(order, 'sent', time, event.note);
    case 'acknowledged': {
      const isDuplicate =
        order.exchangeOrderId === event.exchangeOrderId && !isFinalState(order.state);
      if (isDuplicate && !isUnacknowledged(order.state)) return order;
      requireState(order, 'open', UNACKNOWLEDGED_STATES);
      const next = transition(order, 'open', time);
      next.exchangeOrderId = event.exchangeOrderId;
      return next;
    }
    case 'fill':
      return applyFillEvent(order, event, time);
    case 'canceled': {
      requireState(order, 'canceled', LIVE_STATES);
      const next = transition(order, 'canceled', time, event.reason);
      next.reason = event.reason ?? order.reason;
      return next;
    }
    case 'rejected': {
      requireState(order, 'rejected', ['new', 'sent', 'open']);
      const next = transition(order, 'rejected', time, event.reason);
      next.reason = event.reason;
      return next;
    }
    case 'expired':
      requireState(order, 'expired', LIVE_STATES);
      return transition(order, 'expired', time);
  }
}
