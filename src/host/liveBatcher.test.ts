import { describe, expect, it } from 'vitest';
import { createManualClock } from '../core/time';
import type { LiveEvent } from './engineApi';
import { createLiveBatcher } from './liveBatcher';

const tick = (price: number, symbol = 'BTC/USDT'): LiveEvent => ({
  type: 'tick',
  accountId: 'sim',
  symbol,
  time: price,
  price,
});
const bot = (botId: string, equity: number): LiveEvent => ({
  type: 'bot',
  botId,
  status: 'running',
  equity,
  price: 1,
  time: equity,
});
const candle = (botId: string, time: number): LiveEvent => ({
  type: 'candle',
  botId,
  candle: { time, open: 1, high: 1, low: 1, close: 1, volume: 1 },
});

describe('createLiveBatcher', () => {
  it('delivers one batch per interval, newest tick and bot snapshot only, every candle', () => {
    const clock = createManualClock(0);
    const batches: LiveEvent[][] = [];
    const batcher = createLiveBatcher({ deliver: (events) => batches.push(events), timers: clock });
    batcher.push(tick(1));
    batcher.push(bot('a', 10));
    batcher.push(candle('a', 60));
    batcher.push(tick(2));
    batcher.push(tick(5, 'BTC/USDC'));
    batcher.push(bot('a', 11));
    batcher.push(bot('b', 20));
    batcher.push(candle('a', 120));
    clock.advance(49);
    expect(batches).toEqual([]);
    clock.advance(1);
    expect(batches).toEqual([
      [tick(2), bot('a', 11), candle('a', 60), tick(5, 'BTC/USDC'), bot('b', 20), candle('a', 120)],
    ]);
    // Nothing pending: no empty batch; a new event starts a new interval.
    clock.advance(100);
    batcher.push(bot('a', 12));
    clock.advance(50);
    expect(batches).toHaveLength(2);
    expect(batches[1]).toEqual([bot('a', 12)]);
  });

  it('flushes on demand and then waits for the next event', () => {
    const clock = createManualClock(0);
    const batches: LiveEvent[][] = [];
    const batcher = createLiveBatcher({
      deliver: (events) => batches.push(events),
      timers: clock,
      intervalMs: 10,
    });
    batcher.push(candle('a', 1));
    batcher.flush();
    expect(batches).toEqual([[candle('a', 1)]]);
    clock.advance(20);
    batcher.flush();
    expect(batches).toHaveLength(1);
  });
});
