import { Dexie, liveQuery, RangeSet, type ObservabilitySet } from 'dexie';
import { describe, expect, it, onTestFinished } from 'vitest';
import { coarseObservability, coarsenParts } from './coarseObservability';
import { createTestDb, testDependencies } from './testDb';

const bounds = { minKey: -Infinity, maxKey: [[]] };

function ranges(tree: ObservabilitySet[string] | undefined): [unknown, unknown][] {
  return tree ? [...RangeSet(tree)].map((node) => [node.from, node.to]) : [];
}

describe('coarsenParts', () => {
  it("widens [botId, …] keys to the bot's whole range, and rising keys upwards", () => {
    const equity = new RangeSet();
    equity.addKeys([
      ['a', 1],
      ['a', 2],
      ['b', 5],
    ]);
    const seq = new RangeSet();
    seq.addKeys([7, 9]);
    const exact = new RangeSet();
    exact.addKeys(['x', 'y']);
    const parts: ObservabilitySet = {
      'idb://db/equity/': equity,
      'idb://db/events/': seq,
      'idb://db/orders/': exact,
    };
    coarsenParts(parts, { 'equity/': 'perFirst', 'events/': 'upward' }, 'db', bounds);
    expect(ranges(parts['idb://db/equity/'])).toEqual([
      [
        ['a', -Infinity],
        ['a', [[]]],
      ],
      [
        ['b', -Infinity],
        ['b', [[]]],
      ],
    ]);
    expect(ranges(parts['idb://db/events/'])).toEqual([[7, [[]]]]);
    expect(ranges(parts['idb://db/orders/'])).toEqual([
      ['x', 'x'],
      ['y', 'y'],
    ]);
  });
});

describe('coarseObservability', () => {
  it('reports one range per bot however many equity points a bot writes', async () => {
    const db = createTestDb();
    db.use(coarseObservability());
    await db.open();
    const reported: ObservabilitySet[] = [];
    const listener = (parts: ObservabilitySet) => reported.push(parts);
    Dexie.on('storagemutated', listener);
    try {
      for (let time = 0; time < 20; time++) {
        await db.equity.bulkPut([
          { botId: 'a', time, equity: 1, price: 1 },
          { botId: 'b', time, equity: 1, price: 1 },
        ]);
      }
      const equity = reported
        .map((parts) => parts[`idb://${db.name}/equity/`])
        .filter((tree) => tree !== undefined);
      expect(equity).toHaveLength(20);
      for (const tree of equity) expect(ranges(tree).length).toBeLessThanOrEqual(2);
      const merged = new RangeSet();
      for (const tree of equity) merged.add(tree);
      expect(ranges(merged)).toHaveLength(2);
    } finally {
      Dexie.on('storagemutated').unsubscribe(listener);
    }
  });

  it("still wakes a live query on its bot's writes, and only on those", async () => {
    // liveQuery runs only where Dexie sees an IndexedDB (Node: fake-indexeddb).
    const saved = Dexie.dependencies.indexedDB;
    Dexie.dependencies.indexedDB = testDependencies.indexedDB;
    onTestFinished(() => {
      Dexie.dependencies.indexedDB = saved;
    });
    const db = createTestDb();
    db.use(coarseObservability());
    const runs: number[] = [];
    const subscription = liveQuery(() =>
      db.equity.where('[botId+time]').between(['a', Dexie.minKey], ['a', Dexie.maxKey]).count(),
    ).subscribe((count) => runs.push(count));
    const settle = () => new Promise((resolve) => setTimeout(resolve, 30));
    await settle();
    await db.equity.put({ botId: 'b', time: 1, equity: 1, price: 1 });
    await settle();
    await db.equity.put({ botId: 'a', time: 1, equity: 1, price: 1 });
    await settle();
    subscription.unsubscribe();
    expect(runs).toEqual([0, 1]);
  });
});
