/**
 * A custom strategy as the engine runs it: a RunnableStrategy whose code lives in a worker.
 * `init` gives every bot its own dedicated worker (spawned on first use; requests queued in
 * order); `onCandle`/`onFill` send the candle or fill with a snapshot of `ctx` and replay the
 * returned log lines into the real `ctx.log`. A call that is not answered within
 * `answerTimeoutMs` terminates that bot's worker and fails with "did not answer", which the
 * engine turns into the error state of that bot only. `validateAsync` and a warmup asked
 * without a bot run in a short-lived worker of their own.
 */
import type {
  RawParams,
  RunnableStrategy,
  StrategyContext,
  StrategyResult,
} from '../../core/strategy/types';
import type { Timers } from '../../core/time';
import type { CustomStrategyRow } from '../../db/schema';
import type { ContextSnapshot, StrategyAnswer } from './protocol';
import { createWorkerSession, type WorkerLike, type WorkerSession } from './workerSession';

export const DEFAULT_ANSWER_TIMEOUT_MS = 2000;
export const DEFAULT_START_TIMEOUT_MS = 10_000;

export interface CustomStrategyOptions {
  spawn: () => WorkerLike;
  timers: Timers;
  /** How long the module may take to answer one call (default 2 s). */
  answerTimeoutMs?: number;
  /** How long a new worker may take to start (default 10 s). */
  startTimeoutMs?: number;
}

/** The stored fields a custom strategy is made from. */
export type CustomStrategySource = Pick<
  CustomStrategyRow,
  'id' | 'name' | 'description' | 'category' | 'timeframe' | 'params' | 'source'
>;

/** What `init` returns for one bot: its worker and the loading of the module in it. */
class CustomStrategyState {
  constructor(
    readonly session: WorkerSession,
    /** Load + init; every call waits for it and fails with its error. */
    readonly setup: Promise<void>,
  ) {}
}

function requireState(state: unknown): CustomStrategyState {
  if (state instanceof CustomStrategyState) return state;
  throw new Error('A custom strategy was called without the state its init returned.');
}

/** `ctx` as plain data for the worker (its `log` and `plot` stay here). */
export function snapshotContext(ctx: StrategyContext): ContextSnapshot {
  return {
    params: { ...ctx.params } as RawParams,
    position: { amount: ctx.position.amount, averageEntry: ctx.position.averageEntry },
    openOrders: ctx.openOrders.map((order) => ({ ...order })),
    allocation: ctx.allocation,
    cash: ctx.cash,
    equity: ctx.equity,
    isWarmup: ctx.isWarmup,
  };
}

function replay(answer: StrategyAnswer, ctx: StrategyContext): StrategyResult {
  for (const line of answer.logs) ctx.log(line);
  for (const [key, value] of answer.plots ?? []) ctx.plot(key, value);
  return answer.intents;
}

export function createCustomStrategy(
  row: CustomStrategySource,
  options: CustomStrategyOptions,
): RunnableStrategy {
  const openSession = () =>
    createWorkerSession({
      spawn: options.spawn,
      timers: options.timers,
      answerTimeoutMs: options.answerTimeoutMs ?? DEFAULT_ANSWER_TIMEOUT_MS,
      startTimeoutMs: options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS,
      subject: `Custom strategy "${row.name}"`,
    });

  /** Loads the module into `session`, making sure it is the module this row was saved from. */
  const load = async (session: WorkerSession) => {
    const meta = await session.call({ type: 'load', source: row.source });
    if (meta.id !== row.id) {
      throw new Error(`The module now declares the id "${meta.id}", not "${row.id}".`);
    }
  };

  /** Runs `use` in a worker of its own, closed afterwards. */
  const withProbe = async <T>(use: (session: WorkerSession) => Promise<T>): Promise<T> => {
    const session = openSession();
    try {
      await load(session);
      return await use(session);
    } finally {
      session.close();
    }
  };

  const call = async (
    state: unknown,
    request: (session: WorkerSession) => Promise<StrategyAnswer>,
    ctx: StrategyContext,
  ): Promise<StrategyResult> => {
    const { session, setup } = requireState(state);
    await setup;
    return replay(await request(session), ctx);
  };

  return {
    id: row.id,
    name: row.name,
    description: row.description,
    category: row.category,
    timeframe: row.timeframe,
    params: row.params,

    validateAsync: (params) => withProbe((session) => session.call({ type: 'validate', params })),

    async warmup(params, state) {
      const values = params as RawParams;
      if (state === undefined)
        return withProbe((session) => session.call({ type: 'warmup', params: values }));
      const { session, setup } = requireState(state);
      await setup;
      return session.call({ type: 'warmup', params: values });
    },

    init(params) {
      const session = openSession();
      const setup = load(session).then(() =>
        session.call({ type: 'init', params: params as RawParams }),
      );
      // Whoever calls next sees the failure; it must not also surface as unhandled.
      setup.catch(() => undefined);
      return new CustomStrategyState(session, setup);
    },

    onCandle: (state, candle, ctx) =>
      call(
        state,
        (session) => session.call({ type: 'onCandle', candle, ctx: snapshotContext(ctx) }),
        ctx,
      ),

    onFill: (state, fill, ctx) =>
      call(
        state,
        (session) => session.call({ type: 'onFill', fill, ctx: snapshotContext(ctx) }),
        ctx,
      ),

    dispose(state) {
      requireState(state).session.close();
    },
  };
}
