import { describe, expect, it } from 'vitest';
import { createTestDb, sampleConfig } from '../../db/testDb';
import type { FlotillaDb } from '../../db';
import { createLastActionsReader } from './lastActions';

async function addBot(db: FlotillaDb, id: string): Promise<void> {
  await db.bots.put({
    id,
    shortId: id.padEnd(6, '0').slice(0, 6),
    config: sampleConfig(),
    configVersion: 1,
    status: 'running',
    createdAt: 0,
    updatedAt: 0,
  });
}

const event = (botId: string, time: number, message: string) => ({
  botId,
  time,
  type: 'signal' as const,
  message,
});

describe('createLastActionsReader', () => {
  it("reads each bot's newest event, then only the events appended since", async () => {
    const db = createTestDb();
    await addBot(db, 'bot-a');
    await addBot(db, 'bot-b');
    await db.events.bulkAdd([
      event('bot-a', 1, 'a1'),
      event('bot-b', 2, 'b1'),
      event('bot-a', 3, 'a2'),
    ]);
    const reader = createLastActionsReader(db);
    expect(await reader.read()).toEqual({
      'bot-a': { time: 3, message: 'a2' },
      'bot-b': { time: 2, message: 'b1' },
    });

    await db.events.bulkAdd([event('bot-b', 4, 'b2'), event('bot-b', 5, 'b3')]);
    await addBot(db, 'bot-c');
    await db.events.add(event('bot-c', 6, 'c1'));
    expect(await reader.read()).toEqual({
      'bot-a': { time: 3, message: 'a2' },
      'bot-b': { time: 5, message: 'b3' },
      'bot-c': { time: 6, message: 'c1' },
    });
    // Nothing new: the same figures.
    expect(await reader.read()).toEqual({
      'bot-a': { time: 3, message: 'a2' },
      'bot-b': { time: 5, message: 'b3' },
      'bot-c': { time: 6, message: 'c1' },
    });
  });

  it('starts from no events and keeps overlapping reads in order', async () => {
    const db = createTestDb();
    await addBot(db, 'bot-a');
    const reader = createLastActionsReader(db);
    expect(await reader.read()).toEqual({});
    await db.events.add(event('bot-a', 1, 'first'));
    const first = reader.read();
    await db.events.add(event('bot-a', 2, 'second'));
    const second = reader.read();
    await first;
    expect(await second).toEqual({ 'bot-a': { time: 2, message: 'second' } });
  });

  it('reads every bot again after more new events than it applies one by one', async () => {
    const db = createTestDb();
    await addBot(db, 'bot-a');
    await db.events.add(event('bot-a', 0, 'start'));
    const reader = createLastActionsReader(db);
    await reader.read();
    await db.events.bulkAdd(
      Array.from({ length: 5_001 }, (_, index) => event('bot-a', index + 1, `e${index + 1}`)),
    );
    expect(await reader.read()).toEqual({ 'bot-a': { time: 5_001, message: 'e5001' } });
  });
});
