import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSerialQueue } from './serialQueue';

describe('serial queue', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('runs queued and posted jobs one at a time, in the order they came', async () => {
    const queue = createSerialQueue();
    const seen: string[] = [];
    const first = queue.run(() => {
      seen.push('run 1');
      return 1;
    });
    queue.post((name) => seen.push(name), 'post 1');
    const waited = queue.run(async () => {
      await Promise.resolve();
      seen.push('run 2 (waited)');
      return 2;
    });
    queue.post((name) => seen.push(name), 'post 2');
    await expect(first).resolves.toBe(1);
    await expect(waited).resolves.toBe(2);
    await queue.idle();
    expect(seen).toEqual(['run 1', 'post 1', 'run 2 (waited)', 'post 2']);
  });

  it('flush runs synchronous jobs at once and returns a promise only when one waits', async () => {
    const queue = createSerialQueue();
    const seen: number[] = [];
    queue.post((value) => seen.push(value), 1);
    queue.post((value) => seen.push(value), 2);
    expect(seen).toEqual([]);
    expect(queue.flush()).toBeUndefined();
    expect(seen).toEqual([1, 2]);

    let release = () => undefined as void;
    queue.post(() => new Promise<void>((resolve) => (release = resolve)), undefined);
    queue.post((value) => seen.push(value), 3);
    const busy = queue.flush();
    expect(busy).toBeInstanceOf(Promise);
    expect(seen).toEqual([1, 2]);
    release();
    await busy;
    expect(seen).toEqual([1, 2, 3]);
  });

  it('a posted job that throws becomes an unhandled rejection; later jobs still run', async () => {
    const queue = createSerialQueue();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const failure = new Error('job failed');
      queue.post(() => {
        throw failure;
      }, undefined);
      const after = queue.run(() => 'ran');
      await expect(after).resolves.toBe('ran');
      await vi.waitFor(() => expect(unhandled).toEqual([failure]));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
