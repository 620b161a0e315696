/**
 * The slow-down after wrong passphrases: the first two mistakes are free, then each one doubles
 * the wait before the next attempt is even checked (5 s, 10 s, 20 s … up to 15 minutes).
 */
import type { UnlockThrottle } from './store';

const FREE_FAILURES = 2;
const FIRST_DELAY_MS = 5_000;
const MAX_DELAY_MS = 15 * 60_000;

export const NO_THROTTLE: UnlockThrottle = { failures: 0, retryAt: 0 };

/** The wait after the `failures`-th wrong passphrase in a row. */
export function delayAfter(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES - 1), MAX_DELAY_MS);
}

/** The throttle after one more wrong passphrase at `now`. */
export function recordFailure(throttle: UnlockThrottle, now: number): UnlockThrottle {
  const failures = throttle.failures + 1;
  return { failures, retryAt: now + delayAfter(failures) };
}

/** "Try again in 20 seconds." style wording for a wait. */
export function describeWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 120) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
