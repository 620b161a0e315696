import { describe, expect, it } from 'vitest';
import { estimateStrength } from './strength';

describe('estimateStrength', () => {
  it.each([
    'password123',
    'Password1234!',
    'aaaaaaaaaaaaaaaa',
    'abcdefghijklmnop',
    'qwerty123456',
    'short1!',
  ])('refuses %s with advice', (passphrase) => {
    const estimate = estimateStrength(passphrase);
    expect(estimate.acceptable).toBe(false);
    expect(estimate.advice).toBeTruthy();
    expect(estimate.score).toBeLessThanOrEqual(2);
  });

  it.each([
    'correct horse battery staple',
    'Tr0ub4dor&3-vintage-Lamp',
    'mauve kettle orbit 1987 fjord',
  ])('accepts %s', (passphrase) => {
    const estimate = estimateStrength(passphrase);
    expect(estimate.acceptable).toBe(true);
    expect(estimate.score).toBeGreaterThanOrEqual(3);
    expect(estimate.advice).toBeUndefined();
  });

  it('grows with length and variety', () => {
    expect(estimateStrength('kettle orbit').bits).toBeLessThan(
      estimateStrength('kettle orbit fjord mauve').bits,
    );
    expect(estimateStrength('').score).toBe(0);
    expect(estimateStrength('').label).toBe('Very weak');
  });
});
