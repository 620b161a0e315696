import { describe, expect, it } from 'vitest';
import { CancelledError, createWorkerPool, type PoolWorker } from './pool';

/** An in-process worker whose jobs finish when the test says so. */
function createFakeWorkers() {
  const started: {
    job: string;
    worker: number;
    finish(value?: string): void;
    fail(message: string): void;
    progress(done: number): void;
  }[] = [];
  const terminated: number[] = [];
  let count = 0;
  const createWorker = (): PoolWorker<string, string> => {
    const id = count++;
    return {
      run: (job, onProgress) =>
        new Promise((resolve, reject) => {
          started.push({
            job,
            worker: id,
            finish: (value) => resolve(value ?? `done ${job}`),
            fail: (message) => reject(new Error(message)),
            progress: (done) => onProgress(done, 10),
          });
        }),
      terminate: () => terminated.push(id),
    };
  };
  return { started, terminated, createWorker, created: () => count };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createWorkerPool', () => {
  it('starts jobs in submission order on at most `size` workers', async () => {
    const fake = createFakeWorkers();
    const pool = createWorkerPool({ size: 2, createWorker: fake.createWorker });
    const tasks = ['a', 'b', 'c', 'd'].map((job) => pool.submit(job));
    expect(fake.started.map((entry) => entry.job)).toEqual(['a', 'b']);
    fake.started[1]?.finish();
    await tick();
    expect(fake.started.map((entry) => entry.job)).toEqual(['a', 'b', 'c']);
    fake.started[0]?.finish();
    await tick();
    fake.started[2]?.finish();
    fake.started[3]?.finish();
    expect(await Promise.all(tasks.map((task) => task.promise))).toEqual([
      'done a',
      'done b',
      'done c',
      'done d',
    ]);
    expect(fake.created()).toBe(2);
    expect(pool.pending()).toBe(0);
  });

  it('passes progress through while a job runs', async () => {
    const fake = createFakeWorkers();
    const pool = createWorkerPool({ size: 1, createWorker: fake.createWorker });
    const seen: [number, number][] = [];
    const task = pool.submit('a', (done, total) => seen.push([done, total]));
    fake.started[0]?.progress(3);
    fake.started[0]?.progress(10);
    fake.started[0]?.finish();
    await task.promise;
    expect(seen).toEqual([
      [3, 10],
      [10, 10],
    ]);
  });

  it('reports a failing job as its own error and keeps serving the others', async () => {
    const fake = createFakeWorkers();
    const pool = createWorkerPool({ size: 1, createWorker: fake.createWorker });
    const failing = pool.submit('bad');
    const next = pool.submit('good');
    fake.started[0]?.fail('Not enough data');
    await expect(failing.promise).rejects.toThrow('Not enough data');
    await tick();
    fake.started[1]?.finish();
    await expect(next.promise).resolves.toBe('done good');
    expect(fake.terminated).toEqual([]);
  });

  it('cancels a running job by terminating its worker and starts the next on a new one', async () => {
    const fake = createFakeWorkers();
    const pool = createWorkerPool({ size: 1, createWorker: fake.createWorker });
    const seen: number[] = [];
    const running = pool.submit('long', (done) => seen.push(done));
    const queued = pool.submit('next');
    running.cancel();
    await expect(running.promise).rejects.toBeInstanceOf(CancelledError);
    expect(fake.terminated).toEqual([0]);
    // The terminated worker's late messages are ignored.
    fake.started[0]?.progress(5);
    fake.started[0]?.finish();
    expect(seen).toEqual([]);
    expect(fake.started[1]).toMatchObject({ job: 'next', worker: 1 });
    fake.started[1]?.finish();
    await expect(queued.promise).resolves.toBe('done next');
  });

  it('drops a cancelled queued job without starting it; dispose cancels everything', async () => {
    const fake = createFakeWorkers();
    const pool = createWorkerPool({ size: 1, createWorker: fake.createWorker });
    const first = pool.submit('a');
    const second = pool.submit('b');
    second.cancel();
    await expect(second.promise).rejects.toBeInstanceOf(CancelledError);
    const third = pool.submit('c');
    pool.dispose();
    await expect(first.promise).rejects.toBeInstanceOf(CancelledError);
    await expect(third.promise).rejects.toBeInstanceOf(CancelledError);
    expect(fake.started.map((entry) => entry.job)).toEqual(['a']);
    await expect(pool.submit('d').promise).rejects.toBeInstanceOf(CancelledError);
  });
});
