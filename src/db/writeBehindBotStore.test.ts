import { describe, expect, it } from 'vitest';
import { createManualClock } from '../core/time';
import { createDexieBotStore } from './dexieBotStore';
import { createTestDb } from './testDb';
import { withWriteBehind } from './writeBehindBotStore';

const point = (botId: string, time: number, equity = 1000) => ({ botId, time, equity, price: 100 });
const state = (botId: string, lastCandleTime: number) => ({
  botId,
  lastCandleTime,
  notifiedTradeCount: 0,
});

function setUp() {
  const db = createTestDb();
  const clock = createManualClock(0);
  const store = withWriteBehind(db, createDexieBotStore(db), { timers: clock, delayMs: 100 });
  return { db, clock, store };
}

/** Lets the held write the timer started reach IndexedDB. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('withWriteBehind', () => {
  it('holds equity points and runtime states, then writes them together when the delay is up', async () => {
    const { db, clock, store } = setUp();
    expect(store.appendEquity(point('a', 60_000))).toBeUndefined();
    expect(store.saveRuntimeState(state('a', 60_000))).toBeUndefined();
    store.appendEquity(point('b', 60_000));
    store.saveRuntimeState(state('b', 60_000));
    store.appendEquity(point('a', 120_000, 1010));
    store.saveRuntimeState(state('a', 120_000));
    await settle();
    expect(await db.equity.count()).toBe(0);
    expect(await db.runtime.count()).toBe(0);

    clock.advance(100);
    await settle();
    expect((await db.equity.toArray()).map((row) => [row.botId, row.time, row.equity])).toEqual([
      ['a', 60_000, 1000],
      ['a', 120_000, 1010],
      ['b', 60_000, 1000],
    ]);
    // The newest state of each bot.
    expect((await db.runtime.get('a'))?.lastCandleTime).toBe(120_000);
    expect((await db.runtime.get('b'))?.lastCandleTime).toBe(60_000);
  });

  it('writes what it holds before any other write or read, so order is kept', async () => {
    const { db, store } = setUp();
    store.appendEquity(point('a', 60_000));
    store.saveRuntimeState(state('a', 60_000));
    await store.appendEvent({ botId: 'a', time: 60_000, type: 'signal', message: 'cross up' });
    expect(await db.equity.count()).toBe(1);
    expect(await db.events.count()).toBe(1);

    store.saveRuntimeState(state('a', 120_000));
    expect((await store.loadRuntimeState('a'))?.lastCandleTime).toBe(120_000);
    await store.flush();
  });

  it('names the field of a bad point or state and holds nothing of it', async () => {
    const { db, store } = setUp();
    expect(() => store.appendEquity(point('', 60_000))).toThrow(/point\.botId/);
    expect(() => store.saveRuntimeState({ ...state('a', 0), lastCandleTime: Number.NaN })).toThrow(
      /state\.lastCandleTime/,
    );
    await store.flush();
    expect(await db.equity.count()).toBe(0);
    expect(await db.runtime.count()).toBe(0);
  });

  it('reports a failed write to the next call, once', async () => {
    const { db, clock, store } = setUp();
    store.appendEquity(point('a', 60_000));
    db.close();
    clock.advance(100);
    await settle();
    await expect(store.appendEquity(point('a', 120_000))).rejects.toThrow(
      /Could not save 1 equity point\(s\) and 0 runtime state\(s\): .*closed/i,
    );
    // Reported once: the next call goes on (and meets the closed database itself).
    await expect(store.loadLedger('a')).rejects.toThrow(/closed/i);
  });
});

describe('withWriteBehind.discard', () => {
  it("drops what is held for one bot and keeps the others'", async () => {
    const { db, store } = setUp();
    store.appendEquity(point('a', 60_000));
    store.saveRuntimeState(state('a', 60_000));
    store.appendEquity(point('b', 60_000));
    store.discard('a');
    await store.flush();
    expect((await db.equity.toArray()).map((row) => row.botId)).toEqual(['b']);
    expect(await db.runtime.count()).toBe(0);
  });
});
