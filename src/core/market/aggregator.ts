/**
 * Resampling of closed 1m candles (or of any finer candle length, `inputMs`: hourly data into
 * daily candles) into closed candles of a coarser timeframe, both streaming (one candle in, at
 * most one closed candle out) and in batch. Buckets are UTC-aligned (see `bucketStart`); a
 * bucket is closed when its last input candle arrives or, across a gap in the feed, when a
 * candle of a later bucket arrives. No bucket is ever emitted twice.
 */
import type { Candle, MutableCandle } from './candle';
import { bucketStart, timeframeMs, type Timeframe } from './timeframe';

const MINUTE_MS = 60_000;

/** Turns a stream of closed 1m (or `inputMs`) candles into closed candles of one timeframe. */
export interface CandleAggregator {
  readonly timeframe: Timeframe;
  /**
   * Adds the next closed input candle; returns the candle of `timeframe` it closes, if any.
   * When `timeframe` is the input's own length, that is the input candle itself (not a copy).
   *
   * A bucket is emitted even if input candles are missing (a gap, or a feed that started
   * inside the bucket); start from a bucket boundary for exact candles. Candles must open on
   * a multiple of the input length. A candle at or before an already emitted bucket (a
   * duplicate or late delivery) is ignored and returns undefined. When a gap in the feed
   * closes one bucket and the arriving candle also completes its own bucket, the older
   * bucket is returned now and the newer one with the next push (one return per call).
   */
  push(input: Candle): Candle | undefined;
}

interface Bucket {
  candle: MutableCandle;
  /** Open time of the bucket's last input candle. */
  lastInput: number;
}

function startBucket(candle: Candle, timeframe: Timeframe, inputMs: number): Bucket {
  const time = bucketStart(candle.time, timeframe);
  return {
    candle: { ...candle, time },
    lastInput: time + timeframeMs(timeframe) - inputMs,
  };
}

function extendBucket(bucket: Bucket, candle: Candle): void {
  const merged = bucket.candle;
  merged.high = Math.max(merged.high, candle.high);
  merged.low = Math.min(merged.low, candle.low);
  merged.close = candle.close;
  merged.volume += candle.volume;
}

/** Checks that `timeframe` is a whole number of input candles of `inputMs`. */
function assertInputLength(timeframe: Timeframe, inputMs: number): void {
  const length = timeframeMs(timeframe);
  if (!(Number.isInteger(inputMs) && inputMs > 0 && length % inputMs === 0)) {
    throw new RangeError(`A ${timeframe} candle is not a whole number of ${inputMs} ms candles.`);
  }
}

function assertAligned(candle: Candle, inputMs: number): void {
  if (!Number.isFinite(candle.time) || candle.time % inputMs !== 0) {
    const what = inputMs === MINUTE_MS ? 'a 1m candle' : `a ${inputMs} ms candle`;
    throw new RangeError(`Candle time ${candle.time} is not the open time of ${what}.`);
  }
}

/**
 * Creates a streaming aggregator of 1m candles (or candles `inputMs` long) into closed
 * `timeframe` candles.
 *
 * @example
 * const to5m = createCandleAggregator('5m');
 * for (const candle of oneMinuteCandles) {
 *   const closed = to5m.push(candle);
 *   if (closed) strategy.onCandle(state, closed, ctx);
 * }
 */
export function createCandleAggregator(
  timeframe: Timeframe,
  inputMs: number = MINUTE_MS,
): CandleAggregator {
  assertInputLength(timeframe, inputMs);
  const isPassThrough = timeframeMs(timeframe) === inputMs;
  let pending: Bucket | undefined;
  /** A closed candle waiting for the next push to return it (gap + complete, see push). */
  let ready: Candle | undefined;
  /** Every bucket closed so far ends at or before this input time, so older input is stale. */
  // A field rather than a `let`: written on every input, it then boxes no number.
  const last = { inputTime: -Infinity };

  const push = (input: Candle): Candle | undefined => {
    // One step after the last input (which was aligned) is aligned: most candles skip the
    // division, which a million-candle backtest would pay on every one.
    if (input.time - last.inputTime !== inputMs) assertAligned(input, inputMs);
    const previouslyReady = ready;
    ready = undefined;
    if (input.time <= last.inputTime) return previouslyReady;
    last.inputTime = input.time;
    if (isPassThrough) return input;

    let closedByGap: Candle | undefined;
    const start = bucketStart(input.time, timeframe);
    if (pending && pending.candle.time === start) {
      extendBucket(pending, input);
    } else {
      closedByGap = pending?.candle;
      pending = startBucket(input, timeframe, inputMs);
    }

    let completed: Candle | undefined;
    if (input.time === pending.lastInput) {
      completed = pending.candle;
      pending = undefined;
    }

    // At most one candle can be returned per call (oldest first); the next waits for the next
    // push. previouslyReady and closedByGap never coincide: a gap closes at most one bucket.
    const first = previouslyReady ?? closedByGap ?? completed;
    ready =
      first === previouslyReady
        ? (closedByGap ?? completed)
        : first === closedByGap
          ? completed
          : undefined;
    return first;
  };

  return { timeframe, push };
}

/**
 * Resamples a time-ordered series of 1m candles (or candles `inputMs` long) into closed
 * candles of `timeframe`. A bucket is emitted when it is closed: its last input candle is
 * present or later candles follow it (a gap). The trailing bucket is dropped unless its last
 * input candle is present, so the output never contains a still-forming candle.
 *
 * @throws RangeError when the input is not aligned to `inputMs` and strictly increasing in
 *   time, or `timeframe` is not a whole number of input candles.
 */
export function resampleCandles(
  candles: readonly Candle[],
  timeframe: Timeframe,
  inputMs: number = MINUTE_MS,
): Candle[] {
  assertInputLength(timeframe, inputMs);
  const out: Candle[] = [];
  let pending: Bucket | undefined;
  let previousTime = -Infinity;
  for (const candle of candles) {
    assertAligned(candle, inputMs);
    if (candle.time <= previousTime) {
      throw new RangeError(
        `Candles must be in strictly increasing time order: ${candle.time} follows ${previousTime}.`,
      );
    }
    previousTime = candle.time;
    if (pending && pending.candle.time === bucketStart(candle.time, timeframe)) {
      extendBucket(pending, candle);
    } else {
      if (pending) out.push(pending.candle);
      pending = startBucket(candle, timeframe, inputMs);
    }
    if (candle.time === pending.lastInput) {
      out.push(pending.candle);
      pending = undefined;
    }
  }
  return out;
}
