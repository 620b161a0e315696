/** Candle timeframes ("1m", "15m", "1h", "1d"…) and their lengths. */

export const TIMEFRAMES = ['1m', '3m', '5m', '15m', '30m', '1h', '2h', '4h', '1d'] as const;
export type Timeframe = (typeof TIMEFRAMES)[number];

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

export function isTimeframe(value: string): value is Timeframe {
  return (TIMEFRAMES as readonly string[]).includes(value);
}

/** Length of one candle of `timeframe`, in ms. */
export function timeframeMs(timeframe: Timeframe): number {
  const unit = timeframe.slice(-1) as keyof typeof UNIT_MS;
  return Number(timeframe.slice(0, -1)) * UNIT_MS[unit];
}

/** Open time of the candle of `timeframe` that contains `time` (UTC-aligned). */
export function bucketStart(time: number, timeframe: Timeframe): number {
  const length = timeframeMs(timeframe);
  return Math.floor(time / length) * length;
}
