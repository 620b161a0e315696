import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyFill,
  createLedger,
  LedgerError,
  ledgerEquity,
  reconcileLedger,
  unrealizedPnl,
} from './ledger';
import type { Fill, Ledger } from './types';

let tradeSeq = 0;
function fill(side: Fill['side'], amount: number, price: number, fee = 0, feeCurrency = 'USDT') {
  tradeSeq += 1;
  return {
    tradeId: `t${tradeSeq}`,
    clientOrderId: 'fltabcdef000001',
    time: tradeSeq,
    side,
    price,
    amount,
    fee,
    feeCurrency,
    takerOrMaker: 'taker',
  } satisfies Fill;
}

const fresh = (cash = 1000) => createLedger({ base: 'BTC', quote: 'USDT', cash });

describe('applyFill', () => {
  it('buys with a quote fee and tracks a volume-weighted entry', () => {
    let ledger = applyFill(fresh(), fill('buy', 0.01, 20_000, 0.2));
    expect(ledger).toMatchObject({ cash: 799.8, position: 0.01, averageEntry: 20_000 });
    ledger = applyFill(ledger, fill('buy', 0.01, 22_000, 0.22));
    expect(ledger.cash).toBeCloseTo(579.58, 9);
    expect(ledger.position).toBeCloseTo(0.02, 15);
    expect(ledger.averageEntry).toBeCloseTo(21_000, 9);
    expect(ledger).toMatchObject({ tradeCount: 2, realizedPnl: 0 });
    expect(ledger.feesPaid).toBeCloseTo(0.42, 12);
  });

  it('buys with a base fee: fewer coins, fee valued at the fill price', () => {
    const ledger = applyFill(fresh(), fill('buy', 0.01, 20_000, 0.00001, 'BTC'));
    expect(ledger.cash).toBe(800);
    expect(ledger.position).toBeCloseTo(0.00999, 15);
    expect(ledger.averageEntry).toBe(20_000);
    expect(ledger.feesPaid).toBeCloseTo(0.2, 12);
    expect(reconcileLedger(ledger)).toBeCloseTo(0, 9);
  });

  it('realizes PnL on sells and resets the entry when flat', () => {
    let ledger = applyFill(fresh(), fill('buy', 0.02, 20_000));
    ledger = applyFill(ledger, fill('sell', 0.01, 21_000, 0.21));
    expect(ledger).toMatchObject({ position: 0.01, averageEntry: 20_000, realizedPnl: 10 });
    expect(ledger.cash).toBeCloseTo(809.79, 9);
    ledger = applyFill(ledger, fill('sell', 0.01, 19_000));
    expect(ledger).toMatchObject({ position: 0, averageEntry: 0, realizedPnl: 0 });
    expect(ledger.cash).toBeCloseTo(999.79, 9);
  });

  it('snaps float dust to flat after selling what summed buys hold', () => {
    let ledger = applyFill(fresh(), fill('buy', 0.1, 100));
    ledger = applyFill(ledger, fill('buy', 0.2, 100));
    ledger = applyFill(ledger, fill('sell', 0.3, 100));
    expect(ledger).toMatchObject({ position: 0, averageEntry: 0 });
  });

  it('takes a base fee on a sell from the position and realizes it', () => {
    let ledger = applyFill(fresh(), fill('buy', 0.02, 20_000));
    ledger = applyFill(ledger, fill('sell', 0.01, 21_000, 0.0001, 'BTC'));
    expect(ledger.position).toBeCloseTo(0.0099, 15);
    expect(ledger.feesPaid).toBeCloseTo(2.1, 9);
    expect(ledger.realizedPnl).toBeCloseTo(10.1, 9);
    expect(reconcileLedger(ledger)).toBeCloseTo(0, 9);
  });

  it('refuses fills it cannot account for', () => {
    const ledger = applyFill(fresh(), fill('buy', 0.01, 20_000));
    expect(() => applyFill(ledger, fill('sell', 0.02, 20_000))).toThrow(/holds only 0.01/);
    expect(() => applyFill(ledger, fill('sell', 0.001, 20_000, 0.1, 'BNB'))).toThrow(
      /in BNB, neither BTC nor USDT/,
    );
    expect(() => applyFill(ledger, fill('buy', 0, 20_000))).toThrow(LedgerError);
    expect(() => applyFill(ledger, fill('buy', 0.01, 20_000, -1))).toThrow(LedgerError);
    expect(() => applyFill(ledger, fill('buy', 0.01, 20_000, 0.02, 'BTC'))).toThrow(/more than/);
    expect(() => createLedger({ base: 'BTC', quote: 'USDT', cash: -1 })).toThrow(LedgerError);
  });

  it('is pure', () => {
    const ledger = fresh();
    const copy = structuredClone(ledger);
    applyFill(ledger, fill('buy', 0.01, 20_000, 0.2));
    expect(ledger).toEqual(copy);
  });
});

describe('ledgerEquity / unrealizedPnl', () => {
  it('values the position at a price', () => {
    const ledger = applyFill(fresh(), fill('buy', 0.01, 20_000, 0.2));
    expect(ledgerEquity(ledger, 21_000)).toBeCloseTo(1009.8, 9);
    expect(unrealizedPnl(ledger, 21_000)).toBeCloseTo(10, 9);
    expect(unrealizedPnl(fresh(), 21_000)).toBe(0);
  });
});

