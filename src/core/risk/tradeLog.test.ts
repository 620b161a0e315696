import { describe, expect, it } from 'vitest';
import { applyFill, createLedger } from '../portfolio/ledger';
import type { Fill, Ledger } from '../portfolio/types';
import { pruneTradeLog, recordFillInTradeLog, type TradeRecord } from './tradeLog';

const T0 = Date.UTC(2023, 3, 1);
const MINUTE = 60_000;
let seq = 0;

const fill = (side: 'buy' | 'sell', amount: number, price: number, minute: number): Fill => ({
  tradeId: `t${seq++}`,
  clientOrderId: 'flt1',
  time: T0 + minute * MINUTE,
  side,
  price,
  amount,
  fee: amount * price * 0.001,
  feeCurrency: 'USDT',
  takerOrMaker: 'taker',
});

/** Applies fills to a ledger and the log, as the runtime would. */
function replay(fills: Fill[], start?: { ledger: Ledger; log: TradeRecord[] }) {
  let ledger = start?.ledger ?? createLedger({ base: 'BTC', quote: 'USDT', cash: 10_000 });
  let log: TradeRecord[] = start?.log ?? [];
  for (const next of fills) {
    const after = applyFill(ledger, next);
    log = recordFillInTradeLog(log, ledger, after, next.time, 1e-8);
    ledger = after;
  }
  return { ledger, log };
}

describe('recordFillInTradeLog', () => {
  it('opens a trade from flat, adds to it, and closes it when flat again with its net PnL', () => {
    const { log } = replay([
      fill('buy', 0.1, 20_000, 0),
      fill('buy', 0.1, 19_000, 5),
      fill('sell', 0.05, 21_000, 10),
    ]);
    expect(log).toHaveLength(1);
    expect(log[0]?.openedAt).toBe(T0);
    expect(log[0]?.closedAt).toBeUndefined();

    const done = replay(
      [fill('sell', 0.15, 18_000, 20)],
      replay([
        fill('buy', 0.1, 20_000, 0),
        fill('buy', 0.1, 19_000, 5),
        fill('sell', 0.05, 21_000, 10),
      ]),
    );
    const trade = done.log[0] as TradeRecord;
    expect(trade.closedAt).toBe(T0 + 20 * MINUTE);
    // Entry 19 500: +0.05 × 1 500 − 0.15 × 1 500 = −150, minus fees 2 + 1.9 + 1.05 + 2.7.
    expect(trade.pnl).toBeCloseTo(-150 - 7.65, 9);
    expect(done.ledger.cash - 10_000).toBeCloseTo(trade.pnl, 9);
  });

  it('starts a new trade after a closed one', () => {
    const { log } = replay([
      fill('buy', 0.1, 20_000, 0),
      fill('sell', 0.1, 20_500, 1),
      fill('buy', 0.1, 20_400, 2),
    ]);
    expect(log.map((trade) => [trade.openedAt, trade.closedAt])).toEqual([
      [T0, T0 + MINUTE],
      [T0 + 2 * MINUTE, undefined],
    ]);
    expect(log[0]?.pnl).toBeCloseTo(50 - 2 - 2.05, 9);
  });

  it('adopts a position held before the log began', () => {
    const held = replay([fill('buy', 0.1, 20_000, 0)]);
    const { log } = replay([fill('sell', 0.1, 19_000, 3)], { ledger: held.ledger, log: [] });
    expect(log).toEqual([
      { openedAt: T0 + 3 * MINUTE, closedAt: T0 + 3 * MINUTE, pnl: expect.closeTo(-100 - 1.9, 9) },
    ]);
  });
});

describe('pruneTradeLog', () => {
  it('drops trades closed before the window and keeps open ones', () => {
    const log: TradeRecord[] = [
      { openedAt: T0, closedAt: T0 + MINUTE, pnl: 1 },
      { openedAt: T0, closedAt: T0 + 100 * MINUTE, pnl: 1 },
      { openedAt: T0 - 1000 * MINUTE, pnl: 0 },
    ];
    expect(pruneTradeLog(log, T0 + 120 * MINUTE, 60 * MINUTE)).toEqual([log[1], log[2]]);
  });
});
