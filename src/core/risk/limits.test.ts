import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OrderRecord } from '../orders/journal';
import type { Ledger } from '../portfolio/types';
import {
  checkCooldownAfterLoss,
  checkLimits,
  checkMaxOpenOrders,
  checkMaxPosition,
  checkMaxTradesPerDay,
  committedPositionValue,
  cooldownUntil,
  positionLimit,
  tradesOpenedToday,
  utcDayStart,
  type LimitFacts,
  type OrderProposal,
} from './limits';
import type { RiskConfig } from './riskConfig';
import type { TradeRecord } from './tradeLog';

const DAY = Date.UTC(2023, 2, 3);
const HOUR = 3_600_000;
const MINUTE = 60_000;

const ledger = (position = 0, cash = 10_000): Ledger => ({
  base: 'BTC',
  quote: 'USDT',
  initialCash: 10_000,
  cash,
  position,
  averageEntry: position > 0 ? 20_000 : 0,
  realizedPnl: 0,
  feesPaid: 0,
  tradeCount: 0,
});

const order = (side: 'buy' | 'sell', amount: number, price?: number, filled = 0): OrderRecord => ({
  clientOrderId: `flt${side}${amount}`,
  botId: 'b',
  accountId: 'sim',
  symbol: 'BTC/USDT',
  side,
  type: price === undefined ? 'market' : 'limit',
  amount,
  price,
  state: 'open',
  filled,
  fee: 0,
  configVersion: 1,
  createdAt: DAY,
  updatedAt: DAY,
  history: [],
});

const facts = (over: Partial<LimitFacts> = {}): LimitFacts => ({
  ledger: ledger(),
  allocation: 10_000,
  openOrders: [],
  trades: [],
  nowMs: DAY + 12 * HOUR,
  ...over,
});

const buy = (amount: number, price = 20_000): OrderProposal => ({
  side: 'buy',
  type: 'market',
  amount,
  price,
});

describe('utcDayStart', () => {
  it('floors to midnight UTC', () => {
    expect(utcDayStart(DAY + 23 * HOUR + 59 * MINUTE)).toBe(DAY);
    expect(utcDayStart(DAY)).toBe(DAY);
    expect(utcDayStart(DAY - 1)).toBe(DAY - 24 * HOUR);
  });
});

describe('max position', () => {
  it('takes the smaller of the absolute and the allocation limit', () => {
    expect(positionLimit({}, 10_000, 'USDT')).toBeUndefined();
    expect(positionLimit({ maxPositionQuote: 3000 }, 10_000, 'USDT')).toEqual({
      limit: 3000,
      source: 'max position 3000.00 USDT',
    });
    expect(positionLimit({ maxPositionPercentOfAllocation: 25 }, 10_000, 'USDT')).toEqual({
      limit: 2500,
      source: '25% of the 10000.00 USDT allocation',
    });
    expect(
      positionLimit({ maxPositionQuote: 3000, maxPositionPercentOfAllocation: 50 }, 10_000, 'USDT')
        ?.limit,
    ).toBe(3000);
    expect(
      positionLimit({ maxPositionQuote: 8000, maxPositionPercentOfAllocation: 50 }, 10_000, 'USDT')
        ?.limit,
    ).toBe(5000);
  });

  it('counts the held position at the order price and open buys at their own prices', () => {
    const open = [
      order('buy', 0.1, 19_000),
      order('buy', 0.2, 18_000, 0.05),
      order('sell', 1, 25_000),
    ];
    expect(committedPositionValue(ledger(0.1), open, 20_000)).toBeCloseTo(
      0.1 * 20_000 + 0.1 * 19_000 + 0.15 * 18_000,
      6,
    );
    expect(committedPositionValue(ledger(), [order('buy', 0.1)], 20_000)).toBe(2000);
  });

  const config: RiskConfig = { maxPositionPercentOfAllocation: 50 };

  it('lets a buy within the limit through unchanged', () => {
    expect(checkMaxPosition(config, facts(), buy(0.2))).toEqual({ ok: true, amount: 0.2 });
    // Exactly at the limit.
    expect(checkMaxPosition(config, facts(), buy(0.25))).toEqual({ ok: true, amount: 0.25 });
  });

  it('resizes a larger buy down to the room left, saying why', () => {
    const verdict = checkMaxPosition(config, facts({ ledger: ledger(0.1) }), buy(0.3));
    expect(verdict.ok).toBe(true);
    if (!verdict.ok) return;
    expect(verdict.amount).toBeCloseTo(0.15, 12); // 5000 − 2000 held = 3000 at 20 000
    expect(verdict.resized?.from).toBe(0.3);
    expect(verdict.resized?.reason).toBe(
      'Buy reduced from 0.3 to 0.15 BTC to stay within the max position of 5000.00 USDT (50% of the 10000.00 USDT allocation); 2000.00 USDT is already held or on order.',
    );
  });

  it('rejects a buy when the position is already at the limit', () => {
    expect(checkMaxPosition(config, facts({ ledger: ledger(0.25) }), buy(0.01))).toEqual({
      ok: false,
      rule: 'max_position',
      reason:
        'Max position reached: 5000.00 USDT is already held or on order; the limit is 5000.00 USDT (50% of the 10000.00 USDT allocation).',
    });
    // A price rise can push the held position above the limit: still rejected.
    expect(checkMaxPosition(config, facts({ ledger: ledger(0.25) }), buy(0.01, 30_000)).ok).toBe(
      false,
    );
  });

  it('rejects when the room left is below the market minimum', () => {
    const verdict = checkMaxPosition(
      config,
      facts({ ledger: ledger(0.2495), minAmount: 0.001 }),
      buy(0.01),
    );
    expect(verdict).toMatchObject({ ok: false, rule: 'max_position' });
    if (!verdict.ok) expect(verdict.reason).toMatch(/below the market minimum of 0.001 BTC/);
  });

  it('never limits a sell', () => {
    const sell: OrderProposal = { side: 'sell', type: 'market', amount: 5, price: 20_000 };
    expect(checkMaxPosition(config, facts({ ledger: ledger(5) }), sell)).toEqual({
      ok: true,
      amount: 5,
    });
  });

  it('never lets the committed value exceed the limit (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.0001, max: 2, noNaN: true }),
        fc.double({ min: 1000, max: 60_000, noNaN: true }),
        fc.double({ min: 1, max: 100, noNaN: true }),
        (held, amount, price, percent) => {
          const rule: RiskConfig = { maxPositionPercentOfAllocation: percent };
          const state = facts({ ledger: ledger(held) });
          const verdict = checkMaxPosition(rule, state, buy(amount, price));
          const limit = (10_000 * percent) / 100;
          if (!verdict.ok) {
            expect(held * price + amount * price).toBeGreaterThan(limit);
            return;
          }
          expect(verdict.amount).toBeLessThanOrEqual(amount);
          expect(verdict.amount).toBeGreaterThan(0);
          expect(held * price + verdict.amount * price).toBeLessThanOrEqual(limit * (1 + 1e-9));
        },
      ),
    );
  });
});

