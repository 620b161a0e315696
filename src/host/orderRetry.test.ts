/**
 * The order manager's own retry path, driven with injected network faults on the real
 * simulator: a request that failed before or after the exchange accepted it is retried (after
 * a backoff on the injected timers) with the same client order id, a "duplicate order" reply
 * adopts the order the exchange has, and exactly one order ever exists on the exchange.
 * Reconciliation waits out the exchange's request window before re-sending a lost `sent` order.
 */
import { describe, expect, it } from 'vitest';
import type { BotEventType } from '../core/bot/types';
import { createMemoryBotStore } from '../core/engine/memoryStore';
import { createOrderManager, type OrderManager } from '../core/engine/orderManager';
import { ExchangeError, type ExchangeErrorKind, type ExchangePort } from '../core/exchangePort';
import { newOrderRecord, type OrderRecord } from '../core/orders/journal';
import type { OrderRequest } from '../core/orders/types';
import { createTestExchange } from '../exchange/simulated/testSupport';

/**
 * One scripted failure of a call: refused before the exchange saw it, thrown after it
 * accepted the order, or lost in transit (it reaches the exchange only when `land` is called).
 */
interface Fault {
  kind: ExchangeErrorKind;
  at?: 'refused' | 'accepted' | 'in_transit';
}

async function setup(options: { requestWindowMs?: number } = {}) {
  const { exchange: simulated, clock } = createTestExchange();
  const createFaults: Fault[] = [];
  const lookupFaults: Fault[] = [];
  const requests: OrderRequest[] = [];
  const lookups: string[] = [];
  /** Requests that "left" but reach the exchange only when `land` is called. */
  const inFlight: OrderRequest[] = [];
  const exchange: ExchangePort = {
    ...simulated,
    ...(options.requestWindowMs === undefined ? {} : { requestWindowMs: options.requestWindowMs }),
    async createOrder(request) {
      requests.push(request);
      const fault = createFaults.shift();
      if (fault?.at === 'in_transit') inFlight.push(request);
      if (fault && fault.at !== 'accepted')
        throw new ExchangeError(fault.kind, `${fault.kind} (test)`);
      const placed = await simulated.createOrder(request);
      if (fault) throw new ExchangeError(fault.kind, `${fault.kind} after accepting (test)`);
      return placed;
    },
    async fetchOrderByClientId(clientOrderId, symbol) {
      lookups.push(clientOrderId);
      const fault = lookupFaults.shift();
      if (fault) throw new ExchangeError(fault.kind, `${fault.kind} (test)`);
      return simulated.fetchOrderByClientId(clientOrderId, symbol);
    },
  };
  const market = (await simulated.loadMarkets())['BTC/USDT'];
  if (!market) throw new Error('no market');
  const store = createMemoryBotStore();
  const events: { type: BotEventType; message: string }[] = [];
  const manager = createOrderManager({
    botId: 'bot-1',
    accountId: 'sim-default',
    shortId: 'abc123',
    market,
    exchange,
    store,
    clock,
    timers: clock,
    configVersion: () => 1,
    emit: async (type, message) => {
      events.push({ type, message });
    },
  });
  const price = Math.floor(simulated.getLastPrice('BTC/USDT') * 0.9);
  /** A resting limit buy well under the market: it stays open, nothing fills. */
  const submit = (target: OrderManager = manager) =>
    target.submit({ side: 'buy', type: 'limit', amount: 0.01, price });
  /** Orders the simulator holds (open or closed) under this client order id. */
  const onExchange = (clientOrderId: string) => {
    const state = simulated.getState();
    return [...state.openOrders.map((open) => open.order), ...state.closedOrders].filter(
      (order) => order.clientOrderId === clientOrderId,
    );
  };
  const land = async () => {
    for (const request of inFlight.splice(0)) await simulated.createOrder(request);
  };
  return {
    ...{ manager, store, clock, events, requests, lookups, createFaults, lookupFaults },
    ...{ submit, onExchange, land, simulated, price },
  };
}

/** Lets pending promise chains run (the manager awaits the store and the exchange). */
async function flush(): Promise<void> {
  for (let turn = 0; turn < 10; turn++) await new Promise((resolve) => setImmediate(resolve));
}

