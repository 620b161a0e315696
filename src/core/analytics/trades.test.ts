import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Fill } from '../portfolio/types';
import { pairFills, tradesFromFills } from './trades';

const MIN = 60_000;
let sequence = 0;
function fill(
  side: 'buy' | 'sell',
  price: number,
  amount: number,
  options: { fee?: number; time?: number; order?: string; feeCurrency?: string } = {},
): Fill {
  sequence += 1;
  return {
    tradeId: `t${sequence}`,
    clientOrderId: options.order ?? `o${sequence}`,
    time: options.time ?? sequence * MIN,
    side,
    price,
    amount,
    fee: options.fee ?? 0,
    feeCurrency: options.feeCurrency ?? 'USDT',
    takerOrMaker: 'taker',
  };
}

describe('tradesFromFills', () => {
  it('makes one long round trip with both fees', () => {
    // gross (110 − 100) × 1 = 10; fees 0.1 + 0.11 = 0.21; pnl 9.79; return 9.79 / 100
    const trades = tradesFromFills([
      fill('buy', 100, 1, { fee: 0.1, time: 0, order: 'entry' }),
      fill('sell', 110, 1, { fee: 0.11, time: 5 * MIN, order: 'exit' }),
    ]);
    expect(trades).toHaveLength(1);
    const [trade] = trades;
    expect(trade).toMatchObject({
      side: 'long',
      entryTime: 0,
      exitTime: 5 * MIN,
      entryPrice: 100,
      exitPrice: 110,
      amount: 1,
      entryClientOrderId: 'entry',
      exitClientOrderId: 'exit',
    });
    expect(trade?.fees).toBeCloseTo(0.21, 12);
    expect(trade?.pnl).toBeCloseTo(9.79, 12);
    expect(trade?.returnPct).toBeCloseTo(0.0979, 12);
    expect(trade?.exitReason).toBeUndefined();
  });

  it('makes each partial exit a trade, sharing the entry fee by amount', () => {
    // buy 2 @ 100 fee 0.2. Exit 0.5 @ 110 fee 0.055: entry share 0.2 × 0.5 / 2 = 0.05,
    //   fees 0.105, gross 5, pnl 4.895, return 4.895 / 50 = 0.0979.
    // Exit 1.5 @ 90 fee 0.135: entry share 0.15, fees 0.285, gross −15, pnl −15.285,
    //   return −15.285 / 150 = −0.1019.
    // Σ pnl = −10.39 = cash: −200 − 0.2 + 55 − 0.055 + 135 − 0.135
    const { trades, openLots } = pairFills([
      fill('buy', 100, 2, { fee: 0.2 }),
      fill('sell', 110, 0.5, { fee: 0.055 }),
      fill('sell', 90, 1.5, { fee: 0.135 }),
    ]);
    expect(openLots).toEqual([]);
    expect(trades.map((t) => t.amount)).toEqual([0.5, 1.5]);
    expect(trades[0]?.fees).toBeCloseTo(0.105, 12);
    expect(trades[0]?.pnl).toBeCloseTo(4.895, 12);
    expect(trades[0]?.returnPct).toBeCloseTo(0.0979, 12);
    expect(trades[1]?.fees).toBeCloseTo(0.285, 12);
    expect(trades[1]?.pnl).toBeCloseTo(-15.285, 12);
    expect(trades[1]?.returnPct).toBeCloseTo(-0.1019, 12);
    expect(trades.reduce((total, t) => total + t.pnl, 0)).toBeCloseTo(-10.39, 12);
  });

  it('closes the oldest lots first (FIFO) and reports the rest as open', () => {
    // Lots 1 @ 100 (t=0) and 1 @ 120 (t=1m); sell 1.5 @ 130 closes 1 @ 100 and 0.5 @ 120:
    // entry = (100 + 60) / 1.5 = 106.67; gross 30 + 5 = 35; return 35 / 160 = 0.21875.
    const { trades, openLots } = pairFills([
      fill('buy', 100, 1, { time: 0, order: 'first-buy' }),
      fill('buy', 120, 1, { time: MIN, fee: 0.12 }),
      fill('sell', 130, 1.5, { time: 2 * MIN }),
    ]);
    expect(trades).toHaveLength(1);
    // The entry order is the one of the oldest lot closed.
    expect(trades[0]).toMatchObject({
      entryTime: 0,
      exitTime: 2 * MIN,
      amount: 1.5,
      entryClientOrderId: 'first-buy',
    });
    expect(trades[0]?.entryPrice).toBeCloseTo(160 / 1.5, 12);
    // fees: half of the second lot's 0.12
    expect(trades[0]?.fees).toBeCloseTo(0.06, 12);
    expect(trades[0]?.pnl).toBeCloseTo(34.94, 12);
    expect(trades[0]?.returnPct).toBeCloseTo(34.94 / 160, 12);
    expect(openLots).toHaveLength(1);
    expect(openLots[0]).toMatchObject({ side: 'long', time: MIN, price: 120, amount: 0.5 });
    expect(openLots[0]?.fees).toBeCloseTo(0.06, 12);
  });

  it('flips long to short with the excess, like pyfolio, and closes the short', () => {
    // long 1 @ 100; sell 3 @ 110 fee 0.33 → closes 1 (gross 10, fee 0.33 / 3 = 0.11, pnl 9.89)
    // and opens short 2 @ 110 carrying 0.22 of fee; buy 2 @ 105 → gross (110 − 105) × 2 = 10,
    // pnl 10 − 0.22 = 9.78, return 9.78 / 220.
    const trades = tradesFromFills([
      fill('buy', 100, 1),
      fill('sell', 110, 3, { fee: 0.33 }),
      fill('buy', 105, 2),
    ]);
    expect(trades.map((t) => t.side)).toEqual(['long', 'short']);
    expect(trades[0]?.pnl).toBeCloseTo(9.89, 12);
    expect(trades[1]).toMatchObject({ entryPrice: 110, exitPrice: 105, amount: 2 });
    expect(trades[1]?.pnl).toBeCloseTo(9.78, 12);
    expect(trades[1]?.returnPct).toBeCloseTo(9.78 / 220, 12);
  });

  it('merges consecutive fills of one exit order into one trade', () => {
    // 0.4 @ 110 + 0.6 @ 111 of order "x": exit price (44 + 66.6) / 1 = 110.6, gross 10.6
    const merged = tradesFromFills([
      fill('buy', 100, 1),
      fill('sell', 110, 0.4, { order: 'x' }),
      fill('sell', 111, 0.6, { order: 'x' }),
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.exitPrice).toBeCloseTo(110.6, 12);
    expect(merged[0]?.pnl).toBeCloseTo(10.6, 12);
    const separate = tradesFromFills([
      fill('buy', 100, 1),
      fill('sell', 110, 0.4, { order: 'x' }),
      fill('sell', 111, 0.6, { order: 'y' }),
    ]);
    expect(separate).toHaveLength(2);
  });

  it('values a fee in the base currency at the fill price and moves the coins', () => {
    // buy 1 BTC @ 100, fee 0.001 BTC: receives 0.999, fee worth 0.1 USDT.
    // sell 0.999 @ 110, fee 0.10989 USDT: gross 10 × 0.999 = 9.99; pnl 9.99 − 0.20989 = 9.78011
    // Cash check: −100 + 0.999 × 110 − 0.10989 = 9.78011.
    const { trades, openLots } = pairFills(
      [
        fill('buy', 100, 1, { fee: 0.001, feeCurrency: 'BTC' }),
        fill('sell', 110, 0.999, { fee: 0.10989 }),
      ],
      { baseCurrency: 'BTC' },
    );
    expect(openLots).toEqual([]);
    expect(trades[0]?.amount).toBeCloseTo(0.999, 15);
    expect(trades[0]?.fees).toBeCloseTo(0.20989, 12);
    expect(trades[0]?.pnl).toBeCloseTo(9.78011, 12);
  });

  it('labels trades with the exit reason and sorts fills by time', () => {
    const trades = tradesFromFills(
      [fill('sell', 110, 1, { time: 2 * MIN, order: 'sl-1' }), fill('buy', 100, 1, { time: 0 })],
      { exitReason: (id) => (id === 'sl-1' ? 'stop-loss' : undefined) },
    );
    expect(trades).toHaveLength(1);
    expect(trades[0]).toMatchObject({ side: 'long', exitReason: 'stop-loss', entryTime: 0 });
  });

  it('absorbs float dust instead of leaving tiny lots', () => {
    // 0.1 + 0.1 + 0.1 = 0.30000000000000004 ≠ 0.3
    const { trades, openLots } = pairFills([
      fill('buy', 100, 0.1),
      fill('buy', 100, 0.1),
      fill('buy', 100, 0.1),
      fill('sell', 101, 0.3),
    ]);
    expect(openLots).toEqual([]);
    expect(trades).toHaveLength(1);
    const split = pairFills([
      fill('buy', 100, 0.3),
      fill('sell', 101, 0.1),
      fill('sell', 101, 0.2),
    ]);
    expect(split.openLots).toEqual([]);
    expect(split.trades).toHaveLength(2);
  });

  it('returns nothing for no fills, entries only, or unusable fills', () => {
    expect(pairFills([])).toEqual({ trades: [], openLots: [] });
    const entriesOnly = pairFills([fill('buy', 100, 1, { time: 7 })]);
    expect(entriesOnly.trades).toEqual([]);
    expect(entriesOnly.openLots).toEqual([
      { side: 'long', time: 7, price: 100, amount: 1, fees: 0 },
    ]);
    expect(
      tradesFromFills(
        [
          fill('buy', 100, 0),
          fill('buy', Number.NaN, 1),
          fill('sell', -5, 1),
          fill('buy', 100, 1, { fee: 2, feeCurrency: 'BTC' }),
        ],
        { baseCurrency: 'BTC' },
      ),
    ).toEqual([]);
  });

  it('accounts every quote unit: Σ pnl equals the cash flow of a round-tripped sequence', () => {
    const step = fc.record({
      price: fc.double({ min: 1, max: 1000, noNaN: true }),
      amount: fc.double({ min: 0.001, max: 10, noNaN: true }),
      fee: fc.double({ min: 0, max: 1, noNaN: true }),
      isSell: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const fills: Fill[] = [];
        let position = 0;
        let cash = 0;
        steps.forEach((s, i) => {
          // Long-only with random partial exits; sells never exceed the position.
          const amount = s.isSell ? Math.min(s.amount, position) : s.amount;
          if (amount <= 0) return;
          const side = s.isSell ? 'sell' : 'buy';
          fills.push(fill(side, s.price, amount, { fee: s.fee, time: i }));
          position += s.isSell ? -amount : amount;
          cash += (s.isSell ? 1 : -1) * s.price * amount - s.fee;
        });
        const { trades, openLots } = pairFills(fills);
        const pnl = trades.reduce((total, t) => total + t.pnl, 0);
        const openCost = openLots.reduce(
          (total, lot) => total + lot.price * lot.amount + lot.fees,
          0,
        );
        // cash = realised pnl − cost of what is still held (incl. its entry fees)
        const scale = 1 + fills.reduce((total, f) => total + f.price * f.amount + f.fee, 0);
        expect(Math.abs(pnl - openCost - cash) / scale).toBeLessThan(1e-9);
        expect(trades.every((t) => Number.isFinite(t.pnl) && Number.isFinite(t.returnPct))).toBe(
          true,
        );
      }),
    );
  });
});
