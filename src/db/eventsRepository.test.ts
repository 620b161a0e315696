import { describe, expect, it } from 'vitest';
import type { BotEvent } from '../core/bot/types';
import { createEventsRepository } from './eventsRepository';
import { createTestDb } from './testDb';

const event = (botId: string, time: number, message = `at ${time}`): BotEvent => ({
  botId,
  time,
  type: 'strategy_log',
  message,
});

describe('eventsRepository', () => {
  it('appends with increasing seq and ignores a seq given by the caller', async () => {
    const db = createTestDb();
    const events = createEventsRepository(db);
    const first = await events.appendEvent(event('a', 1));
    const second = await events.appendEvent({ ...event('a', 2), seq: first });
    expect(second).toBeGreaterThan(first);
    expect((await db.events.toArray()).map((row) => [row.seq, row.time])).toEqual([
      [first, 1],
      [second, 2],
    ]);
  });

  it('lists one bot newest first, by seq rather than time, up to the limit', async () => {
    const db = createTestDb();
    const events = createEventsRepository(db);
    await events.appendEvent(event('a', 30, 'first'));
    await events.appendEvent(event('b', 10, 'other bot'));
    await events.appendEvent(event('a', 20, 'second'));
    await events.appendEvent(event('a', 40, 'third'));
    expect((await events.listEvents('a')).map((row) => row.message)).toEqual([
      'third',
      'second',
      'first',
    ]);
    expect((await events.listEvents('a', 2)).map((row) => row.message)).toEqual([
      'third',
      'second',
    ]);
    expect(await events.listEvents('missing')).toEqual([]);
  });

  it('lists all bots newest first up to the limit', async () => {
    const db = createTestDb();
    const events = createEventsRepository(db);
    for (let index = 0; index < 5; index += 1) {
      await events.appendEvent(event(index % 2 === 0 ? 'a' : 'b', index));
    }
    expect((await events.listAllEvents(3)).map((row) => row.time)).toEqual([4, 3, 2]);
    expect(await events.listAllEvents()).toHaveLength(5);
  });

  it('rejects invalid events, naming the field, and writes nothing', async () => {
    const db = createTestDb();
    const events = createEventsRepository(db);
    await expect(events.appendEvent({ ...event('a', 1), botId: '' })).rejects.toThrow(
      /^event\.botId /,
    );
    await expect(
      events.appendEvent({ ...event('a', 1), type: 'nope' as BotEvent['type'] }),
    ).rejects.toThrow(/^event\.type /);
    await expect(events.appendEvent({ ...event('a', Number.NaN) })).rejects.toThrow(
      /^event\.time /,
    );
    await expect(
      events.appendEvent({ ...event('a', 1), data: [] as unknown as Record<string, unknown> }),
    ).rejects.toThrow(/^event\.data /);
    await expect(events.listEvents('a', 0)).rejects.toThrow(/^limit /);
    expect(await db.events.count()).toBe(0);
  });

  it('is append-only: updates and deletes are refused', async () => {
    const db = createTestDb();
    const seq = await createEventsRepository(db).appendEvent(event('a', 1));
    await expect(db.events.update(seq, { message: 'rewritten' })).rejects.toThrow(/append-only/);
    await expect(db.events.put({ ...event('a', 1, 'rewritten'), seq })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.events.delete(seq)).rejects.toThrow(/append-only/);
    await expect(db.events.clear()).rejects.toThrow(/append-only/);
    expect(await db.events.toArray()).toEqual([{ ...event('a', 1), seq }]);
  });
});
