import { describe, expect, it } from 'vitest';
import { createManualClock } from '../core/time';
import { createDexieBotStore } from './dexieBotStore';
import { createTestDb, sampleFill, sampleLedger, sampleOrder } from './testDb';

function setup() {
  const db = createTestDb();
  const clock = createManualClock(5_000);
  return { db, clock, store: createDexieBotStore(db, { clock }) };
}

describe('createDexieBotStore: orders', () => {
  it('puts orders by client order id and loads one bot’s oldest first', async () => {
    const { store } = setup();
    await store.putOrder(sampleOrder({ clientOrderId: 'b', createdAt: 20 }));
    await store.putOrder(sampleOrder({ clientOrderId: 'a', createdAt: 10 }));
    await store.putOrder(sampleOrder({ clientOrderId: 'x', botId: 'bot-2' }));
    await store.putOrder(sampleOrder({ clientOrderId: 'b', createdAt: 20, state: 'open' }));
    const orders = await store.loadOrders('bot-1');
    expect(orders.map((order) => [order.clientOrderId, order.state])).toEqual([
      ['a', 'new'],
      ['b', 'open'],
    ]);
    expect(await store.loadOrders('nope')).toEqual([]);
  });

  it('rejects an order without a client order id', async () => {
    const { db, store } = setup();
    await expect(store.putOrder(sampleOrder({ clientOrderId: '' }))).rejects.toThrow(
      /^order\.clientOrderId /,
    );
    expect(await db.orders.count()).toBe(0);
  });
});

describe('createDexieBotStore: recordFill', () => {
  it('writes the fill, order and ledger together', async () => {
    const { db, store } = setup();
    const order = sampleOrder({ state: 'filled', filled: 0.01, configVersion: 4 });
    const ledger = sampleLedger();
    expect(await store.recordFill('sim-default', 'bot-1', sampleFill(), order, ledger)).toBe(true);
    expect(await db.fills.get(['sim-default', 'trade-1'])).toEqual({
      ...sampleFill(),
      accountId: 'sim-default',
      botId: 'bot-1',
      configVersion: 4,
      seq: ledger.tradeCount,
    });
    expect(await db.orders.get(order.clientOrderId)).toEqual(order);
    expect(await db.ledgers.get('bot-1')).toEqual({ botId: 'bot-1', ledger, updatedAt: 5_000 });
    expect(await store.loadLedger('bot-1')).toEqual(ledger);
  });

  it('returns false and writes nothing for a fill already recorded', async () => {
    const { db, store } = setup();
    const order = sampleOrder({ state: 'partially_filled', filled: 0.01 });
    await store.recordFill('sim-default', 'bot-1', sampleFill(), order, sampleLedger());
    const replayed = await store.recordFill(
      'sim-default',
      'bot-1',
      sampleFill({ price: 1 }),
      { ...order, state: 'filled', filled: 0.02 },
      sampleLedger({ cash: 0, tradeCount: 2 }),
    );
    expect(replayed).toBe(false);
    expect(await db.fills.toArray()).toHaveLength(1);
    expect((await db.fills.get(['sim-default', 'trade-1']))?.price).toBe(30_000);
    expect(await db.orders.get(order.clientOrderId)).toEqual(order);
    expect(await store.loadLedger('bot-1')).toEqual(sampleLedger());
  });

  it('treats the same trade id on another account as another fill', async () => {
    const { db, store } = setup();
    const order = sampleOrder();
    await store.recordFill('sim-default', 'bot-1', sampleFill(), order, sampleLedger());
    const other = { ...order, accountId: 'binance-1' };
    expect(await store.recordFill('binance-1', 'bot-1', sampleFill(), other, sampleLedger())).toBe(
      true,
    );
    expect(await db.fills.count()).toBe(2);
  });

  it('rejects fills that do not belong to the order, bot or account, writing nothing', async () => {
    const { db, store } = setup();
    const order = sampleOrder();
    const record = (fill = sampleFill(), botId = 'bot-1', accountId = 'sim-default') =>
      store.recordFill(accountId, botId, fill, order, sampleLedger());
    await expect(record(sampleFill({ clientOrderId: 'other' }))).rejects.toThrow(
      /^fill\.clientOrderId /,
    );
    await expect(record(sampleFill(), 'bot-2')).rejects.toThrow(/^order\.botId /);
    await expect(record(sampleFill(), 'bot-1', 'other')).rejects.toThrow(/^order\.accountId /);
    await expect(record(sampleFill({ amount: 0 }))).rejects.toThrow(/^fill\.amount /);
    await expect(record(sampleFill({ tradeId: '' }))).rejects.toThrow(/^fill\.tradeId /);
    expect([await db.fills.count(), await db.orders.count(), await db.ledgers.count()]).toEqual([
      0, 0, 0,
    ]);
  });

  it('is atomic: a failing ledger write leaves no fill and no order update', async () => {
    const { db, store } = setup();
    const refuse = () => {
      throw new Error('disk full');
    };
    db.ledgers.hook('creating', refuse);
    await expect(
      store.recordFill('sim-default', 'bot-1', sampleFill(), sampleOrder(), sampleLedger()),
    ).rejects.toThrow('disk full');
    db.ledgers.hook('creating').unsubscribe(refuse);
    expect([await db.fills.count(), await db.orders.count(), await db.ledgers.count()]).toEqual([
      0, 0, 0,
    ]);
  });
});

