/**
 * Runs a strategy over historical candles through the same engine as live bots: the bot
 * runtime, risk gate and order manager, trading on the simulated exchange fed from those
 * candles, with an in-memory store and a manual clock (so a month takes about a second).
 * The candles are 1-minute ones by default, or any length that divides the timeframe
 * (`candleMs`: hourly or daily history, gaps such as weekends allowed); the market hub
 * resamples them to the strategy's timeframe. Used by template tests, the template library's
 * preview, the Backtest page's workers and the CLI.
 */
import type { EquitySeries } from '../core/bot/equitySeries';
import type { Bot, BotEvent } from '../core/bot/types';
import { createBotRuntime } from '../core/engine/botRuntime';
import { createMemoryBotStore } from '../core/engine/memoryStore';
import type { Candle } from '../core/market/candle';
import { CandleStepError } from '../core/market/candleSteps';
import { timeframeLabel } from '../core/market/import/spacing';
import { timeframeMs, type Timeframe } from '../core/market/timeframe';
import type { OrderRecord } from '../core/orders/journal';
import type { Fill, Ledger } from '../core/portfolio/types';
import type { RiskConfig } from '../core/risk/riskConfig';
import { defaultParams } from '../core/strategy/params';
import type { RawParams, RunnableStrategy } from '../core/strategy/types';
import { createManualClock } from '../core/time';
import { createMarketHub } from '../exchange/marketHub';
import {
  createSimulatedExchange,
  type SimulatedExchange,
  type SimulatedExchangeOptions,
} from '../exchange/simulated';
import { candleStepMessage, dataTimeframeProblem } from './dataTimeframe';

const MINUTE_MS = 60_000;
/**
 * Closed orders and trades the backtest's simulator keeps. The runtime only looks up orders
 * it has not yet seen acknowledged, which in a backtest are the last few; a smaller history
 * lets each record die young instead of surviving into the old generation (the first 140,000
 * candles of the crossover bench, which hold its 7,172 fills, ran ~6% faster).
 */
const BACKTEST_KEPT = { closedOrders: 100, trades: 100 };

export interface BacktestOptions {
  strategy: RunnableStrategy;
  /** Defaults to the strategy's defaults. */
  params?: RawParams;
  /**
   * Candles in increasing time order, each `candleMs` long and opening on a whole step of it;
   * gaps (weekends, holidays) are allowed: a candle's successor is the next one given.
   */
  candles: readonly Candle[];
  /** Length of each candle, ms (default 60,000: 1-minute candles). Must divide the timeframe. */
  candleMs?: number;
  symbol?: string;
  /** Defaults to the strategy's timeframe. */
  timeframe?: Timeframe;
  /** Starting quote balance (default 10,000). */
  cash?: number;
  makerFee?: number;
  takerFee?: number;
  slippageBps?: number;
  /**
   * Market orders fill at the next candle's open (default, no look-ahead) or at the close of
   * the candle whose signal placed them.
   */
  fill?: 'next-open' | 'close';
  /** Amount step of the market (default the simulator's 0.00001); amounts are floored to it. */
  amountStep?: number;
  /** The bot's risk section (protective exits and limits); none by default. */
  risk?: RiskConfig;
  /** Called now and then with the fraction done, 0..1. */
  onProgress?: (fraction: number) => void;
  /** Keep what the strategy plots with each equity point, as a bot does (default off). */
  recordPlots?: boolean;
}

export interface BacktestResult {
  fills: Fill[];
  orders: OrderRecord[];
  /** One point per decided candle, as columns. */
  equity: EquitySeries;
  events: BotEvent[];
  ledger: Ledger;
  /** Index of the first candle the strategy could trade on (earlier ones were warm-up). */
  startIndex: number;
}

/** First index after `warmup` candles of `timeframe` that starts a bucket of that timeframe. */
function firstTradableIndex(
  candles: readonly Candle[],
  candleMs: number,
  warmup: number,
  timeframe: Timeframe,
): number {
  const length = timeframeMs(timeframe);
  let index = (warmup + 1) * (length / candleMs);
  while (index < candles.length && (candles[index]?.time ?? 0) % length !== 0) index += 1;
  return index;
}

/**
 * The simulator fed `candles`. It refuses candles out of step (one pass over them, which a
 * million-candle backtest does not make twice); the refusal is worded for the user here.
 */
function createReplay(
  candles: readonly Candle[],
  options: SimulatedExchangeOptions,
): SimulatedExchange {
  try {
    return createSimulatedExchange(options);
  } catch (error) {
    if (!(error instanceof CandleStepError)) throw error;
    throw new Error(candleStepMessage(candles, options.candleMs ?? MINUTE_MS, error.misstep));
  }
}