/** Starts `work`, then advances the clock by each step, flushing in between; returns the result. */
async function drive<T>(
  work: T | Promise<T>,
  clock: { advance(ms: number): void },
  steps: number[],
): Promise<T> {
  for (const step of steps) {
    await flush();
    clock.advance(step);
  }
  return work;
}

const states = (order: OrderRecord | undefined) =>
  order?.history.map((entry) => (entry.note ? `${entry.state} (${entry.note})` : entry.state));

describe('the order manager retries with the same client order id', () => {
  it.each([
    ['before the exchange accepted it', false],
    ['after the exchange accepted it', true],
  ])('a network error %s: one order on the exchange, adopted or re-sent', async (_, accepted) => {
    const test = await setup();
    test.createFaults.push({ kind: 'network', at: accepted ? 'accepted' : 'refused' });
    const pending = test.submit();
    await flush();
    expect(test.requests).toHaveLength(1);
    const id = test.requests[0]?.clientOrderId ?? '';
    // Marked sent before the request; nothing happens until the backoff (500 ms) has passed.
    expect(test.manager.get(id)?.state).toBe('sent');
    test.clock.advance(499);
    await flush();
    expect(test.lookups).toEqual([]);
    test.clock.advance(1);
    const record = await drive(pending, test.clock, []);

    expect(test.lookups).toEqual([id]);
    expect(record).toMatchObject({ clientOrderId: id, state: 'open' });
    expect(test.onExchange(id)).toHaveLength(1);
    expect(record.exchangeOrderId).toBe(test.onExchange(id)[0]?.id);
    expect(test.store.orders.get(id)).toEqual(record);
    if (accepted) {
      // Found by the lookup after the backoff: adopted, never sent again.
      expect(test.requests).toHaveLength(1);
      expect(states(record)).toEqual(['new', 'sent', 'open']);
    } else {
      // The exchange never saw it: the retry carries the same client order id.
      expect(test.requests.map((request) => request.clientOrderId)).toEqual([id, id]);
      expect(states(record)).toEqual(['new', 'sent', 'sent (retry 2)', 'open']);
    }
    expect(test.events.map((event) => event.type)).toEqual(['order_placed']);
  });

  it('adopts the order when the retry is answered "duplicate"', async () => {
    const test = await setup();
    // Accepted, but the answer is lost; the lookup after the backoff fails too.
    test.createFaults.push({ kind: 'network', at: 'accepted' });
    test.lookupFaults.push({ kind: 'network' });
    const record = await drive(test.submit(), test.clock, [500]);
    const id = record.clientOrderId;
    // The retry went out with the same id; the simulator refused it as a duplicate.
    expect(test.requests.map((request) => request.clientOrderId)).toEqual([id, id]);
    expect(test.lookups).toEqual([id, id]);
    expect(record.state).toBe('open');
    expect(test.onExchange(id)).toHaveLength(1);
    expect(record.exchangeOrderId).toBe(test.onExchange(id)[0]?.id);
    expect(test.simulated.getState().seenClientOrderIds).toEqual([id]);
    expect(test.events.some((event) => event.type === 'order_rejected')).toBe(false);
  });

  it('backs off 500 ms, then 1 s, on rate limits, on the injected timers', async () => {
    const test = await setup();
    test.createFaults.push({ kind: 'rate_limited' }, { kind: 'rate_limited' });
    const pending = test.submit();
    const sentAfter = async (ms: number) => {
      test.clock.advance(ms);
      await flush();
      return test.requests.length;
    };
    await flush();
    expect(test.requests).toHaveLength(1);
    expect(await sentAfter(499)).toBe(1);
    expect(await sentAfter(1)).toBe(2);
    expect(await sentAfter(999)).toBe(2);
    expect(await sentAfter(1)).toBe(3);
    const record = await pending;
    const id = record.clientOrderId;
    expect(new Set(test.requests.map((request) => request.clientOrderId))).toEqual(new Set([id]));
    expect(record.state).toBe('open');
    expect(test.onExchange(id)).toHaveLength(1);
    const marks = record.history.filter((entry) => entry.state === 'sent');
    expect(marks.map((mark) => mark.time - record.createdAt)).toEqual([0, 500, 1500]);
  });

  it('rejects at once on an error that is not worth retrying', async () => {
    const test = await setup();
    test.createFaults.push({ kind: 'insufficient_funds' });
    const record = await drive(test.submit(), test.clock, []);
    expect(test.requests).toHaveLength(1);
    expect(record).toMatchObject({ state: 'rejected', reason: 'insufficient_funds (test)' });
    expect(test.events.map((event) => event.type)).toEqual(['order_rejected']);
    expect(test.onExchange(record.clientOrderId)).toEqual([]);
  });

  it('gives up after 4 attempts and leaves the order sent; reconcile sends it once', async () => {
    const test = await setup();
    const refused = { kind: 'exchange_unavailable' } as const;
    test.createFaults.push(refused, refused, refused, refused);
    const record = await drive(test.submit(), test.clock, [500, 1000, 2000]);
    expect(test.requests).toHaveLength(4);
    expect(record.state).toBe('sent');
    const error = test.events.find((event) => event.type === 'error');
    expect(error?.message).toMatch(/stays journaled and is reconciled on the next candle/);

    await test.manager.reconcile();
    const id = record.clientOrderId;
    expect(test.requests).toHaveLength(5);
    expect(test.manager.get(id)?.state).toBe('open');
    expect(states(test.manager.get(id))?.at(-2)).toBe(
      'sent (Re-sent: the exchange never received it)',
    );
    expect(test.onExchange(id)).toHaveLength(1);
  });
});

