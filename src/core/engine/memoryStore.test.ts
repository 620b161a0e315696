import { describe, expect, it } from 'vitest';
import { equitySeriesOf } from '../bot/equitySeries';
import type { EquityPoint } from '../bot/types';
import { createMemoryBotStore } from './memoryStore';

describe('memory store equity', () => {
  it.each([
    ['the default room', undefined],
    ['room for 3 points', 3],
    ['room for every point', 5_000],
  ])('gives back every appended point as columns, past the columns growing (%s)', (_, room) => {
    const store = createMemoryBotStore({ equityCapacity: room });
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
    expect(store.equity).toEqual(equitySeriesOf(appended));
    expect([...store.equity.plots.keys()]).toEqual([7, 1_007, 2_007, 3_007, 4_007]);
  });

  it('takes a point as its numbers the same as a point object', () => {
    const byObject = createMemoryBotStore({ equityCapacity: 2 });
    const byValues = createMemoryBotStore({ equityCapacity: 2 });
    for (let index = 0; index < 10; index++) {
      const time = 1_677_628_800_000 + index * 60_000;
      const equity = 10_000 - index * 0.1;
      const price = 23_000 + index / 3;
      byObject.appendEquity({ botId: 'a', time, equity, price });
      byValues.appendEquityValues?.('a', time, equity, price);
    }
    expect(byValues.equity.length).toBe(10);
    expect(byValues.equity).toEqual(byObject.equity);
  });

  it('gives columns that later appends leave as they were', () => {
    const store = createMemoryBotStore();
    store.appendEquity({ botId: 'a', time: 1, equity: 2, price: 3, plots: { x: 1 } });
    const first = store.equity;
    store.appendEquity({ botId: 'a', time: 2, equity: 4, price: 6, plots: { x: 2 } });
    expect(first.length).toBe(1);
    expect([...first.times]).toEqual([1]);
    expect(first.plots.size).toBe(1);
    expect([...store.equity.values]).toEqual([2, 4]);
  });
});
