/**
 * The one check that a run of candles is a replayable series of candles `stepMs` long: each
 * opens on a whole step (UTC) and after the one before (gaps allowed). The backtest (which
 * words the problem for the user) and the simulator's replay (which refuses such a sample)
 * both use it, over up to a million candles.
 */
import type { Candle } from './candle';

/** The first candle out of step, and how: off a whole step, or not after the one before it. */
export interface Misstep {
  index: number;
  problem: 'unaligned' | 'not_after';
}

/** A series refused for its first misstep (the simulator's replay throws it; callers word it). */
export class CandleStepError extends Error {
  readonly misstep: Misstep;
  constructor(message: string, misstep: Misstep) {
    super(message);
    this.name = 'CandleStepError';
    this.misstep = misstep;
  }
}

export function firstMisstep(candles: readonly Candle[], stepMs: number): Misstep | undefined {
  let previous = Number.NaN;
  for (let index = 0; index < candles.length; index++) {
    const time = (candles[index] as Candle).time;
    // One step after an aligned candle is aligned and after it: most candles are checked without
    // the division, which would cost a million-candle backtest ~20 ms.
    if (time - previous !== stepMs) {
      if (time % stepMs !== 0) return { index, problem: 'unaligned' };
      if (time <= previous) return { index, problem: 'not_after' };
    }
    previous = time;
  }
  return undefined;
}
