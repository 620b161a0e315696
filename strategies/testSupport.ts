/**
 * Shared scaffolding for template tests (imported only by *.test.ts): the real-data fixture,
 * synthetic candles, a strategy context, a direct flat/long driver that stands in for the
 * engine, and the signal candles of a backtest's orders.
 */
import { readFileSync } from 'node:fs';
import type { BacktestResult } from '../src/backtest/runBacktest';
import type { Candle } from '../src/core/market/candle';
import { parseCandlesCsv } from '../src/core/market/csv';
import type { OrderIntent, OrderSide } from '../src/core/orders/types';
import type { ParamSpecs, StrategyContext, StrategyDefinition } from '../src/core/strategy';

const FIXTURE = new URL('../tests/fixtures/btcusdt-1m-2023-03-01_03.csv', import.meta.url);

/** 4,320 real 1-minute BTC/USDT candles, 1–3 March 2023 (from ../shared/data). */
export const fixture: readonly Candle[] = parseCandlesCsv(readFileSync(FIXTURE, 'utf8')).candles;

/** Flat candles (open = high = low = close) one minute apart. */
export function candlesFromCloses(closes: readonly number[]): Candle[] {
  return closes.map((close, i) => ({
    time: i * 60_000,
    open: close,
    high: close,
    low: close,
    close,
    volume: 1,
  }));
}

/** A context holding `positionAmount` (flat when 0) with 1,000 of cash. */
export function strategyContext<P extends ParamSpecs>(
  params: StrategyContext<P>['params'],
  positionAmount: number,
): StrategyContext<P> {
  return {
    params,
    position: { amount: positionAmount, averageEntry: positionAmount > 0 ? 1 : 0 },
    openOrders: [],
    allocation: 1000,
    cash: 1000,
    equity: 1000,
    isWarmup: false,
    log: () => undefined,
    plot: () => undefined,
  };
}

export interface Decision {
  index: number;
  intent: OrderIntent;
}

/**
 * A stand-in for the engine: flips flat/long whenever the strategy enters or exits, as if
 * every order filled at once. Intents before `tradeFrom` are ignored, as the engine ignores
 * them during its warm-up replay.
 */
export function runSignals<P extends ParamSpecs, S>(
  strategy: StrategyDefinition<P, S>,
  candles: readonly Candle[],
  params: StrategyContext<P>['params'],
  tradeFrom = 0,
): Decision[] {
  const state = strategy.init(params);
  let isLong = false;
  const decisions: Decision[] = [];
  candles.forEach((candle, index) => {
    const intents =
      strategy.onCandle(state, candle, strategyContext<P>(params, isLong ? 0.01 : 0)) ?? [];
    if (index < tradeFrom) return;
    for (const intent of intents) {
      decisions.push({ index, intent });
      if (intent.kind === 'enter_long') isLong = true;
      if (intent.kind === 'exit_long') isLong = false;
    }
  });
  return decisions;
}

/** The signal candle (one before the fill: market orders fill at the next open) of each order. */
export function backtestSignals(
  result: BacktestResult,
  candles: readonly Candle[] = fixture,
): { index: number; side: OrderSide; tag?: string }[] {
  const indexByTime = new Map(candles.map((candle, i) => [candle.time, i]));
  const tags = new Map(result.orders.map((order) => [order.clientOrderId, order.tag]));
  const seen = new Set<string>();
  return result.fills.flatMap((fill) => {
    if (seen.has(fill.clientOrderId)) return [];
    seen.add(fill.clientOrderId);
    const index = (indexByTime.get(fill.time) ?? Number.NaN) - 1;
    return [{ index, side: fill.side, tag: tags.get(fill.clientOrderId) }];
  });
}
