import { describe, expect, it } from 'vitest';
import { createRefusalFold } from './refusalFold';

const HOUR = 3_600_000;
const start = Date.UTC(2023, 2, 5, 14, 2);
const refusal = 'enter_long not placed: Order value 4.93 USDT is below the minimum of 5 USDT';

describe('refusal folding', () => {
  it('logs a repeated refusal once a day of market time, with the count folded since', () => {
    const fold = createRefusalFold();
    const logged = [0, 1, 2, 23, 24, 25, 50].map((hour) => fold.take(refusal, start + hour * HOUR));
    expect(logged).toEqual([
      refusal,
      undefined,
      undefined,
      undefined,
      `${refusal} (refused 3 more times since 2023-03-05 14:02 UTC)`,
      undefined,
      `${refusal} (refused 1 more time since 2023-03-06 14:02 UTC)`,
    ]);
  });

  it('logs a refusal that is not a repeat, or follows an order, at once', () => {
    const fold = createRefusalFold();
    const other = 'exit_long not placed: the bot is paused';
    expect(fold.take(refusal, start)).toBe(refusal);
    expect(fold.take(other, start + HOUR)).toBe(other);
    // Back to the first reason: a new streak, logged without a count.
    expect(fold.take(refusal, start + 2 * HOUR)).toBe(refusal);
    expect(fold.take(refusal, start + 3 * HOUR)).toBeUndefined();
    fold.reset();
    expect(fold.take(refusal, start + 4 * HOUR)).toBe(refusal);
  });

  it('logs every refusal made before the first candle (no market time yet)', () => {
    const fold = createRefusalFold();
    expect(fold.take(refusal, -Infinity)).toBe(refusal);
    expect(fold.take(refusal, -Infinity)).toBe(refusal);
  });
});
