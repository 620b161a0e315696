import { describe, expect, it } from 'vitest';
import type { OrderState } from '../core/orders/types';
import { createDexieBotStore } from './dexieBotStore';
import { createOrdersRepository } from './ordersRepository';
import { createTestDb, sampleFill, sampleLedger, sampleOrder } from './testDb';

function setup() {
  const db = createTestDb();
  return {
    db,
    store: createDexieBotStore(db, { clock: { now: () => 0 } }),
    orders: createOrdersRepository(db),
  };
}

describe('ordersRepository', () => {
  it('lists a bot’s orders oldest first and its open ones', async () => {
    const { store, orders } = setup();
    const states: OrderState[] = [
      'filled',
      'open',
      'new',
      'canceled',
      'partially_filled',
      'rejected',
      'expired',
      'sent',
    ];
    for (const [index, state] of states.entries()) {
      await store.putOrder(
        sampleOrder({ clientOrderId: `o-${index}`, state, createdAt: 100 - index }),
      );
    }
    await store.putOrder(sampleOrder({ clientOrderId: 'other', botId: 'bot-2', state: 'open' }));

    expect((await orders.listOrders('bot-1')).map((order) => order.clientOrderId)).toEqual([
      'o-7',
      'o-6',
      'o-5',
      'o-4',
      'o-3',
      'o-2',
      'o-1',
      'o-0',
    ]);
    expect((await orders.listOpenOrders('bot-1')).map((order) => order.state)).toEqual([
      'sent',
      'partially_filled',
      'new',
      'open',
    ]);
    expect(await orders.listOpenOrders('nope')).toEqual([]);
  });

  it('lists a bot’s latest fills newest first', async () => {
    const { store, orders } = setup();
    const order = sampleOrder();
    for (const time of [30, 10, 20]) {
      await store.recordFill(
        'sim-default',
        'bot-1',
        sampleFill({ tradeId: `t-${time}`, time }),
        order,
        sampleLedger(),
      );
    }
    const other = sampleOrder({ botId: 'bot-2', clientOrderId: 'o-2' });
    await store.recordFill(
      'sim-default',
      'bot-2',
      sampleFill({ tradeId: 'x', clientOrderId: 'o-2', time: 99 }),
      other,
      sampleLedger(),
    );
    expect((await orders.listFills('bot-1')).map((fill) => fill.time)).toEqual([30, 20, 10]);
    expect((await orders.listFills('bot-1', 2)).map((fill) => fill.tradeId)).toEqual([
      't-30',
      't-20',
    ]);
    await expect(orders.listFills('bot-1', 0)).rejects.toThrow(/^limit /);
  });

  it('lists equity oldest first, optionally from a time on', async () => {
    const { store, orders } = setup();
    for (const time of [300, 100, 200]) {
      await store.appendEquity({ botId: 'bot-1', time, equity: time, price: 1 });
    }
    await store.appendEquity({ botId: 'bot-2', time: 150, equity: 1, price: 1 });
    expect((await orders.listEquity('bot-1')).map((point) => point.time)).toEqual([100, 200, 300]);
    expect((await orders.listEquity('bot-1', 200)).map((point) => point.time)).toEqual([200, 300]);
    await expect(orders.listEquity('bot-1', Number.NaN)).rejects.toThrow(/^since /);
  });
});
