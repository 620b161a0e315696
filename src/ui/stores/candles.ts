/** Keeping a chart's candle series current as closed candles stream in. Pure. */
import type { Candle } from '../../core/market/candle';

/**
 * Adds `candle` to `candles` (oldest first) and keeps the newest `max`: a candle with the last
 * one's time replaces it, an older one is ignored (it was already drawn).
 */
export function appendCandle(
  candles: readonly Candle[],
  candle: Candle,
  max: number,
): readonly Candle[] {
  const last = candles[candles.length - 1];
  // Same array back: the caller's signal sees no change and the chart is not redrawn.
  if (last && candle.time < last.time) return candles;
  const kept = last && candle.time === last.time ? candles.slice(0, -1) : candles.slice();
  kept.push(candle);
  return kept.length > max ? kept.slice(kept.length - max) : kept;
}
