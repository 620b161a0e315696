/**
 * The messages between the host (or the custom strategies page) and a custom strategy worker
 * (workers/customStrategy.worker.ts). Everything is plain, structured-clone data: candles,
 * fills, parameter values and a snapshot of the strategy context instead of the live `ctx`.
 * The host sends one request at a time and waits for its answer (or times out).
 */
import type { Candle } from '../../core/market/candle';
import type { Timeframe } from '../../core/market/timeframe';
import type { OrderIntent } from '../../core/orders/types';
import type {
  OpenOrderView,
  ParamSpecs,
  PositionView,
  RawParams,
  StrategyCategory,
  StrategyFill,
} from '../../core/strategy/types';

/** Custom strategy ids are the module's own id behind this prefix: never a template's id. */
export const CUSTOM_ID_PREFIX = 'custom-';

/** The id a custom module declaring `moduleId` is stored and run under. */
export function customStrategyId(moduleId: string): string {
  return `${CUSTOM_ID_PREFIX}${moduleId}`;
}

export function isCustomStrategyId(id: string): boolean {
  return id.startsWith(CUSTOM_ID_PREFIX);
}

/** What a custom module declares about itself (the `describe` answer, and the stored row). */
export interface CustomStrategyMeta {
  /** "custom-" + the module's id. */
  id: string;
  name: string;
  description: string;
  category: StrategyCategory;
  timeframe: Timeframe;
  /** The parameter spec, reduced to plain JSON. */
  params: ParamSpecs;
}

/** The strategy context as data: everything `ctx` offers except `log` and `plot`. */
export interface ContextSnapshot {
  params: RawParams;
  position: PositionView;
  openOrders: OpenOrderView[];
  allocation: number;
  cash: number;
  equity: number;
  isWarmup: boolean;
}

/**
 * What a call into the strategy (onCandle, onFill) returns: its intents, its log lines and
 * what it plotted (key and value, last value per key).
 */
export interface StrategyAnswer {
  intents: OrderIntent[];
  logs: string[];
  plots?: [string, number][];
}

/** A request to the worker, without its id. */
export type WorkerCall =
  /** Loads and checks the module; answers its CustomStrategyMeta. Always the first request. */
  | { type: 'load'; source: string }
  | { type: 'describe' }
  /** Checks values against the spec and the module's cross-field validate(). */
  | { type: 'validate'; params: RawParams }
  | { type: 'warmup'; params: RawParams }
  /** Validates the values and creates the strategy's state (kept in the worker). */
  | { type: 'init'; params: RawParams }
  | { type: 'onCandle'; candle: Candle; ctx: ContextSnapshot }
  | { type: 'onFill'; fill: StrategyFill; ctx: ContextSnapshot };

export type WorkerRequest = WorkerCall & { id: number };

/** The answer value of each call. */
export interface WorkerAnswers {
  load: CustomStrategyMeta;
  describe: CustomStrategyMeta;
  validate: { field: string; message: string } | undefined;
  warmup: number;
  init: undefined;
  onCandle: StrategyAnswer;
  onFill: StrategyAnswer;
}

/** The answer to request `id`: its value, or the message of what went wrong. */
export type AnswerMessage =
  | { type: 'answer'; id: number; ok: true; value: unknown }
  | { type: 'answer'; id: number; ok: false; error: string };

export type WorkerMessage =
  /** Posted once when the worker's script has run: requests may be timed from now on. */
  { type: 'ready' } | AnswerMessage;
