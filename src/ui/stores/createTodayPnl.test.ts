import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../db/testDb';
import { dayKey, readDayStartPoints } from './createTodayPnl';

const MINUTE = 60_000;

describe('readDayStartPoints', () => {
  it("reads each bot's last equity point strictly before its 00:00", async () => {
    const db = createTestDb();
    const day = Date.UTC(2023, 2, 14);
    await db.equity.bulkPut([
      { botId: 'a', time: day - 2 * MINUTE, equity: 990, price: 1 },
      { botId: 'a', time: day - MINUTE, equity: 1005, price: 1 },
      { botId: 'a', time: day, equity: 1100, price: 1 },
      { botId: 'b', time: day + MINUTE, equity: 500, price: 1 },
      { botId: 'c', time: day - MINUTE, equity: 42, price: 1 },
    ]);
    const points = await readDayStartPoints(db, [
      ['a', day],
      ['b', day],
      ['a', day - MINUTE],
    ]);
    expect(points.get(dayKey('a', day))).toEqual({ equity: 1005 });
    expect(points.get(dayKey('a', day - MINUTE))).toEqual({ equity: 990 });
    // b first traded after 00:00: no point before it (its capital is the baseline).
    expect(points.get(dayKey('b', day))).toBeNull();
    expect(points.has(dayKey('c', day))).toBe(false);
  });
});
