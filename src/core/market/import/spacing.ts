/**
 * Tells a candle file's timeframe from its times: the most common step between consecutive
 * candles (gaps and the odd irregular row do not change it), and names it the way exchanges
 * do ("1m", "4h", "1d", "1w"), falling back to seconds.
 */
import type { Candle } from '../candle';

const UNITS = [
  { ms: 604_800_000, suffix: 'w' },
  { ms: 86_400_000, suffix: 'd' },
  { ms: 3_600_000, suffix: 'h' },
  { ms: 60_000, suffix: 'm' },
  { ms: 1_000, suffix: 's' },
] as const;

/** The most common positive step between consecutive times (ties: the smaller step). */
export function inferSpacing(candles: readonly Candle[]): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < candles.length; i++) {
    const step = (candles[i] as Candle).time - (candles[i - 1] as Candle).time;
    counts.set(step, (counts.get(step) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [step, count] of counts) {
    if (count > bestCount || (count === bestCount && step < best)) {
      best = step;
      bestCount = count;
    }
  }
  return best;
}

/** "1m", "15m", "4h", "1d", "1w"; "90s" or "1500ms" for spacings no larger unit divides. */
export function timeframeLabel(ms: number): string {
  for (const unit of UNITS) {
    if (ms >= unit.ms && ms % unit.ms === 0) return `${ms / unit.ms}${unit.suffix}`;
  }
  return `${ms}ms`;
}
