/**
 * The strategy contract. A strategy is incremental: it sees one closed candle at a time, keeps
 * its own state, and returns intents. The same parameter spec drives the UI form, validation
 * and parameter sweeps.
 */
import type { Candle } from '../market/candle';
import type { Timeframe } from '../market/timeframe';
import type { OrderIntent, OrderSide } from '../orders/types';

interface ParamBase {
  label: string;
  help?: string;
}

export interface NumericParamSpec extends ParamBase {
  /** integer: whole numbers; number: any real; percent: a number of percent (2 = 2%). */
  kind: 'integer' | 'number' | 'percent';
  default: number;
  min: number;
  max: number;
  step?: number;
}

export interface BooleanParamSpec extends ParamBase {
  kind: 'boolean';
  default: boolean;
}

export interface ChoiceParamSpec<V extends string = string> extends ParamBase {
  kind: 'choice';
  default: V;
  options: readonly { value: V; label: string }[];
}

export type ParamSpec = NumericParamSpec | BooleanParamSpec | ChoiceParamSpec;
export type ParamSpecs = Record<string, ParamSpec>;

/**
 * The value type one spec describes. Distributes over unions, so the erased `ParamSpec` gives
 * `number | boolean | string` rather than collapsing to `number`.
 */
export type ParamValue<S extends ParamSpec> = S extends BooleanParamSpec
  ? boolean
  : S extends ChoiceParamSpec<infer V>
    ? V
    : number;

/** The parameter values a spec describes, with types inferred from it. */
export type ParamValues<P extends ParamSpecs> = { [K in keyof P]: ParamValue<P[K]> };

/** Untyped parameter values, as stored in a bot config. */
export type RawParams = Record<string, number | boolean | string>;

export interface OpenOrderView {
  clientOrderId: string;
  side: OrderSide;
  type: 'market' | 'limit';
  price?: number;
  amount: number;
  filled: number;
  tag?: string;
}

export interface PositionView {
  /** Base-currency amount held (long only for spot). */
  amount: number;
  /** Average entry price of the amount held; 0 when flat. */
  averageEntry: number;
}

export interface StrategyFill {
  clientOrderId: string;
  side: OrderSide;
  price: number;
  amount: number;
  fee: number;
  time: number;
  tag?: string;
}

/**
 * What a strategy can read, during one call: read-only snapshots. The engine hands the same
 * object to the next call with its fields brought up to date, so a strategy that needs a
 * value later keeps the value (`ctx.cash`, `ctx.position`), not `ctx` itself.
 */
export interface StrategyContext<P extends ParamSpecs = ParamSpecs> {
  readonly params: Readonly<ParamValues<P>>;
  readonly position: Readonly<PositionView>;
  readonly openOrders: readonly OpenOrderView[];
  /** Capital assigned to this bot, in quote currency. */
  readonly allocation: number;
  /** Free quote currency in this bot's ledger. */
  readonly cash: number;
  /** cash + position at the last close. */
  readonly equity: number;
  /** True while the engine replays history to warm the strategy up; intents are ignored. */
  readonly isWarmup: boolean;
  /** A line in the bot's timeline. */
  log(message: string): void;
  /**
   * Records the value of series `key` at the close of the candle being decided on, for the
   * bot's price chart (declare the series in the template's `plots`). Only onCandle plots;
   * an undefined or non-finite value leaves a gap. Backtests ignore it (no cost).
   * @example ctx.plot('upper', bands.upper);
   */
  plot(key: string, value: number | undefined): void;
}

/**
 * A series a strategy draws on its bot's chart with `ctx.plot(key, value)`: over the candles
 * in price units (`pane: 'price'`, the default) or in a pane of its own below them (`'lower'`,
 * e.g. RSI 0–100 or MACD). A `band` edge is drawn dashed.
 */
export interface PlotSpec {
  key: string;
  label: string;
  pane?: 'price' | 'lower';
  style?: 'line' | 'band';
}

/** What a strategy returns for one candle or fill: intents, or nothing. */
export type StrategyResult = OrderIntent[] | void;

export type StrategyCategory =
  'trend' | 'mean_reversion' | 'breakout' | 'grid' | 'dca' | 'benchmark';

export interface StrategyDefinition<P extends ParamSpecs = ParamSpecs, S = unknown> {
  id: string;
  name: string;
  description: string;
  category: StrategyCategory;
  /** Default timeframe the strategy is designed for. */
  timeframe: Timeframe;
  /** Closed candles needed before the first decision. */
  warmup: (params: ParamValues<P>) => number;
  params: P;
  /** Cross-field checks beyond each field's range, e.g. "fast must be below slow". */
  validate?: (params: ParamValues<P>) => { field: keyof P & string; message: string } | undefined;
  /** The series `onCandle` plots (labels may name the parameters, e.g. "Upper band (20, 2)"). */
  plots?: (params: ParamValues<P>) => readonly PlotSpec[];
  init(params: ParamValues<P>): S;
  onCandle(state: S, candle: Candle, ctx: StrategyContext<P>): StrategyResult;
  onFill?(state: S, fill: StrategyFill, ctx: StrategyContext<P>): StrategyResult;
}

/** A strategy with its parameter and state types erased, as the engine holds it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- erasure point for heterogeneous templates
export type AnyStrategy = StrategyDefinition<any, any>;

/**
 * What a strategy is without its code: enough to list it, build its parameter form and check
 * values against the spec. Templates and custom strategies (src/host/custom) both provide it.
 */
export type StrategyInfo = Pick<
  AnyStrategy,
  'id' | 'name' | 'description' | 'category' | 'timeframe' | 'params' | 'validate' | 'plots'
>;

/**
 * A strategy as the engine runs it: a template, or a custom strategy isolated in its own
 * worker, whose answers arrive asynchronously.
 */
export type RunnableStrategy = Omit<AnyStrategy, 'onCandle' | 'onFill' | 'warmup'> & {
  /**
   * Closed candles needed before the first decision. `state` is what `init` returned for the
   * bot being warmed up (an isolated strategy answers from that bot's worker); it is absent
   * when no bot exists yet (e.g. a backtest sizing its history).
   */
  warmup(params: ParamValues<ParamSpecs>, state?: unknown): number | Promise<number>;
  /**
   * Cross-field checks that cannot run synchronously (a custom strategy's `validate` runs in
   * its worker). The host awaits them before it saves a config; `validate` is then absent.
   */
  validateAsync?(params: RawParams): Promise<{ field: string; message: string } | undefined>;
  onCandle(
    state: unknown,
    candle: Candle,
    ctx: StrategyContext,
  ): StrategyResult | Promise<StrategyResult>;
  onFill?(
    state: unknown,
    fill: StrategyFill,
    ctx: StrategyContext,
  ): StrategyResult | Promise<StrategyResult>;
  /**
   * Releases what `init` acquired (a custom strategy's worker) once the bot's runtime is done
   * with `state`: after it stopped, failed or was unloaded. Never called twice for one state.
   */
  dispose?(state: unknown): void;
};
