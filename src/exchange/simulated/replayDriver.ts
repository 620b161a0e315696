/**
 * Drives the replay: walks market time forward candle by candle and emits what happens, in
 * order. For the forming candle `cursor` it shows the four intrabar path points as ticks at
 * open + 0, 15, 30 and 45 s of market time (quarters of the candle: every 15 s of a 1m candle
 * at 1x); when ticks would come closer than MIN_TICK_SPACING_MS of real time, the last three
 * are shown together when the candle completes. It completes when the next candle opens (after
 * a gap in the series, the open after the gap); then it is played (`onPlay`, cursor already
 * advanced) and the next candle's open is shown at once — the same instant. Falls behind gracefully: after a stall
 * it catches up in chunks of MAX_EVENTS_PER_WAKE, yielding to the timers in between. A backtest
 * steps it by hand instead (playNext), through the same event handling. Points nobody watches
 * are not made into ticks.
 */
import type { PriceTick } from '../../core/exchangePort';
import type { Clock, Timers } from '../../core/time';
import { PATH_POINTS } from './account';
import { createReplayClock } from './replayClock';
import type { ReplaySeries } from './replaySeries';
import { withGetters } from '../../core/withGetters';

/** Ticks are for display; a browser redraws at most every ~16 ms, so closer ticks are batched. */
const MIN_TICK_SPACING_MS = 20;
/** Events handled per timer callback while catching up, so a long stall cannot freeze a worker. */
const MAX_EVENTS_PER_WAKE = 2_000;

export interface ReplayDriver {
  /** The forming candle's index: every candle before it has been played. */
  readonly cursor: number;
  readonly isRunning: boolean;
  readonly speed: number;
  /** Market time (ms): while an event is handled, that event's time. */
  marketTime(): number;
  /** The path point of the forming candle shown last (0 = its open .. 3 = its close). */
  shownPoint(): number;
  /** The last price shown for `symbol` (a point of the forming candle's path). */
  lastPrice(symbol: string): number;
  start(): void;
  stop(): void;
  setSpeed(speed: number): void;
  /**
   * Plays the forming candle to its end now, whatever the time, and leaves market time at the
   * next candle's open: a backtest steps the replay itself instead of running it on timers.
   * Only while stopped.
   */
  playNext(): void;
}

export interface ReplayDriverOptions {
  series: ReplaySeries;
  clock: Clock;
  timers: Timers;
  speed: number;
  cursor: number;
  /** A path point shown for one symbol (every symbol in turn for each point). */
  onTick(tick: PriceTick): void;
  /** Whether anyone watches `symbol`'s ticks: points nobody watches are not made into ticks. */
  hasTickListeners(symbol: string): boolean;
  /** Candle `index` completed; the cursor is already `index + 1`. */
  onPlay(index: number): void;
}

export function createReplayDriver(options: ReplayDriverOptions): ReplayDriver {
  const { series } = options;
  /** Market time between path points: 15 s in a 1m candle. */
  const pointMs = series.candleMs / PATH_POINTS;
  let cursor = options.cursor;
  // The forming candle's open is shown at the instant the previous candle completes.
  let pointsShown = 1;
  let hasShownFirstTick = false;
  // The time of the event being handled, NaN between events: a field rather than a `let`, so
  // setting it on every event boxes no number.
  const handling = { time: Number.NaN };
  const replay = createReplayClock({
    clock: options.clock,
    timers: options.timers,
    speed: options.speed,
    startMarketTime: series.timeOf(cursor),
  });

  /**
   * Whether the intrabar ticks are far enough apart in real time to be shown one at a time
   * (at high speed they are shown together when the candle completes). Kept up to date by
   * setSpeed: asked several times a candle.
   */
  let spacesTicks = false;
  const updateSpacing = (): void => {
    spacesTicks = pointMs / replay.speed >= MIN_TICK_SPACING_MS;
  };
  updateSpacing();

  const nextEventTime = (): number =>
    pointsShown < PATH_POINTS && spacesTicks
      ? series.timeOf(cursor) + pointsShown * pointMs
      : series.timeOf(cursor + 1);

  const showPoint = (point: number): void => {
    const { symbols } = series;
    // Indexed, not for…of: four times a candle, and on Node 20 for…of allocates.
    for (let at = 0; at < symbols.length; at++) {
      const symbol = symbols[at] as string;
      // Asked first: a backtest watches no ticks, and nothing else is needed then.
      if (!options.hasTickListeners(symbol)) continue;
      const time = series.timeOf(cursor) + point * pointMs;
      options.onTick({ symbol, time, price: series.pathAt(symbol, cursor)[point] as number });
    }
  };

  const handleNextEvent = (): void => {
    if (pointsShown < PATH_POINTS && spacesTicks) {
      showPoint(pointsShown++);
      return;
    }
    while (pointsShown < PATH_POINTS) showPoint(pointsShown++);
    const played = cursor;
    cursor += 1;
    pointsShown = 1;
    options.onPlay(played);
    showPoint(0);
  };

  /** Handles the next event, which is due at `time`: market time while it is handled. */
  const handleEventAt = (time: number): void => {
    handling.time = time;
    try {
      handleNextEvent();
    } finally {
      handling.time = Number.NaN;
    }
  };

  const run = (): void => {
    const now = replay.now();
    for (let budget = MAX_EVENTS_PER_WAKE; budget > 0; budget--) {
      if (!replay.isRunning) return;
      const due = nextEventTime();
      if (due > now) {
        replay.wakeAt(due, run);
        return;
      }
      handleEventAt(due);
    }
    replay.wakeSoon(run);
  };

  const driver: Omit<ReplayDriver, 'cursor' | 'isRunning' | 'speed'> = {
    marketTime() {
      // While catching up, the market is only as far as the event being handled.
      return Number.isNaN(handling.time) ? Math.min(replay.now(), nextEventTime()) : handling.time;
    },
    shownPoint: () => pointsShown - 1,
    lastPrice(symbol) {
      return series.pathAt(symbol, cursor)[pointsShown - 1] as number;
    },
    start() {
      if (replay.isRunning) return;
      replay.start();
      if (!hasShownFirstTick) {
        hasShownFirstTick = true;
        showPoint(pointsShown - 1);
      }
      run();
    },
    stop() {
      replay.stop();
    },
    setSpeed(speed) {
      replay.setSpeed(speed);
      updateSpacing();
      if (replay.isRunning) run();
    },
    playNext() {
      if (replay.isRunning) throw new Error('A running replay cannot be stepped by hand');
      if (!hasShownFirstTick) {
        hasShownFirstTick = true;
        showPoint(pointsShown - 1);
      }
      const playing = cursor;
      while (cursor === playing) handleEventAt(nextEventTime());
      replay.jumpTo(series.timeOf(cursor));
    },
  };
  return withGetters(driver, {
    cursor: () => cursor,
    isRunning: () => replay.isRunning,
    speed: () => replay.speed,
  });
}