describe('createDexieBotStore: ledger, events, equity, runtime', () => {
  it('saves ledgers stamped with the injected clock', async () => {
    const { db, clock, store } = setup();
    expect(await store.loadLedger('bot-1')).toBeUndefined();
    await store.saveLedger('bot-1', sampleLedger());
    clock.advance(1_000);
    await store.saveLedger('bot-1', sampleLedger({ cash: 1 }));
    expect(await db.ledgers.get('bot-1')).toEqual({
      botId: 'bot-1',
      ledger: sampleLedger({ cash: 1 }),
      updatedAt: 6_000,
    });
  });

  it('appends events through the events log', async () => {
    const { db, store } = setup();
    await store.appendEvent({ botId: 'bot-1', time: 1, type: 'signal', message: 'cross up' });
    await store.appendEvent({ botId: 'bot-1', time: 2, type: 'order_placed', message: 'buy' });
    expect((await db.events.orderBy('seq').toArray()).map((event) => event.type)).toEqual([
      'signal',
      'order_placed',
    ]);
    await expect(
      store.appendEvent({ botId: '', time: 3, type: 'signal', message: 'x' }),
    ).rejects.toThrow(/^event\.botId /);
  });

  it('appends equity points, replacing a point re-taken at the same time', async () => {
    const { db, store } = setup();
    await store.appendEquity({ botId: 'bot-1', time: 60, equity: 1000, price: 1 });
    await store.appendEquity({ botId: 'bot-1', time: 60, equity: 1001, price: 2 });
    await store.appendEquity({ botId: 'bot-1', time: 120, equity: 1002, price: 3 });
    expect(await db.equity.toArray()).toEqual([
      { botId: 'bot-1', time: 60, equity: 1001, price: 2 },
      { botId: 'bot-1', time: 120, equity: 1002, price: 3 },
    ]);
    await expect(
      store.appendEquity({ botId: 'bot-1', time: 180, equity: Number.NaN, price: 3 }),
    ).rejects.toThrow(/^point\.equity /);
  });

  it('saves and loads runtime state', async () => {
    const { store } = setup();
    expect(await store.loadRuntimeState('bot-1')).toBeUndefined();
    await store.saveRuntimeState({ botId: 'bot-1', lastCandleTime: 60_000 });
    await store.saveRuntimeState({ botId: 'bot-1', lastCandleTime: 120_000 });
    expect(await store.loadRuntimeState('bot-1')).toEqual({
      botId: 'bot-1',
      lastCandleTime: 120_000,
    });
    await expect(store.saveRuntimeState({ botId: '', lastCandleTime: 0 })).rejects.toThrow(
      /^state\.botId /,
    );
  });
});

describe('createDexieBotStore: loadRecentFills', () => {
  it('gives a bot’s last fills oldest first, in recorded order within one time', async () => {
    const { store } = setup();
    const order = sampleOrder({ state: 'partially_filled', filled: 0.01 });
    // Trade ids that sort wrongly as strings: the recorded order must win.
    const times = { 't-9': 100, 't-10': 200, 't-11': 200, 't-12': 200 };
    let count = 0;
    for (const [tradeId, time] of Object.entries(times)) {
      count += 1;
      const ledger = { ...sampleLedger(), tradeCount: count };
      await store.recordFill('sim-default', 'bot-1', sampleFill({ tradeId, time }), order, ledger);
    }
    const other = sampleOrder({ botId: 'bot-2', clientOrderId: 'other', filled: 0.01 });
    await store.recordFill(
      'sim-default',
      'bot-2',
      sampleFill({ tradeId: 'x', clientOrderId: 'other', time: 300 }),
      other,
      sampleLedger(),
    );
    const ids = async (n: number) =>
      (await store.loadRecentFills('bot-1', n)).map((fill) => fill.tradeId);
    expect(await ids(2)).toEqual(['t-11', 't-12']);
    expect(await ids(3)).toEqual(['t-10', 't-11', 't-12']);
    expect(await ids(10)).toEqual(['t-9', 't-10', 't-11', 't-12']);
    expect(await ids(0)).toEqual([]);
    expect((await store.loadRecentFills('bot-1', 1))[0]).toEqual(
      sampleFill({ tradeId: 't-12', time: 200 }),
    );
  });
});