export async function runBacktest(options: BacktestOptions): Promise<BacktestResult> {
  const symbol = options.symbol ?? 'BTC/USDT';
  const [base = 'BTC', quote = 'USDT'] = symbol.split('/');
  const timeframe = options.timeframe ?? options.strategy.timeframe;
  const params = options.params ?? (defaultParams(options.strategy.params) as RawParams);
  const candleMs = options.candleMs ?? MINUTE_MS;
  const lengthProblem = dataTimeframeProblem(candleMs, timeframe);
  if (lengthProblem !== undefined) throw new Error(lengthProblem);
  const warmup = await options.strategy.warmup(params as never);
  const startIndex = firstTradableIndex(options.candles, candleMs, warmup, timeframe);
  const notEnoughData = () =>
    new Error(
      `Not enough data: ${options.candles.length} ${timeframeLabel(candleMs)} candles, but ${options.strategy.name} needs ${warmup} ${timeframe} candles of warm-up.`,
    );
  // Candles out of step are refused first (by the simulator, below): they leave no bucket to start at.
  if (options.candles.length === 0) throw notEnoughData();
  const clock = createManualClock(0);
  const exchange = createReplay(options.candles, {
    samples: { [symbol]: options.candles },
    candleMs,
    clock,
    timers: clock,
    // One candle length of market time per millisecond of the manual clock.
    speed: candleMs,
    makerFee: options.makerFee,
    takerFee: options.takerFee,
    slippageBps: options.slippageBps,
    marketFill: options.fill === 'close' ? 'signal-close' : 'next-open',
    ...(options.amountStep === undefined ? {} : { amountStep: options.amountStep }),
    balances: { [quote]: options.cash ?? 10_000, [base]: 0 },
    startIndex,
    // Nothing looks orders or trades up after a reload here; see BACKTEST_KEPT.
    kept: BACKTEST_KEPT,
  });
  if (startIndex >= options.candles.length - 1) throw notEnoughData();
  const markets = await exchange.loadMarkets();
  const market = markets[symbol];
  if (!market) throw new Error(`Unknown market ${symbol}`);
  // One equity point per candle played.
  const store = createMemoryBotStore({ equityCapacity: options.candles.length - startIndex });
  const bot: Bot = {
    id: 'backtest',
    shortId: 'bktest',
    config: {
      name: options.strategy.name,
      mode: 'simulated',
      accountId: 'backtest',
      symbol,
      strategyId: options.strategy.id,
      timeframe,
      params,
      allocation: options.cash ?? 10_000,
      ...(options.risk ? { risk: options.risk } : {}),
    },
    configVersion: 1,
    status: 'running',
    createdAt: 0,
    updatedAt: 0,
  };
  let failure: string | undefined;
  const runtime = createBotRuntime({
    bot,
    strategy: options.strategy,
    market,
    exchange,
    store,
    clock,
    timers: clock,
    onError: (message) => (failure = message),
    recordPlots: options.recordPlots ?? false,
  });
  await runtime.init('running');
  const hub = createMarketHub(exchange, { candleMs });
  hub.subscribeCandles(symbol, timeframe, (candle) => runtime.postCandle(candle));
  exchange.watchMyTrades((trade) => runtime.postTrade(trade));
  exchange.watchOrders((order) => runtime.postOrderUpdate(order));
  const { candles } = options;
  const total = candles.length - startIndex;
  for (let played = 1; played <= total && failure === undefined; played++) {
    // A candle completes when the next one opens (after a gap, the one after the gap).
    const index = startIndex + played - 1;
    const open = (candles[index] as Candle).time;
    const next = candles[index + 1]?.time ?? open + candleMs;
    // The manual clock (what the runtime stamps its records with) keeps pace with the replay,
    // which is stepped here rather than run on timers.
    clock.advance((next - open) / candleMs);
    exchange.playNext();
    // Orders are sized at the price showing when they are placed: the next candle's open,
    // shown as the candle completed — what a tick subscription would have noted last, without
    // the replay making four ticks a candle for it.
    runtime.notePrice(exchange.getLastPrice(symbol), next);
    // The candle's inputs run now; awaited only when one of them has to wait (a worker).
    const busy = runtime.flush();
    if (busy) await busy;
    if (played % 2_000 === 0) options.onProgress?.(played / total);
  }
  // Releases what the strategy holds (a custom strategy's worker); templates hold nothing.
  await runtime.dispose();
  if (failure !== undefined) throw new Error(failure);
  options.onProgress?.(1);
  return {
    fills: store.fills,
    orders: [...store.orders.values()],
    equity: store.equity,
    events: store.events,
    ledger: runtime.snapshot().ledger,
    startIndex,
  };
}
