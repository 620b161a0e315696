import { describe, expect, it } from 'vitest';
import type { EquityPoint } from '../bot/types';
import { createMemoryBotStore } from './memoryStore';

describe('memory store equity', () => {
  it('gives back every appended point as appended, past the columns growing', () => {
    const store = createMemoryBotStore();
    const appended: EquityPoint[] = [];
    for (let index = 0; index < 5_000; index++) {
      const point: EquityPoint = {
        botId: index % 2 === 0 ? 'a' : 'b',
        time: 1_677_628_800_000 + index * 60_000,
        equity: 10_000 + Math.sin(index) * 123.456789,
        price: 23_000.01 + index * 0.37,
      };
      if (index % 1_000 === 7) point.plots = { fast: index, slow: -index };
      appended.push(point);
      store.appendEquity(point);
    }
    expect(store.equity).toEqual(appended);
    expect(store.equity.filter((point) => point.plots !== undefined)).toHaveLength(5);
    expect(store.equity[1]).not.toHaveProperty('plots');
  });

  it('extends the array it gave out with the points appended after a read', () => {
    const store = createMemoryBotStore();
    store.appendEquity({ botId: 'a', time: 1, equity: 2, price: 3 });
    const first = store.equity;
    expect(first).toHaveLength(1);
    store.appendEquity({ botId: 'a', time: 2, equity: 4, price: 6 });
    expect(store.equity).toBe(first);
    expect(first).toEqual([
      { botId: 'a', time: 1, equity: 2, price: 3 },
      { botId: 'a', time: 2, equity: 4, price: 6 },
    ]);
  });
});
