import { describe, expect, it } from 'vitest';
import { formatAmount, formatPrice, formatQuote } from './formatForMarket';
import type { Market } from './types';

const market: Market = {
  id: 'BTCUSDT',
  symbol: 'BTC/USDT',
  base: 'BTC',
  quote: 'USDT',
  type: 'spot',
  spot: true,
  active: true,
  precision: { amount: 0.00001, price: 0.01 },
  limits: { amount: { min: 0.00001 }, price: {}, cost: { min: 5 } },
  maker: 0.001,
  taker: 0.001,
};

describe('formatting for a market', () => {
  it('uses the market precision', () => {
    expect(formatPrice(market, 23550.029129999995)).toBe('23550.03');
    expect(formatAmount(market, 0.041670000001)).toBe('0.04167 BTC');
    expect(formatQuote(market, 0.98131)).toBe('0.98 USDT');
  });
});
