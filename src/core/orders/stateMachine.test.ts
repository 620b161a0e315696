import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OrderRecord } from './journal';
import {
  applyOrderEvent,
  IllegalOrderTransitionError,
  isFinalState,
  isUnacknowledged,
  lastSentAt,
  type OrderEvent,
} from './stateMachine';

function newOrder(amount = 1): OrderRecord {
  return {
    clientOrderId: 'fltabc123000001',
    botId: 'bot-1',
    accountId: 'sim-default',
    symbol: 'BTC/USDT',
    side: 'buy',
    type: 'limit',
    amount,
    price: 100,
    state: 'new',
    filled: 0,
    fee: 0,
    configVersion: 1,
    createdAt: 0,
    updatedAt: 0,
    history: [{ state: 'new', time: 0 }],
  };
}

const ack = { type: 'acknowledged', exchangeOrderId: 'x-1' } as const;
const sent = { type: 'sent' } as const;
/** A journaled order whose request went out at `time`. */
const sentOrder = (amount = 1, time = 0) => applyOrderEvent(newOrder(amount), sent, time);
const fill = (amount: number, price = 100, fee = 0.1): OrderEvent => ({
  type: 'fill',
  amount,
  price,
  fee,
});

describe('applyOrderEvent', () => {
  it('walks new -> sent -> open -> partially_filled -> filled with a volume-weighted average', () => {
    const original = newOrder();
    let order = applyOrderEvent(original, sent, 5);
    expect(order).toMatchObject({ state: 'sent', updatedAt: 5 });
    expect(order.exchangeOrderId).toBeUndefined();
    order = applyOrderEvent(order, ack, 10);
    expect(order).toMatchObject({ state: 'open', exchangeOrderId: 'x-1', updatedAt: 10 });
    order = applyOrderEvent(order, fill(0.25, 100, 0.1), 20);
    expect(order).toMatchObject({ state: 'partially_filled', filled: 0.25, averagePrice: 100 });
    order = applyOrderEvent(order, fill(0.75, 104, 0.3), 30);
    expect(order).toMatchObject({ state: 'filled', filled: 1, averagePrice: 103, updatedAt: 30 });
    expect(order.fee).toBeCloseTo(0.4, 12);
    expect(order.history.map((h) => h.state)).toEqual([
      'new',
      'sent',
      'open',
      'partially_filled',
      'filled',
    ]);
    expect(order.history.map((h) => h.time)).toEqual([0, 5, 10, 20, 30]);
    expect(order.history[4]?.note).toBe('fill 0.75 @ 104');
    expect(original.state).toBe('new'); // pure
  });

  it('accepts a fill before the acknowledgement', () => {
    expect(applyOrderEvent(sentOrder(), fill(1), 5).state).toBe('filled');
    expect(applyOrderEvent(sentOrder(), fill(0.5), 5).state).toBe('partially_filled');
    expect(applyOrderEvent(newOrder(), fill(0.5), 5).state).toBe('partially_filled');
  });

  it('records every re-send, with its time and note, until the exchange answers', () => {
    let order = sentOrder(1, 5);
    expect(lastSentAt(newOrder())).toBeUndefined();
    expect(lastSentAt(order)).toBe(5);
    order = applyOrderEvent(order, { type: 'sent', note: 'retry 2' }, 9);
    expect(order.state).toBe('sent');
    expect(order.history.at(-1)).toEqual({ state: 'sent', time: 9, note: 'retry 2' });
    expect(lastSentAt(order)).toBe(9);
    order = applyOrderEvent(order, ack, 12);
    expect(lastSentAt(order)).toBe(9);
    expect(() => applyOrderEvent(order, sent, 13)).toThrow(/from open to sent/);
    const partial = applyOrderEvent(sentOrder(), fill(0.5), 1);
    expect(() => applyOrderEvent(partial, sent, 2)).toThrow(IllegalOrderTransitionError);
  });

  it('acknowledges an order found on the exchange while still new (an older journal)', () => {
    expect(applyOrderEvent(newOrder(), ack, 3)).toMatchObject({
      state: 'open',
      exchangeOrderId: 'x-1',
    });
  });

  it('treats float-noisy fills summing to the amount as filled, exactly', () => {
    let order = newOrder(0.3);
    order = applyOrderEvent(order, fill(0.1), 1);
    order = applyOrderEvent(order, fill(0.2), 2);
    expect(order.state).toBe('filled');
    expect(order.filled).toBe(0.3);
  });

  it('records cancel, reject and expiry with their reasons', () => {
    const open = applyOrderEvent(newOrder(), ack, 1);
    const partial = applyOrderEvent(open, fill(0.4), 2);
    expect(applyOrderEvent(partial, { type: 'canceled', reason: 'Bot stopped' }, 3)).toMatchObject({
      state: 'canceled',
      filled: 0.4,
      reason: 'Bot stopped',
    });
    expect(applyOrderEvent(newOrder(), { type: 'canceled' }, 3).state).toBe('canceled');
    expect(applyOrderEvent(sentOrder(), { type: 'canceled' }, 3).state).toBe('canceled');
    expect(applyOrderEvent(sentOrder(), { type: 'expired' }, 3).state).toBe('expired');
    expect(
      applyOrderEvent(sentOrder(), { type: 'rejected', reason: 'Bad price' }, 3),
    ).toMatchObject({ state: 'rejected', reason: 'Bad price' });
    expect(
      applyOrderEvent(open, { type: 'rejected', reason: 'Insufficient funds' }, 3),
    ).toMatchObject({ state: 'rejected', reason: 'Insufficient funds' });
    expect(applyOrderEvent(partial, { type: 'expired' }, 3).state).toBe('expired');
  });

  it('ignores a repeated acknowledgement with the same id while live', () => {
    const open = applyOrderEvent(sentOrder(), ack, 1);
    expect(applyOrderEvent(open, ack, 2)).toBe(open);
    const partial = applyOrderEvent(open, fill(0.5), 2);
    expect(applyOrderEvent(partial, ack, 3)).toBe(partial);
    expect(() => applyOrderEvent(open, { ...ack, exchangeOrderId: 'x-2' }, 2)).toThrow(
      IllegalOrderTransitionError,
    );
  });

  it('throws a named error for illegal transitions', () => {
    const filled = applyOrderEvent(newOrder(), fill(1), 1);
    const error = (() => {
      try {
        applyOrderEvent(filled, { type: 'canceled' }, 2);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(IllegalOrderTransitionError);
    expect(error).toMatchObject({ from: 'filled', to: 'canceled' });
    expect(String(error)).toMatch(/cannot go from filled to canceled/);

    const partial = applyOrderEvent(newOrder(), fill(0.5), 1);
    expect(() => applyOrderEvent(partial, { type: 'rejected', reason: 'x' }, 2)).toThrow(
      /from partially_filled to rejected/,
    );
    expect(() => applyOrderEvent(partial, fill(0.6), 2)).toThrow(/above the order amount 1/);
    expect(() => applyOrderEvent(filled, ack, 2)).toThrow(/from filled to open/);
    expect(() => applyOrderEvent(filled, sent, 2)).toThrow(/from filled to sent/);
  });

  it('rejects malformed fills', () => {
    expect(() => applyOrderEvent(newOrder(), fill(0), 1)).toThrow(RangeError);
    expect(() => applyOrderEvent(newOrder(), fill(0.1, -1), 1)).toThrow(RangeError);
    expect(() => applyOrderEvent(newOrder(), fill(0.1, 100, -0.1), 1)).toThrow(RangeError);
    expect(() => applyOrderEvent(newOrder(), fill(Number.NaN), 1)).toThrow(RangeError);
  });

  it('isFinalState and isUnacknowledged', () => {
    const live = ['new', 'sent', 'open', 'partially_filled'] as const;
    const final = ['filled', 'canceled', 'rejected', 'expired'] as const;
    expect(live.map(isFinalState)).toEqual([false, false, false, false]);
    expect(final.every(isFinalState)).toBe(true);
    expect(live.map(isUnacknowledged)).toEqual([true, true, false, false]);
    expect(final.some(isUnacknowledged)).toBe(false);
  });
});

describe('applyOrderEvent properties', () => {
  const event: fc.Arbitrary<OrderEvent> = fc.oneof(
    fc.constant(sent),
    fc.constant(ack),
    fc.record({
      type: fc.constant('fill' as const),
      amount: fc.double({ min: 1e-6, max: 0.6, noNaN: true }),
      price: fc.double({ min: 1, max: 1e5, noNaN: true }),
      fee: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
    fc.constant({ type: 'canceled' } as const),
    fc.constant({ type: 'rejected', reason: 'no' } as const),
    fc.constant({ type: 'expired' } as const),
  );

  it('never overfills, keeps final states absorbing, the average within fill prices, and sends only before an answer', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 2, noNaN: true }),
        fc.array(event, { maxLength: 30 }),
        (amount, events) => {
          let order = newOrder(amount);
          const prices: number[] = [];
          events.forEach((next, i) => {
            const before = order;
            try {
              order = applyOrderEvent(order, next, i + 1);
            } catch (error) {
              if (!(error instanceof IllegalOrderTransitionError)) throw error;
              expect(order).toBe(before);
              return;
            }
            if (isFinalState(before.state)) throw new Error('left a final state');
            if (next.type === 'fill') prices.push(next.price);
          });
          expect(order.filled).toBeLessThanOrEqual(order.amount * (1 + 1e-9));
          expect(order.filled).toBeGreaterThanOrEqual(0);
          if (prices.length > 0) {
            expect(order.averagePrice).toBeGreaterThanOrEqual(Math.min(...prices));
            expect(order.averagePrice).toBeLessThanOrEqual(Math.max(...prices));
          } else {
            expect(order.averagePrice).toBeUndefined();
          }
          expect(order.state === 'filled').toBe(order.filled === order.amount);
          expect(order.history.at(-1)?.state).toBe(order.state);
          // `sent` only ever follows new or sent: nothing is sent once the exchange answered.
          order.history.forEach((entry, index) => {
            if (entry.state !== 'sent') return;
            expect(['new', 'sent']).toContain(order.history[index - 1]?.state);
          });
          // Acknowledged exactly when it holds an exchange order id.
          const wasAcknowledged = order.history.some((entry) => entry.state === 'open');
          expect(order.exchangeOrderId !== undefined).toBe(wasAcknowledged);
          expect(order.history.map((entry) => entry.time)).toEqual(
            [...order.history.map((entry) => entry.time)].sort((a, b) => a - b),
          );
        },
      ),
    );
  });
});
