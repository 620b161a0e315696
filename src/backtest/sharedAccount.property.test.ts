/**
 * Property: several bots trade the same symbol on ONE simulated account (the real simulator,
 * with partial fills from a liquidity share, some with native stops), each following a random
 * script of intents. However the scripts go, fills never exceed their orders, no balance goes
 * negative, no bot spends more than its allocation, and the bots' ledgers add up to the
 * account's balance movements.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Bot } from '../core/bot/types';
import { createBotRuntime, type BotRuntime } from '../core/engine/botRuntime';
import { createMemoryBotStore } from '../core/engine/memoryStore';
import type { Candle } from '../core/market/candle';
import type { OrderIntent } from '../core/orders/types';
import { defineStrategy } from '../core/strategy/defineStrategy';
import { createManualClock, createSeededRandom } from '../core/time';
import { createMarketHub } from '../exchange/marketHub';
import { createSimulatedExchange } from '../exchange/simulated';

const START = Date.UTC(2023, 2, 1);
const CANDLES = 160;
const START_INDEX = 20;

/** A seeded random walk around 100 with wicks and volume, on the 0.01 tick. */
function randomWalk(seed: number): Candle[] {
  const random = createSeededRandom(seed);
  const tick = (price: number) => Math.round(price * 100) / 100;
  let close = 100;
  return Array.from({ length: CANDLES }, (_, index): Candle => {
    const open = tick(close * (1 + (random.next() - 0.5) * 0.004));
    close = tick(open * (1 + (random.next() - 0.5) * 0.02));
    const high = tick(Math.max(open, close) * (1 + random.next() * 0.01));
    const low = tick(Math.min(open, close) * (1 - random.next() * 0.01));
    return { time: START + index * 60_000, open, high, low, close, volume: 5 * random.next() };
  });
}