/**
 * The magnitude float error is relative to. Equal to initialCash until gains (random prices
 * may move 10^10×) make the other terms larger.
 */
function scale(ledger: Ledger): number {
  const { initialCash, cash, realizedPnl, feesPaid, position, averageEntry } = ledger;
  return Math.max(
    initialCash,
    Math.abs(cash),
    Math.abs(realizedPnl),
    feesPaid,
    position * averageEntry,
  );
}

/** A step of a random trading session: a fraction of what is affordable or held. */
interface Step {
  side: Fill['side'];
  fraction: number;
  price: number;
  feeRate: number;
  feeInBase: boolean;
}

const step: fc.Arbitrary<Step> = fc.record({
  side: fc.constantFrom<Fill['side']>('buy', 'sell'),
  fraction: fc.double({ min: 0.001, max: 1, noNaN: true }),
  price: fc.double({ min: 0.0001, max: 1e6, noNaN: true }),
  feeRate: fc.constantFrom(0, 0.00075, 0.001, 0.002),
  feeInBase: fc.boolean(),
});

/** Turns a step into a valid fill: buys never spend more than the cash, sells never oversell. */
function toFill(ledger: Ledger, s: Step): Fill | undefined {
  if (s.side === 'buy') {
    // Quote fees are paid on top, so leave room for them.
    const amount = (ledger.cash * s.fraction) / (s.price * (1 + s.feeRate));
    if (!(amount > 0)) return undefined;
    const fee = s.feeInBase ? amount * s.feeRate : amount * s.price * s.feeRate;
    return fill('buy', amount, s.price, fee, s.feeInBase ? 'BTC' : 'USDT');
  }
  // A base fee comes on top of the amount sold, so leave room for it.
  const amount = (ledger.position * s.fraction) / (s.feeInBase ? 1 + s.feeRate : 1);
  if (!(amount > 0)) return undefined;
  const fee = s.feeInBase ? amount * s.feeRate : amount * s.price * s.feeRate;
  return fill('sell', amount, s.price, fee, s.feeInBase ? 'BTC' : 'USDT');
}

describe('ledger properties', () => {
  it('never goes negative, reconciles to 1e-9 of initial cash, and values equity exactly', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e7, noNaN: true }),
        fc.array(step, { maxLength: 40 }),
        fc.double({ min: 0.0001, max: 1e6, noNaN: true }),
        (cash, steps, markPrice) => {
          let ledger = createLedger({ base: 'BTC', quote: 'USDT', cash });
          for (const s of steps) {
            const next = toFill(ledger, s);
            if (next) ledger = applyFill(ledger, next);
            expect(ledger.cash).toBeGreaterThanOrEqual(-1e-9 * cash);
            expect(ledger.position).toBeGreaterThanOrEqual(-1e-12);
            expect(Math.abs(reconcileLedger(ledger))).toBeLessThanOrEqual(1e-9 * scale(ledger));
            if (ledger.position === 0) expect(ledger.averageEntry).toBe(0);
          }
          expect(ledgerEquity(ledger, markPrice)).toBe(ledger.cash + ledger.position * markPrice);
        },
      ),
    );
  });

  it('reconciles to 1e-9 of initial cash when prices stay within a realistic band', () => {
    const bandStep = step.map((s) => ({ ...s, price: 20_000 * (0.8 + (s.price % 1) * 0.4) }));
    fc.assert(
      fc.property(
        fc.double({ min: 10, max: 1e7, noNaN: true }),
        fc.array(bandStep, { maxLength: 60 }),
        (cash, steps) => {
          let ledger = createLedger({ base: 'BTC', quote: 'USDT', cash });
          for (const s of steps) {
            const next = toFill(ledger, s);
            if (next) ledger = applyFill(ledger, next);
          }
          expect(Math.abs(reconcileLedger(ledger))).toBeLessThanOrEqual(1e-9 * cash);
        },
      ),
    );
  });

  it('loses exactly the fees on a round trip at one price', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e7, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0.0001, max: 1e6, noNaN: true }),
        fc.constantFrom(0, 0.001, 0.002),
        fc.boolean(),
        (cash, fraction, price, feeRate, feeInBase) => {
          let ledger = createLedger({ base: 'BTC', quote: 'USDT', cash });
          const bought = toFill(ledger, { side: 'buy', fraction, price, feeRate, feeInBase });
          if (!bought) return;
          ledger = applyFill(ledger, bought);
          const sold = toFill(ledger, { side: 'sell', fraction: 1, price, feeRate, feeInBase });
          if (!sold) return;
          ledger = applyFill(ledger, sold);
          expect(ledger.position).toBe(0);
          expect(ledger.realizedPnl).toBe(0);
          expect(ledger.feesPaid).toBeGreaterThanOrEqual(0);
          expect(
            Math.abs(ledgerEquity(ledger, price) - (cash - ledger.feesPaid)),
          ).toBeLessThanOrEqual(1e-9 * cash);
          expect(ledger.tradeCount).toBe(2);
        },
      ),
    );
  });
});
