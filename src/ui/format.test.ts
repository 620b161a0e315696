import { describe, expect, it } from 'vitest';
import {
  currencyDecimals,
  formatAmount,
  formatNumber,
  formatPercent,
  formatPrice,
  formatSignedAmount,
  stepToDecimals,
  trend,
} from './format';

// Intl follows the process locale; compare against the same formatter so the test holds in
// any locale, and check en-US shapes only where the locale is English.
const decimalsOf = (text: string): number => {
  const match = /[.,](\d+)(?:\D*)$/.exec(text);
  return match?.[1]?.length ?? 0;
};

describe('stepToDecimals', () => {
  it('reads the decimals of a market step', () => {
    expect(stepToDecimals(0.01)).toBe(2);
    expect(stepToDecimals(0.00001)).toBe(5);
    expect(stepToDecimals(1e-8)).toBe(8);
    expect(stepToDecimals(0.5)).toBe(1);
    expect(stepToDecimals(5)).toBe(0);
  });

  it('is undefined without a usable step, and never above 20', () => {
    expect(stepToDecimals(undefined)).toBeUndefined();
    expect(stepToDecimals(0)).toBeUndefined();
    expect(stepToDecimals(-0.01)).toBeUndefined();
    expect(stepToDecimals(Number.NaN)).toBeUndefined();
    expect(stepToDecimals(1e-30)).toBe(20);
  });
});

describe('formatPrice', () => {
  it("uses the market's price step", () => {
    expect(decimalsOf(formatPrice(0.0712345678, 0.000001))).toBe(6);
    expect(decimalsOf(formatPrice(23_456.789, 0.1))).toBe(1);
    expect(formatPrice(23_456.789, 1)).toBe(formatNumber(23_457, 0));
  });

  it('falls back to 2 decimals, and a dash for no value', () => {
    expect(formatPrice(23_456.789)).toBe(formatNumber(23_456.79, 2));
    expect(formatPrice(undefined)).toBe('—');
    expect(formatPrice(Number.NaN, 0.01)).toBe('—');
  });
});

describe('formatAmount', () => {
  it("uses the market's amount step, then the currency's precision", () => {
    expect(formatAmount(0.123456789, 'ETH', 0.0001)).toBe(`${formatNumber(0.1235, 4)} ETH`);
    expect(formatAmount(3, 'DOGE', 1)).toBe(`${formatNumber(3, 0)} DOGE`);
    expect(formatAmount(0.123456789, 'BTC')).toBe(`${formatNumber(0.12346, 5)} BTC`);
    expect(formatAmount(12.345, 'USDT')).toBe(`${formatNumber(12.35, 2)} USDT`);
  });

  it('leaves the code off without a currency, and shows a dash for no value', () => {
    expect(formatAmount(1.5)).toBe(formatNumber(1.5, 2));
    expect(formatAmount(undefined, 'BTC')).toBe('—');
  });
});

describe('money and percentages', () => {
  it('knows stablecoins and fiat from coins', () => {
    expect(currencyDecimals('USDT')).toBe(2);
    expect(currencyDecimals('usdc')).toBe(2);
    expect(currencyDecimals('BTC')).toBe(5);
    expect(currencyDecimals(undefined)).toBe(2);
  });

  it('signs amounts and percentages, but not zero', () => {
    expect(formatSignedAmount(12.3, 'USDT')).toMatch(/^\+.*12.30 USDT$/);
    expect(formatSignedAmount(-4, 'USDT')).toMatch(/^[-\u2212].*4.00 USDT$/);
    expect(formatSignedAmount(0, 'USDT')).toMatch(/^0.00 USDT$/);
    expect(formatPercent(0.0123)).toMatch(/^\+1.23\s?%$/);
    expect(formatPercent(null)).toBe('—');
  });

  it('names the trend of a value', () => {
    expect(trend(1)).toBe('positive');
    expect(trend(-1)).toBe('negative');
    expect(trend(0)).toBe('flat');
    expect(trend(undefined)).toBe('flat');
  });
});
