/** A promise that resolves after `ms` on the injected timers (never the global ones). */
import type { Timers } from '../time';

export function sleep(timers: Timers, ms: number): Promise<void> {
  return new Promise((resolve) => {
    timers.setTimeout(resolve, ms);
  });
}