const step = fc.oneof(
  fc.record({ kind: fc.constant('wait' as const) }),
  fc.record({ kind: fc.constant('enter' as const), share: fc.double({ min: 0.05, max: 1.5 }) }),
  fc.record({ kind: fc.constant('exit' as const), fraction: fc.double({ min: 0.1, max: 1 }) }),
  fc.record({
    kind: fc.constant('limit' as const),
    side: fc.constantFrom('buy' as const, 'sell' as const),
    offset: fc.double({ min: -0.02, max: 0.02 }),
    share: fc.double({ min: 0.05, max: 1.5 }),
  }),
  fc.record({ kind: fc.constant('cancel_all' as const) }),
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

/** A strategy that plays `script` one step per candle, sized from what the bot has. */
function scripted(script: readonly Step[]) {
  return defineStrategy({
    id: 'scripted-test',
    name: 'Scripted',
    description: 'Plays a random script.',
    category: 'benchmark',
    timeframe: '1m',
    params: {},
    warmup: () => 0,
    init: () => ({ next: 0 }),
    onCandle(state, candle, ctx): OrderIntent[] {
      if (ctx.isWarmup || script.length === 0) return [];
      const action = script[state.next++ % script.length] as Step;
      const cents = (price: number) => Math.round(price * 100) / 100;
      switch (action.kind) {
        case 'enter':
          return [{ kind: 'enter_long', quote: Math.max(0, ctx.cash) * action.share }];
        case 'exit':
          return [{ kind: 'exit_long', fraction: action.fraction }];
        case 'limit': {
          const price = cents(candle.close * (1 + action.offset));
          const amount =
            action.side === 'buy'
              ? (Math.max(0, ctx.cash) / price) * action.share
              : ctx.position.amount * action.share;
          return amount > 0 ? [{ kind: 'place_limit', side: action.side, price, amount }] : [];
        }
        case 'cancel_all':
          return [{ kind: 'cancel_all' }];
        default:
          return [];
      }
    },
  });
}

describe('bots sharing one simulated account (property)', () => {
  it('never overfill, overdraw or spend another bot’s money, and their ledgers add up', async () => {
    let fills = 0;
    let partialOrders = 0;
    let stopFills = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer(),
        fc.array(
          fc.record({
            allocation: fc.integer({ min: 200, max: 3_000 }),
            script: fc.array(step, { minLength: 1, maxLength: 30 }),
            /** A 1% stop-loss resting on the exchange as a native stop order. */
            nativeStop: fc.boolean(),
          }),
          { minLength: 2, maxLength: 4 },
        ),
        fc.constantFrom(undefined, 0.05, 0.5),
        async (seed, specs, liquidityShare) => {
          const clock = createManualClock(0);
          const usdt = specs.reduce((sum, spec) => sum + spec.allocation, 0) + 500;
          const exchange = createSimulatedExchange({
            samples: { 'BTC/USDT': randomWalk(seed) },
            clock,
            timers: clock,
            speed: 60_000,
            slippageBps: 5,
            liquidityShare,
            balances: { USDT: usdt, BTC: 0 },
            startIndex: START_INDEX,
          });
          const market = (await exchange.loadMarkets())['BTC/USDT'];
          if (!market) throw new Error('no market');
          const store = createMemoryBotStore();
          const hub = createMarketHub(exchange);
          const runtimes: BotRuntime[] = [];
          for (const [index, spec] of specs.entries()) {
            const strategy = scripted(spec.script);
            const bot: Bot = {
              id: `bot-${index}`,
              shortId: `prop0${index}`,
              config: {
                name: `Bot ${index}`,
                mode: 'simulated',
                accountId: 'shared',
                symbol: 'BTC/USDT',
                strategyId: strategy.id,
                timeframe: '1m',
                params: {},
                allocation: spec.allocation,
                ...(spec.nativeStop
                  ? { risk: { stopLoss: { kind: 'percent', percent: 1, onExchange: true } } }
                  : {}),
              },
              configVersion: 1,
              status: 'running',
              createdAt: 0,
              updatedAt: 0,
            };
            const runtime = createBotRuntime({
              bot,
              strategy,
              market,
              exchange,
              store,
              clock,
              timers: clock,
              onError: (message) => {
                throw new Error(message);
              },
            });
            await runtime.init('running');
            hub.subscribeCandles('BTC/USDT', '1m', (candle) => void runtime.handleCandle(candle));
            runtimes.push(runtime);
          }
          const route = <T extends { clientOrderId: string }>(
            item: T,
            handle: (runtime: BotRuntime, item: T) => Promise<void>,
          ) => {
            for (const runtime of runtimes)
              if (runtime.owns(item.clientOrderId)) void handle(runtime, item);
          };
          exchange.watchMyTrades((trade) => route(trade, (runtime, t) => runtime.handleTrade(t)));
          exchange.watchOrders((order) =>
            route(order, (runtime, o) => runtime.handleOrderUpdate(o)),
          );
          exchange.start();

          const tolerance = 1e-9;
          for (let minute = START_INDEX; minute < CANDLES - 1; minute++) {
            clock.advance(1);
            await Promise.all(runtimes.map((runtime) => runtime.idle()));
            const balances = await exchange.fetchBalance();
            for (const entry of Object.values(balances)) {
              expect(entry.free).toBeGreaterThanOrEqual(-tolerance * usdt);
              expect(entry.total).toBeGreaterThanOrEqual(-tolerance * usdt);
            }
            for (const [index, runtime] of runtimes.entries()) {
              const { ledger } = runtime.snapshot();
              // Its own allocation and its own coins only.
              expect(ledger.cash).toBeGreaterThanOrEqual(
                -tolerance * (specs[index]?.allocation ?? 0),
              );
              expect(ledger.position).toBeGreaterThanOrEqual(-1e-12);
            }
          }

          for (const order of store.orders.values()) {
            const filled = store.fills
              .filter((fill) => fill.clientOrderId === order.clientOrderId)
              .reduce((sum, fill) => sum + fill.amount, 0);
            expect(filled).toBeLessThanOrEqual(order.amount * (1 + tolerance));
            expect(filled).toBeCloseTo(order.filled, 9);
          }
          for (const order of [
            ...(await exchange.fetchOpenOrders()),
            ...exchange.getState().closedOrders,
          ])
            expect(order.filled).toBeLessThanOrEqual(order.amount * (1 + tolerance));

          const ledgers = runtimes.map((runtime) => runtime.snapshot().ledger);
          const balances = await exchange.fetchBalance();
          const cashMoved = ledgers.reduce((sum, l) => sum + l.cash - l.initialCash, 0);
          const coins = ledgers.reduce((sum, l) => sum + l.position, 0);
          const usdtMoved = (balances['USDT']?.total ?? 0) - usdt;
          expect(Math.abs(cashMoved - usdtMoved)).toBeLessThanOrEqual(
            tolerance * Math.max(1, Math.abs(usdtMoved), usdt),
          );
          expect(Math.abs(coins - (balances['BTC']?.total ?? 0))).toBeLessThanOrEqual(
            tolerance * Math.max(1, coins),
          );
          expect(store.fills.length).toBe(ledgers.reduce((sum, l) => sum + l.tradeCount, 0));
          fills += store.fills.length;
          stopFills += [...store.orders.values()].filter(
            (order) => order.triggerPrice !== undefined && order.filled > 0,
          ).length;
          partialOrders += [...store.orders.values()].filter(
            (order) =>
              store.fills.filter((f) => f.clientOrderId === order.clientOrderId).length > 1,
          ).length;
        },
      ),
      { numRuns: 25 },
    );
    // The scripts did trade, and large limits did fill over several candles.
    expect(fills).toBeGreaterThan(50);
    expect(partialOrders).toBeGreaterThan(0);
    expect(stopFills).toBeGreaterThan(0);
  }, 180_000);
});
