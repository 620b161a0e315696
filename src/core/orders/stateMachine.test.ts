import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OrderRecord } from './journal';
import {
  applyOrderEvent,
  IllegalOrderTransitionError,
  isFinalState,
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
const fill = (amount: number, price = 100, fee = 0.1): OrderEvent => ({
  type: 'fill',
  amount,
  price,
  fee,
});

describe('applyOrderEvent', () => {
  it('walks new -> open -> partially_filled -> filled with a volume-weighted average', () => {
    const original = newOrder();
    let order = applyOrderEvent(original, ack, 10);
    expect(order).toMatchObject({ state: 'open', exchangeOrderId: 'x-1', updatedAt: 10 });
    order = applyOrderEvent(order, fill(0.25, 100, 0.1), 20);
    expect(order).toMatchObject({ state: 'partially_filled', filled: 0.25, averagePrice: 100 });
    order = applyOrderEvent(order, fill(0.75, 104, 0.3), 30);
    expect(order).toMatchObject({ state: 'filled', filled: 1, averagePrice: 103, updatedAt: 30 });
    expect(order.fee).toBeCloseTo(0.4, 12);
    expect(order.history.map((h) => h.state)).toEqual([
      'new',
      'open',
      'partially_filled',
      'filled',
    ]);
    expect(order.history[3]?.note).toBe('fill 0.75 @ 104');
    expect(original.state).toBe('new'); // pure
  });

  it('accepts a fill before the acknowledgement', () => {
    expect(applyOrderEvent(newOrder(), fill(1), 5).state).toBe('filled');
    expect(applyOrderEvent(newOrder(), fill(0.5), 5).state).toBe('partially_filled');
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
    expect(
      applyOrderEvent(open, { type: 'rejected', reason: 'Insufficient funds' }, 3),
    ).toMatchObject({ state: 'rejected', reason: 'Insufficient funds' });
    expect(applyOrderEvent(partial, { type: 'expired' }, 3).state).toBe('expired');
  });

  it('ignores a repeated acknowledgement with the same id while live', () => {
    const open = applyOrderEvent(newOrder(), ack, 1);
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
  });

  it('rejects malformed fills', () => {
    expect(() => applyOrderEvent(newOrder(), fill(0), 1)).toThrow(RangeError);
    expect(() => applyOrderEvent(newOrder(), fill(0.1, -1), 1)).toThrow(RangeError);
    expect(() => applyOrderEvent(newOrder(), fill(0.1, 100, -0.1), 1)).toThrow(RangeError);
    expect(() => applyOrderEvent(newOrder(), fill(Number.NaN), 1)).toThrow(RangeError);
  });

  it('isFinalState', () => {
    expect(['new', 'open', 'partially_filled'].map((s) => isFinalState(s as never))).toEqual([
      false,
      false,
      false,
    ]);
    expect(
      ['filled', 'canceled', 'rejected', 'expired'].every((s) => isFinalState(s as never)),
    ).toBe(true);
  });
});

describe('applyOrderEvent properties', () => {
  const event: fc.Arbitrary<OrderEvent> = fc.oneof(
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

  it('never overfills, keeps final states absorbing and the average within fill prices', () => {
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
        },
      ),
    );
  });
});