describe('max open orders', () => {
  const config: RiskConfig = { maxOpenOrders: 2 };

  it('blocks new buys and limit orders at the limit, never a market sell', () => {
    expect(checkMaxOpenOrders(config, 1, { side: 'buy', type: 'limit' })).toBeUndefined();
    expect(checkMaxOpenOrders(config, 2, { side: 'buy', type: 'limit' })).toEqual({
      rule: 'max_open_orders',
      reason: 'Max open orders reached: 2 of 2 are open.',
    });
    expect(checkMaxOpenOrders(config, 2, { side: 'sell', type: 'limit' })?.rule).toBe(
      'max_open_orders',
    );
    expect(checkMaxOpenOrders(config, 5, { side: 'sell', type: 'market' })).toBeUndefined();
    expect(checkMaxOpenOrders({}, 500, { side: 'buy', type: 'market' })).toBeUndefined();
  });
});

describe('max trades per day', () => {
  const trades: TradeRecord[] = [
    { openedAt: DAY - 2 * HOUR, closedAt: DAY - HOUR, pnl: 5 }, // yesterday
    { openedAt: DAY + HOUR, closedAt: DAY + 2 * HOUR, pnl: 3 },
    { openedAt: DAY + 3 * HOUR, pnl: 0 }, // still open
  ];

  it('counts the trades opened in the current UTC day', () => {
    expect(tradesOpenedToday(trades, DAY + 12 * HOUR)).toBe(2);
    expect(tradesOpenedToday(trades, DAY - 30 * MINUTE)).toBe(1);
    expect(tradesOpenedToday(trades, DAY + 24 * HOUR)).toBe(0);
  });

  it('blocks a new trade once the day is full and lets it go the next day', () => {
    const config: RiskConfig = { maxTradesPerDay: 2 };
    expect(checkMaxTradesPerDay(config, trades, DAY + 12 * HOUR, true)).toEqual({
      rule: 'max_trades_per_day',
      reason:
        'Max trades per day reached: 2 of 2 opened today (UTC); new trades resume at 2023-03-04 00:00 UTC.',
    });
    expect(checkMaxTradesPerDay(config, trades, DAY + 24 * HOUR, true)).toBeUndefined();
    expect(
      checkMaxTradesPerDay({ maxTradesPerDay: 3 }, trades, DAY + 12 * HOUR, true),
    ).toBeUndefined();
  });

  it('lets a buy that adds to the open trade through', () => {
    expect(
      checkMaxTradesPerDay({ maxTradesPerDay: 2 }, trades, DAY + 12 * HOUR, false),
    ).toBeUndefined();
  });
});

