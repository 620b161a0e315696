/**
 * Market time for the simulator: it runs `speed` times faster than the injected real clock
 * while started and stands still while stopped. Holds one pending wake-up timer at a time, set
 * for a market time and converted to a real delay at the current speed. Never reads global time.
 */
import type { Clock, TimerHandle, Timers } from '../../core/time';
import { withGetters } from '../../core/withGetters';

export interface ReplayClock {
  /** Current market time in ms (fractional while running at speeds that are not whole). */
  now(): number;
  readonly isRunning: boolean;
  readonly speed: number;
  start(): void;
  stop(): void;
  setSpeed(speed: number): void;
  /** Sets market time while stopped (a replay stepped by hand: see ReplayDriver.playNext). */
  jumpTo(marketTime: number): void;
  /** Calls `callback` once market time reaches `marketTime` (replaces any pending wake-up). */
  wakeAt(marketTime: number, callback: () => void): void;
  /** Calls `callback` as soon as the timers allow (to yield during a long catch-up). */
  wakeSoon(callback: () => void): void;
  cancelWake(): void;
}

export function assertValidSpeed(speed: number): void {
  if (!(Number.isFinite(speed) && speed > 0)) {
    throw new Error(`Replay speed must be a positive number, got ${speed}`);
  }
}

export function createReplayClock(options: {
  clock: Clock;
  timers: Timers;
  speed: number;
  startMarketTime: number;
}): ReplayClock {
  const { clock, timers } = options;
  assertValidSpeed(options.speed);
  let speed = options.speed;
  let running = false;
  // Market time is computed from an anchor, never accumulated, so it does not drift.
  // The market and real times of the last anchor: fields rather than `let`s, so moving them
  // (a backtest jumps once per candle) boxes no number.
  const anchor = { market: options.startMarketTime, real: clock.now() };
  let pending: TimerHandle | undefined;
  /** The pending wake-up: its market time and callback (none when wakeCallback is undefined). */
  let wakeTime = 0;
  let wakeCallback: (() => void) | undefined;

  const now = (): number =>
    running ? anchor.market + (clock.now() - anchor.real) * speed : anchor.market;

  const reanchor = (): void => {
    anchor.market = now();
    anchor.real = clock.now();
  };

  const clearPending = (): void => {
    if (pending !== undefined) timers.clearTimeout(pending);
    pending = undefined;
  };

  // The timer always belongs to the current wake-up: arm() clears it before setting another.
  const fire = (): void => {
    pending = undefined;
    const callback = wakeCallback;
    if (callback === undefined) return;
    if (now() < wakeTime) return arm();
    wakeCallback = undefined;
    callback();
  };

  const arm = (): void => {
    clearPending();
    if (!running || wakeCallback === undefined) return;
    const remaining = wakeTime - now();
    // Round up, and at least 1 ms while not yet due, so an early wake-up cannot spin.
    const delay = remaining <= 0 ? 0 : Math.max(1, Math.ceil(remaining / speed));
    pending = timers.setTimeout(fire, delay);
  };

  const replay: Omit<ReplayClock, 'isRunning' | 'speed'> = {
    now,
    start() {
      if (running) return;
      anchor.real = clock.now();
      running = true;
      arm();
    },
    stop() {
      if (!running) return;
      reanchor();
      running = false;
      clearPending();
    },
    jumpTo(marketTime) {
      if (running) throw new Error('The replay clock cannot jump while it runs');
      anchor.market = marketTime;
    },
    setSpeed(next) {
      assertValidSpeed(next);
      reanchor();
      speed = next;
      arm();
    },
    wakeAt(marketTime, callback) {
      wakeTime = marketTime;
      wakeCallback = callback;
      arm();
    },
    wakeSoon(callback) {
      wakeTime = -Infinity;
      wakeCallback = callback;
      arm();
    },
    cancelWake() {
      wakeCallback = undefined;
      clearPending();
    },
  };
  return withGetters(replay, { isRunning: () => running, speed: () => speed });
}
