import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Candle } from '../../core/market/candle';
import { createSeededRandom } from '../../core/time';
import type { ExchangeOrder, ExchangeTrade } from '../../core/orders/types';
import { START_INDEX } from './simulatedExchange';
import { createTestExchange, SAMPLE_START } from './testSupport';

/** A seeded random walk around 100 with wicks, on the 0.01 tick. */
function randomWalk(seed: number, count: number): Record<string, Candle[]> {
  const random = createSeededRandom(seed);
  const tick = (price: number) => Math.round(price * 100) / 100;
  let close = 100;
  const candles = Array.from({ length: count }, (_, index): Candle => {
    const open = tick(close * (1 + (random.next() - 0.5) * 0.004));
    close = tick(open * (1 + (random.next() - 0.5) * 0.02));
    const high = tick(Math.max(open, close) * (1 + random.next() * 0.01));
    const low = tick(Math.min(open, close) * (1 - random.next() * 0.01));
    return { time: SAMPLE_START + index * 60_000, open, high, low, close, volume: 1 };
  });
  return { 'BTC/USDT': candles };
}

const action = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('order' as const),
      type: fc.constantFrom('market' as const, 'limit' as const),
      side: fc.constantFrom('buy' as const, 'sell' as const),
      steps: fc.integer({ min: 5_000, max: 100_000 }), // 0.05 .. 1 BTC
      offsetBps: fc.integer({ min: -100, max: 100 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      ms: fc.integer({ min: 1, max: 3_000 }),
    }),
  },
);

describe('simulated account (property)', () => {
  it('never overdraws, fills whole orders only, and reconciles balances with trades', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer(),
        fc.array(action, { minLength: 20, maxLength: 60, size: 'max' }),
        async (seed, actions) => {
          const start = { USDT: 1_000, BTC: 5 };
          const { exchange, clock } = createTestExchange({
            samples: randomWalk(seed, START_INDEX + 400),
            speed: 60,
            slippageBps: 7,
            makerFee: 0.0005,
            balances: start,
          });
          const trades: ExchangeTrade[] = [];
          const closed: ExchangeOrder[] = [];
          exchange.watchMyTrades((trade) => trades.push(trade));
          exchange.watchOrders((order) => order.status !== 'open' && closed.push(order));
          exchange.start();
          let sequence = 0;
          for (const step of actions) {
            if (step.kind === 'advance') clock.advance(step.ms);
            else if (step.kind === 'cancel') {
              const open = await exchange.fetchOpenOrders();
              const target = open[step.pick % Math.max(1, open.length)];
              if (target) await exchange.cancelOrder(target.id, target.symbol);
            } else {
              const price = exchange.getLastPrice('BTC/USDT') * (1 + step.offsetBps / 10_000);
              await exchange
                .createOrder({
                  symbol: 'BTC/USDT',
                  type: step.type,
                  side: step.side,
                  amount: step.steps / 100_000,
                  price: step.type === 'limit' ? Math.round(price * 100) / 100 : undefined,
                  clientOrderId: `p${sequence++}`,
                })
                .catch((error: { kind?: string }) => {
                  expect(['insufficient_funds', 'invalid_order']).toContain(error.kind);
                });
            }
            const balances = await exchange.fetchBalance();
            for (const entry of Object.values(balances)) {
              expect(entry.used).toBeGreaterThanOrEqual(0);
              expect(entry.free).toBeGreaterThanOrEqual(-1e-9);
              expect(entry.free + entry.used).toBeCloseTo(entry.total, 9);
            }
          }
          let usdt = start.USDT;
          let btc = start.BTC;
          for (const trade of trades) {
            const order = closed.find((candidate) => candidate.id === trade.order);
            expect(order?.filled).toBe(trade.amount);
            usdt +=
              trade.side === 'buy' ? -(trade.cost + trade.fee.cost) : trade.cost - trade.fee.cost;
            btc += trade.side === 'buy' ? trade.amount : -trade.amount;
          }
          const balances = await exchange.fetchBalance();
          expect(Math.abs((balances['USDT']?.total ?? 0) - usdt)).toBeLessThanOrEqual(
            1e-9 * start.USDT,
          );
          expect(Math.abs((balances['BTC']?.total ?? 0) - btc)).toBeLessThanOrEqual(
            1e-9 * start.BTC,
          );
          expect(new Set(trades.map((trade) => trade.id)).size).toBe(trades.length);
        },
      ),
      { numRuns: 40 },
    );
  });
});