describe('reconciling a sent order the exchange does not know', () => {
  /** Every attempt is lost in transit, so the order is left `sent` with its requests in flight. */
  async function lostInTransit(requestWindowMs: number) {
    const test = await setup({ requestWindowMs });
    const lost = { kind: 'network', at: 'in_transit' } as const;
    test.createFaults.push(lost, lost, lost, lost);
    const record = await drive(test.submit(), test.clock, [500, 1000, 2000]);
    expect(record.state).toBe('sent');
    expect(test.onExchange(record.clientOrderId)).toEqual([]);
    return { test, id: record.clientOrderId, lastSent: record.updatedAt };
  }

  it('waits out the request window, then re-sends it with the same client order id', async () => {
    const { test, id, lastSent } = await lostInTransit(10_000);
    test.clock.set(lastSent + 9_999);
    await test.manager.reconcile();
    expect(test.requests).toHaveLength(4); // it might still land: not re-sent
    expect(test.manager.get(id)?.state).toBe('sent');

    test.clock.set(lastSent + 10_000);
    await test.manager.reconcile();
    expect(test.requests.map((request) => request.clientOrderId)).toEqual(Array(5).fill(id));
    expect(test.manager.get(id)?.state).toBe('open');
    expect(test.onExchange(id)).toHaveLength(1);
  });

  it('adopts a request that landed late instead of sending a second order', async () => {
    const { test, id, lastSent } = await lostInTransit(10_000);
    test.clock.set(lastSent + 5_000);
    await test.manager.reconcile();
    expect(test.manager.get(id)?.state).toBe('sent');
    // One of the lost requests reaches the exchange inside its window.
    await test.land().catch(() => undefined);
    test.clock.set(lastSent + 20_000);
    await test.manager.reconcile();
    expect(test.requests).toHaveLength(4);
    expect(test.manager.get(id)?.state).toBe('open');
    expect(test.onExchange(id)).toHaveLength(1);
    expect(test.manager.get(id)?.exchangeOrderId).toBe(test.onExchange(id)[0]?.id);
  });

  it('sends a new (never sent) order at once, and looks it up first', async () => {
    const test = await setup({ requestWindowMs: 10_000 });
    // A journal holding an order that was never marked sent (a crash right after journaling).
    const journaled = newOrderRecord(
      {
        clientOrderId: 'fltabc123000007',
        botId: 'bot-1',
        accountId: 'sim-default',
        symbol: 'BTC/USDT',
        side: 'buy',
        type: 'limit',
        amount: 0.01,
        price: test.price,
        configVersion: 1,
      },
      test.clock.now(),
    );
    test.manager.load([journaled]);
    await test.manager.reconcile();
    expect(test.lookups).toEqual([journaled.clientOrderId]);
    expect(test.requests).toHaveLength(1);
    expect(states(test.manager.get(journaled.clientOrderId))).toEqual(['new', 'sent', 'open']);
    expect(test.onExchange(journaled.clientOrderId)).toHaveLength(1);
    // The next order continues the sequence after the journal's highest.
    expect((await test.submit()).clientOrderId).toBe('fltabc123000008');
  });
});
