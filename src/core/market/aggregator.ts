/**
 * Resampling of closed 1m candles into closed candles of a coarser timeframe, both streaming
 * (one candle in, at most one closed candle out) and in batch. Buckets are UTC-aligned
 * (see `bucketStart`); a bucket is closed when its last minute arrives or, across a gap in
 * the feed, when a candle of a later bucket arrives. No bucket is ever emitted twice.
 */
import type { Candle } from './candle';
import { bucketStart, timeframeMs, type Timeframe } from './timeframe';

const MINUTE_MS = 60_000;

/** Turns a stream of closed 1m candles into closed candles of one timeframe. */
export interface CandleAggregator {
  readonly timeframe: Timeframe;
  /**
   * Adds the next closed 1m candle; returns the candle of `timeframe` it closes, if any.
   *
   * A bucket is emitted even if minutes are missing (a gap, or a feed that started inside
   * the bucket); start from a bucket boundary for exact candles. Candles must be
   * minute-aligned. A candle at or before an already emitted bucket (a
   * duplicate or late delivery) is ignored and returns undefined. When a gap in the feed
   * closes one bucket and the arriving candle also completes its own bucket, the older
   * bucket is returned now and the newer one with the next push (one return per call).
   */
  push(candle1m: Candle): Candle | undefined;
}

interface Bucket {
  candle: Candle;
  /** Open time of the bucket's last minute. */
  lastMinute: number;
}

function startBucket(candle: Candle, timeframe: Timeframe): Bucket {
  const time = bucketStart(candle.time, timeframe);
  return {
    candle: { ...candle, time },
    lastMinute: time + timeframeMs(timeframe) - MINUTE_MS,
  };
}

function extendBucket(bucket: Bucket, candle: Candle): void {
  const merged = bucket.candle;
  merged.high = Math.max(merged.high, candle.high);
  merged.low = Math.min(merged.low, candle.low);
  merged.close = candle.close;
  merged.volume += candle.volume;
}

function assertMinuteAligned(candle: Candle): void {
  if (!Number.isFinite(candle.time) || candle.time % MINUTE_MS !== 0) {
    throw new RangeError(`Candle time ${candle.time} is not the open time of a 1m candle.`);
  }
}

/**
 * Creates a streaming aggregator of 1m candles into closed `timeframe` candles.
 *
 * @example
 * const to5m = createCandleAggregator('5m');
 * for (const candle of oneMinuteCandles) {
 *   const closed = to5m.push(candle);
 *   if (closed) strategy.onCandle(state, closed, ctx);
 * }
 */
export function createCandleAggregator(timeframe: Timeframe): CandleAggregator {
  let pending: Bucket | undefined;
  /** A closed candle waiting for the next push to return it (gap + complete, see push). */
  let ready: Candle | undefined;
  /** Every bucket closed so far ends at or before this input time, so older input is stale. */
  let lastInputTime = -Infinity;

  const push = (candle1m: Candle): Candle | undefined => {
    assertMinuteAligned(candle1m);
    const previouslyReady = ready;
    ready = undefined;
    if (candle1m.time <= lastInputTime) return previouslyReady;
    lastInputTime = candle1m.time;
    if (timeframe === '1m') return { ...candle1m };

    let closedByGap: Candle | undefined;
    const start = bucketStart(candle1m.time, timeframe);
    if (pending && pending.candle.time === start) {
      extendBucket(pending, candle1m);
    } else {
      closedByGap = pending?.candle;
      pending = startBucket(candle1m, timeframe);
    }

    let completed: Candle | undefined;
    if (candle1m.time === pending.lastMinute) {
      completed = pending.candle;
      pending = undefined;
    }

    // At most one candle can be returned per call; anything more waits for the next push.
    const out = [previouslyReady, closedByGap, completed].filter(
      (candle): candle is Candle => candle !== undefined,
    );
    ready = out[1];
    return out[0];
  };

  return { timeframe, push };
}

/**
 * Resamples a time-ordered series of 1m candles into closed candles of `timeframe`.
 * A bucket is emitted when it is closed: its last minute is present or later candles follow
 * it (a gap). The trailing bucket is dropped unless its last minute is present, so the
 * output never contains a still-forming candle.
 *
 * @throws RangeError when the input is not minute-aligned and strictly increasing in time.
 */
export function resampleCandles(candles: readonly Candle[], timeframe: Timeframe): Candle[] {
  const out: Candle[] = [];
  let pending: Bucket | undefined;
  let previousTime = -Infinity;
  for (const candle of candles) {
    assertMinuteAligned(candle);
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
      pending = startBucket(candle, timeframe);
    }
    if (candle.time === pending.lastMinute) {
      out.push(pending.candle);
      pending = undefined;
    }
  }
  return out;
}
