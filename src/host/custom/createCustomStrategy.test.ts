import { describe, expect, it, vi } from 'vitest';
import type { Candle } from '../../core/market/candle';
import type { StrategyContext } from '../../core/strategy/types';
import { createManualClock } from '../../core/time';
import { browserTimers } from '../browserPorts';
import { createCustomStrategy, type CustomStrategySource } from './createCustomStrategy';
import { EXAMPLE_CUSTOM_STRATEGY } from './exampleModule';
import { inspectCustomStrategy } from './inspectCustomStrategy';
import { createInProcessWorker, spawnNodeWorker, type FakeWorker } from './testSupport';

const ROW: CustomStrategySource = {
  id: 'custom-ema-momentum',
  name: 'EMA momentum',
  description: '',
  category: 'trend',
  timeframe: '1m',
  params: {},
  source: EXAMPLE_CUSTOM_STRATEGY,
};

/** A module whose onCandle never answers after warm-up (in-process: a promise never settled). */
const STALLING = `export default ({ id: 'stall', name: 'Stall', description: '', category: 'trend',
  timeframe: '1m', params: {}, warmup: () => 1, init: () => ({}),
  onCandle: (state, candle, ctx) => (ctx.isWarmup ? [] : new Promise(() => {})) });`;

/** A module that really loops forever after warm-up (needs a real worker to be stopped). */
const LOOPING = `export default ({ id: 'loop', name: 'Loop', description: '', category: 'trend',
  timeframe: '1m', params: {}, warmup: () => 1, init: () => ({}),
  onCandle(state, candle, ctx) { if (!ctx.isWarmup) for (;;) {} return []; } });`;

function candle(time: number, close: number): Candle {
  return { time, open: close, high: close, low: close, close, volume: 1 };
}

function context(
  overrides: Partial<StrategyContext> = {},
): StrategyContext & { logs: string[]; plots: [string, number | undefined][] } {
  const logs: string[] = [];
  const plots: [string, number | undefined][] = [];
  return {
    params: { period: 3, rising: 2 },
    position: { amount: 0, averageEntry: 0 },
    openOrders: [],
    allocation: 1000,
    cash: 1000,
    equity: 1000,
    isWarmup: false,
    log: (message) => logs.push(message),
    plot: (key, value) => plots.push([key, value]),
    logs,
    plots,
    ...overrides,
  };
}

/** Spawns in-process workers and remembers them. */
function fakeSpawner() {
  const workers: FakeWorker[] = [];
  return {
    workers,
    spawn: () => {
      const worker = createInProcessWorker();
      workers.push(worker);
      return worker;
    },
  };
}