describe('cooldown after a loss', () => {
  const config: RiskConfig = { cooldownMinutesAfterLoss: 30 };
  const loss: TradeRecord = { openedAt: DAY, closedAt: DAY + HOUR, pnl: -12.5 };
  const win: TradeRecord = { openedAt: DAY + HOUR, closedAt: DAY + HOUR + 10 * MINUTE, pnl: 4 };

  it('blocks buys until the cooldown after the last losing trade has passed', () => {
    expect(cooldownUntil(config, [loss, win])).toBe(DAY + HOUR + 30 * MINUTE);
    expect(checkCooldownAfterLoss(config, [loss, win], DAY + HOUR + 10 * MINUTE)).toEqual({
      rule: 'cooldown_after_loss',
      reason:
        'Cooling down after a losing trade: no new buys until 2023-03-03 01:30 UTC (20 min left).',
    });
    expect(checkCooldownAfterLoss(config, [loss], DAY + HOUR + 30 * MINUTE)).toBeUndefined();
  });

  it('ignores winning, break-even and open trades, and a cooldown of 0', () => {
    const even: TradeRecord = { openedAt: DAY, closedAt: DAY + HOUR, pnl: 0 };
    const open: TradeRecord = { openedAt: DAY, pnl: -50 };
    expect(cooldownUntil(config, [win, even, open])).toBeUndefined();
    expect(cooldownUntil({ cooldownMinutesAfterLoss: 0 }, [loss])).toBeUndefined();
    expect(cooldownUntil({}, [loss])).toBeUndefined();
  });

  it('uses the latest losing trade', () => {
    const later: TradeRecord = { openedAt: DAY + 2 * HOUR, closedAt: DAY + 3 * HOUR, pnl: -1 };
    expect(cooldownUntil(config, [later, loss])).toBe(DAY + 3 * HOUR + 30 * MINUTE);
  });
});

describe('checkLimits', () => {
  const config: RiskConfig = {
    maxOpenOrders: 3,
    maxTradesPerDay: 1,
    cooldownMinutesAfterLoss: 60,
    maxPositionQuote: 4000,
  };

  it('passes, resizes or rejects a buy with the first rule that applies', () => {
    expect(checkLimits(config, facts(), buy(0.1))).toEqual({ ok: true, amount: 0.1 });
    const resized = checkLimits(config, facts(), buy(0.5));
    expect(resized).toMatchObject({ ok: true, resized: { rule: 'max_position', from: 0.5 } });
    const full = [
      order('buy', 0.01, 19_000),
      order('buy', 0.01, 18_000),
      order('sell', 0.01, 25_000),
    ];
    expect(checkLimits(config, facts({ openOrders: full }), buy(0.1))).toMatchObject({
      ok: false,
      rule: 'max_open_orders',
    });
    const lost: TradeRecord[] = [{ openedAt: DAY + HOUR, closedAt: DAY + 11.5 * HOUR, pnl: -3 }];
    expect(checkLimits(config, facts({ trades: lost }), buy(0.1))).toMatchObject({
      ok: false,
      rule: 'cooldown_after_loss',
    });
    const won: TradeRecord[] = [{ openedAt: DAY + HOUR, closedAt: DAY + 2 * HOUR, pnl: 3 }];
    expect(checkLimits(config, facts({ trades: won }), buy(0.1))).toMatchObject({
      ok: false,
      rule: 'max_trades_per_day',
    });
  });

  it('counts a buy into an open position as the same trade', () => {
    const open: TradeRecord[] = [{ openedAt: DAY + HOUR, pnl: 0 }];
    const holding = facts({ ledger: ledger(0.05), trades: open, dust: 0.00001 });
    expect(checkLimits(config, holding, buy(0.05))).toEqual({ ok: true, amount: 0.05 });
    // Dust below the market step counts as flat: a new trade.
    const dusty = facts({ ledger: ledger(0.000001), trades: open, dust: 0.00001 });
    expect(checkLimits(config, dusty, buy(0.05))).toMatchObject({ rule: 'max_trades_per_day' });
  });

  it('never blocks a market sell', () => {
    const full = [
      order('buy', 0.01, 19_000),
      order('buy', 0.01, 18_000),
      order('buy', 0.01, 17_000),
    ];
    const lost: TradeRecord[] = [{ openedAt: DAY, closedAt: DAY + 11.9 * HOUR, pnl: -3 }];
    const sell: OrderProposal = { side: 'sell', type: 'market', amount: 0.3, price: 20_000 };
    expect(
      checkLimits(config, facts({ ledger: ledger(0.3), openOrders: full, trades: lost }), sell),
    ).toEqual({ ok: true, amount: 0.3 });
  });
});
