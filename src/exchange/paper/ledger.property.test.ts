import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Candle } from '../../core/market/candle';
import type { ExchangeTrade } from '../../core/orders/types';
import { createSeededRandom } from '../../core/time';
import { createTestPaper, FIXTURE_START } from './testSupport';

const SYMBOL = 'BTC/USDT';
const cents = (price: number) => Math.round(price * 100) / 100;

/** A seeded random walk around 100 with wicks, on the 0.01 tick. */
function randomWalk(seed: number, count: number): Candle[] {
  const random = createSeededRandom(seed);
  let close = 100;
  return Array.from({ length: count }, (_, index): Candle => {
    const open = cents(close * (1 + (random.next() - 0.5) * 0.004));
    close = cents(open * (1 + (random.next() - 0.5) * 0.02));
    const high = cents(Math.max(open, close) * (1 + random.next() * 0.01));
    const low = cents(Math.min(open, close) * (1 - random.next() * 0.01));
    return { time: FIXTURE_START + index * 60_000, open, high, low, close, volume: 1 };
  });
}

const action = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('order' as const),
      type: fc.constantFrom('market' as const, 'limit' as const, 'stop' as const),
      side: fc.constantFrom('buy' as const, 'sell' as const),
      steps: fc.integer({ min: 5_000, max: 100_000 }), // 0.05 .. 1 BTC
      offsetBps: fc.integer({ min: -150, max: 150 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('tick' as const),
      moveBps: fc.integer({ min: -120, max: 120 }),
      offsetMs: fc.integer({ min: 1_000, max: 59_000 }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('candle' as const) }) },
);

describe('paper account (property)', () => {
  it('never overdraws or overfills, and reconciles balances with trades', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer(),
        fc.array(action, { minLength: 20, maxLength: 80, size: 'max' }),
        async (seed, actions) => {
          const start = { USDT: 1_000, BTC: 5 };
          const candles = randomWalk(seed, 200);
          const { paper, source } = createTestPaper({
            samples: { [SYMBOL]: candles },
            start: 10,
            balances: start,
            slippageBps: 7,
            makerFee: 0.0005,
          });
          const trades: ExchangeTrade[] = [];
          paper.watchMyTrades((trade) => trades.push(trade));
          await paper.start([SYMBOL]);
          let last = (candles[9] as Candle).close;
          let sequence = 0;
          for (const step of actions) {
            if (step.kind === 'candle' && source.cursor < candles.length - 1) {
              last = (candles[source.cursor] as Candle).close;
              source.closeNext();
            } else if (step.kind === 'tick') {
              last = cents(last * (1 + step.moveBps / 10_000));
              source.tick(SYMBOL, last, step.offsetMs);
            } else if (step.kind === 'cancel') {
              const open = await paper.fetchOpenOrders();
              const target = open[step.pick % Math.max(1, open.length)];
              if (target) await paper.cancelOrder(target.id, target.symbol);
            } else if (step.kind === 'order') {
              const level = cents(last * (1 + step.offsetBps / 10_000));
              await paper
                .createOrder({
                  symbol: SYMBOL,
                  type: step.type === 'limit' ? 'limit' : 'market',
                  side: step.side,
                  amount: step.steps / 100_000,
                  ...(step.type === 'limit' ? { price: level } : {}),
                  ...(step.type === 'stop' ? { triggerPrice: level } : {}),
                  clientOrderId: `p${sequence++}`,
                })
                .catch((error: { kind?: string }) => {
                  expect(['insufficient_funds', 'invalid_order']).toContain(error.kind);
                });
            }
            for (const entry of Object.values(paper.balances())) {
              expect(entry.used).toBeGreaterThanOrEqual(0);
              expect(entry.free).toBeGreaterThanOrEqual(-1e-9);
              expect(entry.free + entry.used).toBeCloseTo(entry.total, 9);
            }
          }
          let usdt = start.USDT;
          let btc = start.BTC;
          const filledPerOrder = new Map<string, number>();
          for (const trade of trades) {
            filledPerOrder.set(trade.order, (filledPerOrder.get(trade.order) ?? 0) + trade.amount);
            usdt +=
              trade.side === 'buy' ? -(trade.cost + trade.fee.cost) : trade.cost - trade.fee.cost;
            btc += trade.side === 'buy' ? trade.amount : -trade.amount;
          }
          for (const [id, filled] of filledPerOrder) {
            const order = await paper.fetchOrder(id, SYMBOL);
            expect(order.filled).toBeCloseTo(filled, 12);
            expect(order.filled).toBeLessThanOrEqual(order.amount);
            expect(order.status).toBe('closed');
          }
          const balances = await paper.fetchBalance();
          expect(Math.abs((balances['USDT']?.total ?? 0) - usdt)).toBeLessThanOrEqual(1e-9 * 1_000);
          expect(Math.abs((balances['BTC']?.total ?? 0) - btc)).toBeLessThanOrEqual(1e-9 * 5);
          expect(new Set(trades.map((trade) => trade.id)).size).toBe(trades.length);
        },
      ),
      { numRuns: 40 },
    );
  }, 30_000);
});
