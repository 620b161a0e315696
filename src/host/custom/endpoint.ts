/**
 * The worker side of a custom strategy: loads the module, checks it, keeps the strategy's
 * state and answers the host's requests (protocol.ts) one at a time. Runs inside
 * workers/customStrategy.worker.ts; tests run it in-process or in a Node worker thread, so
 * everything the worker does is here. `ctx.log` lines and `ctx.plot` values are collected and
 * returned with the intents; the host replays them into the bot's real context (which caps and
 * checks plots again).
 */
import { validateParams } from '../../core/strategy/params';
import type {
  AnyStrategy,
  ParamSpecs,
  ParamValues,
  RawParams,
  StrategyContext,
} from '../../core/strategy/types';
import { checkIntents } from './checkIntents';
import type {
  AnswerMessage,
  ContextSnapshot,
  CustomStrategyMeta,
  StrategyAnswer,
  WorkerAnswers,
  WorkerCall,
  WorkerMessage,
  WorkerRequest,
} from './protocol';
import { customStrategyId } from './protocol';
import { plainParamSpecs } from './checkDefinition';
import { readDefinition } from './readDefinition';
import { createStrategySdk } from './sdk';

/** Log lines kept per call, and characters per line: a chatty module cannot flood the timeline. */
export const MAX_LOG_LINES = 50;
export const MAX_LOG_LENGTH = 500;

export interface CustomStrategyEndpoint {
  /** Answers one request; requests are processed in the order they arrive. */
  handle(request: WorkerRequest): Promise<AnswerMessage>;
}

export interface EndpointOptions {
  /** Imports module source text and resolves to the module's namespace. */
  importSource(source: string): Promise<unknown>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Series kept per call: more than a chart can show, few enough to bound the message. */
export const MAX_PLOTS = 32;

/** A `ctx` over `snapshot` whose log lines go to `logs` and plots to `plots` (both capped). */
function createContext(
  snapshot: ContextSnapshot,
  logs: string[],
  plots: Map<string, number>,
): StrategyContext {
  let dropped = 0;
  const context = {
    ...snapshot,
    log(message: unknown) {
      if (logs.length < MAX_LOG_LINES) logs.push(String(message).slice(0, MAX_LOG_LENGTH));
      else if (++dropped === 1) logs.push('… further log lines of this call were dropped');
    },
    plot(key: unknown, value: unknown) {
      if (typeof key !== 'string' || typeof value !== 'number' || !Number.isFinite(value)) return;
      if (plots.has(key) || plots.size < MAX_PLOTS) plots.set(key, value);
    },
  };
  return Object.freeze(context);
}

export function createCustomStrategyEndpoint(options: EndpointOptions): CustomStrategyEndpoint {
  const sdk = createStrategySdk();
  let def: AnyStrategy | undefined;
  let meta: CustomStrategyMeta | undefined;
  let state: unknown;
  let isInitialized = false;
  let tail: Promise<unknown> = Promise.resolve();

  const requireDefinition = (): AnyStrategy => {
    if (!def) throw new Error('The strategy module is not loaded.');
    return def;
  };

  /** The typed values of `params`, or an error naming every bad field. */
  const checkedParams = (strategy: AnyStrategy, params: RawParams): ParamValues<ParamSpecs> => {
    const result = validateParams(strategy, params);
    if (result.ok) return result.values;
    const problems = result.errors.map((error) => error.message).join('; ');
    throw new Error(`Invalid parameters for ${strategy.name}: ${problems}`);
  };

  const callStrategy = async (
    call: 'onCandle' | 'onFill',
    snapshot: ContextSnapshot,
    run: (strategy: AnyStrategy, ctx: StrategyContext) => unknown,
  ): Promise<StrategyAnswer> => {
    const strategy = requireDefinition();
    if (!isInitialized) throw new Error(`${call} before init.`);
    const logs: string[] = [];
    const plots = new Map<string, number>();
    const result: unknown = await run(strategy, createContext(snapshot, logs, plots));
    const intents = checkIntents(result, call);
    return plots.size > 0 ? { intents, logs, plots: [...plots] } : { intents, logs };
  };

  const answer = async (request: WorkerCall): Promise<WorkerAnswers[WorkerCall['type']]> => {
    switch (request.type) {
      case 'load': {
        if (def) throw new Error('The strategy module is already loaded.');
        const loaded = await readDefinition(await options.importSource(request.source), sdk);
        meta = {
          id: customStrategyId(loaded.id),
          name: loaded.name,
          description: loaded.description,
          category: loaded.category,
          timeframe: loaded.timeframe,
          params: plainParamSpecs(loaded.params as ParamSpecs),
        };
        def = loaded;
        return meta;
      }
      case 'describe':
        requireDefinition();
        return meta as CustomStrategyMeta;
      case 'validate': {
        const result = validateParams(requireDefinition(), request.params);
        if (result.ok) return undefined;
        const first = result.errors[0];
        return first && { field: String(first.field), message: String(first.message) };
      }
      case 'warmup': {
        const strategy = requireDefinition();
        const warmup: unknown = strategy.warmup(checkedParams(strategy, request.params));
        if (typeof warmup !== 'number' || !Number.isInteger(warmup) || warmup < 0) {
          throw new Error(`warmup() must return a whole number ≥ 0, got ${String(warmup)}.`);
        }
        return warmup;
      }
      case 'init': {
        const strategy = requireDefinition();
        state = await strategy.init(checkedParams(strategy, request.params));
        isInitialized = true;
        return undefined;
      }
      case 'onCandle':
        return callStrategy('onCandle', request.ctx, (strategy, ctx) =>
          strategy.onCandle(state, request.candle, ctx),
        );
      case 'onFill':
        return callStrategy('onFill', request.ctx, (strategy, ctx) =>
          strategy.onFill?.(state, request.fill, ctx),
        );
    }
  };

  const respond = async (request: WorkerRequest): Promise<AnswerMessage> => {
    try {
      return { type: 'answer', id: request.id, ok: true, value: await answer(request) };
    } catch (error) {
      return { type: 'answer', id: request.id, ok: false, error: messageOf(error) };
    }
  };

  return {
    handle(request) {
      const result = tail.then(() => respond(request));
      tail = result;
      return result;
    },
  };
}

/** What the endpoint needs of the worker's global scope. */
export interface WorkerScope {
  postMessage(message: WorkerMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/** Answers requests arriving at `scope` with `endpoint`, and tells the host it is ready. */
export function serveCustomStrategy(scope: WorkerScope, endpoint: CustomStrategyEndpoint): void {
  scope.addEventListener('message', (event) => {
    void endpoint.handle(event.data as WorkerRequest).then((message) => {
      try {
        scope.postMessage(message);
      } catch (error) {
        // E.g. a value that cannot be cloned: answer with the reason instead of never.
        scope.postMessage({ type: 'answer', id: message.id, ok: false, error: messageOf(error) });
      }
    });
  });
  scope.postMessage({ type: 'ready' });
}
