/**
 * Paper = real prices + the simulator's fills, end to end: real bots run through the engine
 * (createBotRuntime, the market-data hub, the order manager and risk) on a paper exchange whose
 * source feeds the real fixture candles, and trade exactly as the same bots on the built-in
 * simulator fed the same candles (runBacktest): the same orders, fills and ledgers.
 */
import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../backtest/runBacktest';
import type { BacktestOptions, BacktestResult } from '../../backtest/runBacktest';
import type { Bot } from '../../core/bot/types';
import { createBotRuntime } from '../../core/engine/botRuntime';
import { createMemoryBotStore } from '../../core/engine/memoryStore';
import type { OrderRecord } from '../../core/orders/journal';
import type { Fill } from '../../core/portfolio/types';
import { defaultParams } from '../../core/strategy/params';
import type { RawParams } from '../../core/strategy/types';
import { createManualClock } from '../../core/time';
import buyAndHold from '../../../strategies/buyAndHold';
import dcaSafetyOrders from '../../../strategies/dcaSafetyOrders';
import smaCrossover from '../../../strategies/smaCrossover';
import spotGrid from '../../../strategies/spotGrid';
import { createMarketHub } from '../marketHub';
import { createPaperExchange } from './paperExchange';
import { createFixtureSource, fixtureCandles } from './testSupport';

const SYMBOL = 'BTC/USDT';
/** Each case runs the fixture twice through the engine (about a second each on an idle core). */
const TIMEOUT_MS = 30_000;
type RunOptions = Omit<BacktestOptions, 'candles'>;

/** The same bot as runBacktest's, on a paper exchange fed from `startIndex` on. */
async function runOnPaper(options: RunOptions, startIndex: number) {
  const { strategy } = options;
  const timeframe = options.timeframe ?? strategy.timeframe;
  const params = options.params ?? (defaultParams(strategy.params) as RawParams);
  const clock = createManualClock();
  const source = createFixtureSource({
    samples: { [SYMBOL]: fixtureCandles },
    clock,
    start: startIndex,
  });
  const paper = createPaperExchange({
    source,
    clock,
    timers: clock,
    balances: { USDT: 10_000, BTC: 0 },
    slippageBps: options.slippageBps,
  });
  await paper.start([SYMBOL]);
  const market = (await paper.loadMarkets())[SYMBOL];
  if (!market) throw new Error('no market');
  const store = createMemoryBotStore();
  const bot: Bot = {
    id: 'backtest',
    shortId: 'bktest',
    config: {
      name: strategy.name,
      mode: 'paper',
      accountId: 'paper',
      symbol: SYMBOL,
      strategyId: strategy.id,
      timeframe,
      params,
      allocation: 10_000,
      ...(options.risk ? { risk: options.risk } : {}),
    },
    configVersion: 1,
    status: 'running',
    createdAt: 0,
    updatedAt: 0,
  };
  const errors: string[] = [];
  const runtime = createBotRuntime({
    ...{ bot, strategy, market, exchange: paper, store, clock, timers: clock },
    onError: (message) => errors.push(message),
  });
  await runtime.init('running');
  const hub = createMarketHub(paper);
  hub.subscribeCandles(SYMBOL, timeframe, (candle) => {
    void runtime.handleCandle(candle);
  });
  paper.watchMyTrades((trade) => void runtime.handleTrade(trade));
  paper.watchOrders((order) => void runtime.handleOrderUpdate(order));
  while (source.cursor < fixtureCandles.length) {
    source.closeNext();
    // A candle closes when the next one opens, so its first price is known then (runBacktest's
    // simulator shows it as a tick). Noted for sizing only: a source tick would also fill orders.
    const next = fixtureCandles[source.cursor];
    if (next) runtime.notePrice(next.open, next.time);
    await runtime.idle();
  }
  paper.stop();
  await runtime.dispose();
  expect(errors).toEqual([]);
  return {
    fills: store.fills,
    orders: [...store.orders.values()],
    ledger: runtime.snapshot().ledger,
    paper,
  };
}

/** Fills without the exchange's id prefix (sim-t-7 / paper-t-7 → 7). */
const fillsOf = (fills: Fill[]) =>
  fills.map(({ tradeId, ...fill }) => ({ ...fill, seq: tradeId.replace(/^\w+-t-/, '') }));
/** What the exchange decided about each order (journal times are the runner's own clocks). */
const ordersOf = (orders: OrderRecord[]) =>
  orders.map((order) => ({
    clientOrderId: order.clientOrderId,
    side: order.side,
    type: order.type,
    amount: order.amount,
    price: order.price,
    triggerPrice: order.triggerPrice,
    tag: order.tag,
    state: order.state,
    filled: order.filled,
    averagePrice: order.averagePrice,
    fee: order.fee,
  }));

async function compare(options: RunOptions): Promise<BacktestResult> {
  const simulated = await runBacktest({ ...options, candles: fixtureCandles });
  const paper = await runOnPaper(options, simulated.startIndex);
  expect(fillsOf(paper.fills)).toEqual(fillsOf(simulated.fills));
  expect(ordersOf(paper.orders)).toEqual(ordersOf(simulated.orders));
  expect(paper.ledger).toEqual(simulated.ledger);
  const balances = await paper.paper.fetchBalance();
  for (const entry of Object.values(balances)) expect(entry.total).toBeGreaterThanOrEqual(0);
  return simulated;
}

describe('a bot on the paper exchange trades as on the simulator, fed the same real candles', () => {
  it(
    'with market orders (SMA crossover on 5m, 5 bps slippage)',
    async () => {
      const result = await compare({
        strategy: smaCrossover,
        params: { fast: 9, slow: 21 },
        timeframe: '5m',
        slippageBps: 5,
      });
      expect(result.fills.length).toBeGreaterThan(10);
    },
    TIMEOUT_MS,
  );

  it(
    'with resting limit orders (spot grid)',
    async () => {
      const params = {
        lower: 22_000,
        upper: 24_000,
        levels: 21,
        spacing: 'arithmetic',
        orderQuote: 100,
      };
      const result = await compare({ strategy: spotGrid, params });
      expect(result.fills.filter((fill) => fill.takerOrMaker === 'maker').length).toBeGreaterThan(
        10,
      );
    },
    TIMEOUT_MS,
  );

  it(
    'with a limit ladder and moving take-profit (DCA safety orders)',
    async () => {
      const params = {
        ...(defaultParams(dcaSafetyOrders.params) as RawParams),
        deviation: 0.3,
        stepScale: 1.3,
        takeProfit: 0.6,
      };
      const result = await compare({ strategy: dcaSafetyOrders, params });
      expect(result.fills.length).toBeGreaterThan(10);
    },
    TIMEOUT_MS,
  );

  it(
    'with a stop-loss resting on the exchange as a stop-market order',
    async () => {
      const result = await compare({
        strategy: buyAndHold,
        slippageBps: 5,
        risk: { stopLoss: { kind: 'percent', percent: 3, onExchange: true } },
      });
      expect(result.orders.find((order) => order.triggerPrice !== undefined)?.state).toBe('filled');
    },
    TIMEOUT_MS,
  );
});
