import { describe, expect, it } from 'vitest';
import type { Ledger } from '../../core/portfolio/types';
import { computeBotMetrics, splitSymbol } from './botMetrics';

const ledger: Ledger = {
  base: 'BTC',
  quote: 'USDT',
  initialCash: 1000,
  cash: 500,
  position: 0.02,
  averageEntry: 25_000,
  realizedPnl: 10,
  feesPaid: 1.5,
  tradeCount: 3,
};

describe('computeBotMetrics', () => {
  it('values the position at the given price', () => {
    const metrics = computeBotMetrics(ledger, 1000, 26_000);
    expect(metrics.equity).toBeCloseTo(500 + 0.02 * 26_000, 9);
    expect(metrics.pnl).toBeCloseTo(20, 9);
    expect(metrics.pnlRatio).toBeCloseTo(0.02, 12);
    expect(metrics.unrealizedPnl).toBeCloseTo(20, 9);
    expect(metrics.tradeCount).toBe(3);
  });

  it('falls back to the average entry when no price is known', () => {
    const metrics = computeBotMetrics(ledger, 1000, undefined);
    expect(metrics.price).toBe(25_000);
    expect(metrics.equity).toBeCloseTo(1000, 9);
    expect(metrics.unrealizedPnl).toBe(0);
  });

  it('treats a bot without a ledger as holding its allocation', () => {
    const metrics = computeBotMetrics(undefined, 750, 26_000);
    expect(metrics).toMatchObject({ equity: 750, capital: 750, pnl: 0, pnlRatio: 0 });
  });

  it('measures PnL against the ledger capital, not a later allocation', () => {
    expect(computeBotMetrics({ ...ledger, position: 0, cash: 1100 }, 5000, 1).pnl).toBe(100);
  });
});

describe('splitSymbol', () => {
  it('splits a unified symbol', () => {
    expect(splitSymbol('BTC/USDC')).toEqual({ base: 'BTC', quote: 'USDC' });
  });
});
