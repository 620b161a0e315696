/** The real clock, timers and randomness of a browser or worker, as the core's ports. */
import type { Clock, Random, Timers } from '../core/time';

export const browserClock: Clock = { now: () => Date.now() };

export const browserTimers: Timers = {
  setTimeout: (callback, delayMs) => setTimeout(callback, delayMs),
  clearTimeout: (handle) => clearTimeout(handle as number),
};

export const browserRandom: Random = {
  next() {
    const buffer = new Uint32Array(1);
    crypto.getRandomValues(buffer);
    return (buffer[0] ?? 0) / 4294967296;
  },
};
