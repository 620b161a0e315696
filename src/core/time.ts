/**
 * Injected time, timers and randomness. Nothing in `core` reads the wall clock, schedules
 * with global timers or calls Math.random: these ports are handed in, so a test can run a
 * day in a millisecond and two runs of the same data are identical.
 */

/** UTC milliseconds since the epoch. */
export type TimestampMs = number;

export interface Clock {
  now(): TimestampMs;
}

export type TimerHandle = number | object;

export interface Timers {
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** Uniform random numbers in [0, 1). */
export interface Random {
  next(): number;
}

/** A deterministic clock and timer queue for tests and simulations. */
export interface ManualClock extends Clock, Timers {
  /** Moves time forward, firing every timer that falls due, in order. */
  advance(ms: number): void;
  set(time: TimestampMs): void;
}

interface ManualTimer {
  id: number;
  due: number;
  callback: () => void;
}

/** Creates a manual clock starting at `start`. Timers fire in due order during `advance`. */
export function createManualClock(start: TimestampMs = 0): ManualClock {
  let current = start;
  let nextId = 1;
  /** Pending timers in the order they were set (usually a handful: scanned, not sorted). */
  const queue: ManualTimer[] = [];

  const runDue = (until: number): void => {
    for (;;) {
      // The earliest due; among equal ones the first set.
      let next = -1;
      for (let index = 0; index < queue.length; index++) {
        const due = (queue[index] as ManualTimer).due;
        if (due <= until && (next < 0 || due < (queue[next] as ManualTimer).due)) next = index;
      }
      if (next < 0) break;
      const timer = queue[next] as ManualTimer;
      if (next === queue.length - 1) queue.pop();
      else queue.splice(next, 1);
      current = Math.max(current, timer.due);
      timer.callback();
    }
    current = until;
  };

  return {
    now: () => current,
    setTimeout(callback, delayMs) {
      const id = nextId++;
      queue.push({ id, due: current + Math.max(0, delayMs), callback });
      return id;
    },
    clearTimeout(handle) {
      const index = queue.findIndex((timer) => timer.id === handle);
      if (index >= 0) queue.splice(index, 1);
    },
    advance(ms) {
      runDue(current + ms);
    },
    set(time) {
      runDue(time);
    },
  };
}

/** A small seeded PRNG (mulberry32) for reproducible simulations. */
export function createSeededRandom(seed: number): Random {
  let state = seed >>> 0;
  return {
    next() {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}