describe('createCustomStrategy', () => {
  it('runs the module in a dedicated worker per bot: intents out, log lines replayed', async () => {
    const spawner = fakeSpawner();
    const strategy = createCustomStrategy(ROW, { spawn: spawner.spawn, timers: browserTimers });
    const params = { period: 3, rising: 2 };
    const state = strategy.init(params);
    const other = strategy.init(params);
    expect(await strategy.warmup(params, state)).toBe(4);
    expect(spawner.workers).toHaveLength(2);

    const ctx = context();
    for (const [index, close] of [100, 100, 100, 100].entries())
      expect(await strategy.onCandle(state, candle(index, close), ctx)).toEqual([]);
    expect(await strategy.onCandle(state, candle(4, 101), ctx)).toEqual([]);
    expect(await strategy.onCandle(state, candle(5, 102), ctx)).toEqual([
      { kind: 'enter_long', tag: 'momentum-up' },
    ]);
    expect(ctx.logs).toEqual([
      expect.stringMatching(/^2 rising closes above the EMA \(10\d\.\d\d\)$/),
    ]);
    // What the module plotted is replayed too: its EMA once warm (3 closes), one per candle.
    expect(ctx.plots.map(([key]) => key)).toEqual(['EMA', 'EMA', 'EMA', 'EMA']);
    expect(ctx.plots[0]?.[1]).toBeCloseTo(100, 9);

    const holding = context({ position: { amount: 0.01, averageEntry: 102 } });
    expect(await strategy.onCandle(state, candle(6, 90), holding)).toEqual([
      { kind: 'exit_long', tag: 'momentum-down' },
    ]);
    const fill = {
      clientOrderId: 'flt1',
      side: 'sell' as const,
      price: 90,
      amount: 0.01,
      fee: 0,
      time: 7,
    };
    expect(await strategy.onFill?.(state, fill, holding)).toEqual([]);
    expect(holding.logs).toEqual([
      expect.stringMatching(/^Closed below the EMA/),
      'Sold 0.01 at 90',
    ]);

    // The other bot's worker has its own state: the same candle decides nothing there.
    expect(await strategy.onCandle(other, candle(5, 102), context())).toEqual([]);
    strategy.dispose?.(state);
    expect(spawner.workers.map((worker) => worker.isTerminated)).toEqual([true, false]);
    await expect(strategy.onCandle(state, candle(8, 1), ctx)).rejects.toThrow(
      'Custom strategy "EMA momentum" was unloaded.',
    );
  });

  it('re-throws an exception of the module with its message', async () => {
    const source = EXAMPLE_CUSTOM_STRATEGY.replace(
      'const average = state.ema.next(candle.close);',
      "if (candle.close < 0) throw new RangeError('negative close');\n      const average = state.ema.next(candle.close);",
    );
    const strategy = createCustomStrategy(
      { ...ROW, source },
      { spawn: createInProcessWorker, timers: browserTimers },
    );
    const state = strategy.init({ period: 3, rising: 2 });
    await expect(strategy.onCandle(state, candle(0, -1), context())).rejects.toThrow(
      /^negative close$/,
    );
  });

  it('fails init with the module’s cross-field message; validateAsync asks a short-lived worker', async () => {
    const spawner = fakeSpawner();
    const strategy = createCustomStrategy(ROW, { spawn: spawner.spawn, timers: browserTimers });
    expect(await strategy.validateAsync?.({ period: 3, rising: 5 })).toEqual({
      field: 'rising',
      message: 'Rising closes (5) must be below the EMA period (3)',
    });
    expect(await strategy.warmup({ period: 20, rising: 2 })).toBe(21);
    expect(spawner.workers.map((worker) => worker.isTerminated)).toEqual([true, true]);
    const state = strategy.init({ period: 3, rising: 5 });
    await expect(strategy.warmup({ period: 3, rising: 5 }, state)).rejects.toThrow(
      'Invalid parameters for EMA momentum: Rising closes (5) must be below the EMA period (3)',
    );
  });

  it('stops a worker that does not answer in time, and every later call fails the same way', async () => {
    const clock = createManualClock(0);
    const spawner = fakeSpawner();
    const strategy = createCustomStrategy(
      { ...ROW, id: 'custom-stall', name: 'Stall', source: STALLING },
      { spawn: spawner.spawn, timers: clock, answerTimeoutMs: 2000 },
    );
    const state = strategy.init({});
    expect(await strategy.onCandle(state, candle(0, 1), context({ isWarmup: true }))).toEqual([]);
    const stalled = strategy.onCandle(state, candle(1, 1), context());
    const worker = spawner.workers[0];
    // Sent (and timed) once the warm-up candle was answered.
    await vi.waitFor(() =>
      expect(worker?.received.filter((request) => request.type === 'onCandle')).toHaveLength(2),
    );
    clock.advance(1999);
    expect(worker?.isTerminated).toBe(false);
    clock.advance(1);
    const message =
      'Custom strategy "Stall" did not answer within 2 s and was stopped (an endless loop?)';
    await expect(stalled).rejects.toThrow(message);
    expect(worker?.isTerminated).toBe(true);
    await expect(strategy.onCandle(state, candle(2, 1), context())).rejects.toThrow(message);
  });

  it('terminates a real worker thread stuck in an endless loop', async () => {
    const workers: ReturnType<typeof spawnNodeWorker>[] = [];
    const strategy = createCustomStrategy(
      { ...ROW, id: 'custom-loop', name: 'Loop', source: LOOPING },
      {
        spawn: () => {
          const worker = spawnNodeWorker();
          workers.push(worker);
          return worker;
        },
        timers: browserTimers,
        answerTimeoutMs: 300,
        // Starting a thread that compiles TypeScript takes a while on a busy machine.
        startTimeoutMs: 15_000,
      },
    );
    const state = strategy.init({});
    expect(await strategy.onCandle(state, candle(0, 1), context({ isWarmup: true }))).toEqual([]);
    await expect(strategy.onCandle(state, candle(1, 1), context())).rejects.toThrow(
      'Custom strategy "Loop" did not answer within 0.3 s and was stopped (an endless loop?)',
    );
    expect(await workers[0]?.exited).toBe(1);
  }, 30_000);
});

describe('inspectCustomStrategy', () => {
  it('describes a valid module and closes its worker', async () => {
    const spawner = fakeSpawner();
    const meta = await inspectCustomStrategy(EXAMPLE_CUSTOM_STRATEGY, {
      spawn: spawner.spawn,
      timers: browserTimers,
    });
    expect(meta).toMatchObject({ id: 'custom-ema-momentum', name: 'EMA momentum' });
    expect(spawner.workers[0]?.isTerminated).toBe(true);
  });

  it('reports a broken module and a module whose init throws', async () => {
    const options = { spawn: createInProcessWorker, timers: browserTimers };
    await expect(inspectCustomStrategy('export default (', options)).rejects.toThrow(
      /^Syntax error in the module: /,
    );
    const failingInit = EXAMPLE_CUSTOM_STRATEGY.replace(
      'init: ({ period }) => ({',
      'init: ({ period }) => ({ bad: indicators.createNothing(period),',
    );
    await expect(inspectCustomStrategy(failingInit, options)).rejects.toThrow(
      'indicators.createNothing is not a function',
    );
  });
});
