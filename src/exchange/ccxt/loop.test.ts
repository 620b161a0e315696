/** Stream plumbing on a manual clock: shared feeds, stoppable sleeps, reconnect backoff. */
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../core/time';
import { createFeeds, createStopper, runLoop } from './loop';

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('createFeeds', () => {
  it('starts one upstream per key and stops it with the last listener', () => {
    const feeds = createFeeds<number>();
    const started: string[] = [];
    const stopped: string[] = [];
    let emit: (value: number) => void = () => undefined;
    const start = (key: string) => (send: (value: number) => void) => {
      started.push(key);
      emit = send;
      return () => stopped.push(key);
    };
    const a: number[] = [];
    const b: number[] = [];
    const offA = feeds.subscribe('BTC', (value) => a.push(value), start('BTC'));
    const offB = feeds.subscribe('BTC', (value) => b.push(value), start('BTC'));
    emit(1);
    offA();
    emit(2);
    expect([a, b, started, stopped]).toEqual([[1], [1, 2], ['BTC'], []]);
    offB();
    expect(stopped).toEqual(['BTC']);
  });
});

describe('runLoop', () => {
  it('backs off 1 s, 2 s, 4 s after failures and stops at once', async () => {
    const clock = createManualClock(0);
    const stopper = createStopper(clock);
    const delays: number[] = [];
    let calls = 0;
    runLoop({
      stopper,
      step: async () => {
        calls += 1;
        if (calls <= 3) throw new Error('socket closed');
        await stopper.sleep(10_000);
      },
      onFailure: (_error, delay) => delays.push(delay),
    });
    for (let i = 0; i < 4; i++) {
      await flush();
      clock.advance(4_000);
    }
    await flush();
    expect(delays).toEqual([1_000, 2_000, 4_000]);
    expect(calls).toBe(4);
    stopper.stop();
    await flush();
    clock.advance(60_000);
    await flush();
    expect(calls).toBe(4);
  });
});
