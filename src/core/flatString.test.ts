import { describe, expect, it } from 'vitest';
import { flatString } from './flatString';

describe('flatString', () => {
  it('returns the same text, whatever pieces it was made of', () => {
    const amount = 0.01234;
    const built = `Filled buy ${amount} at ${23_456.78} (fee ${0.29} USDT)`;
    expect(flatString(built)).toBe('Filled buy 0.01234 at 23456.78 (fee 0.29 USDT)');
    const symbols = `enter_long not placed: cash ≥ ${5} — ${'x'.repeat(3)}`;
    expect(flatString(symbols)).toBe('enter_long not placed: cash ≥ 5 — xxx');
    expect(flatString('')).toBe('');
  });
});
