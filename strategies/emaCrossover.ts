/**
 * EMA crossover — trend following with exponential moving averages.
 *
 * What it does: keeps a fast and a slow exponential moving average of closes (smoothing
 * 2 / (period + 1), seeded with the first close, as `createEma` documents). When the fast one
 * crosses strictly above the slow one while flat, it buys with all of the bot's free cash (tag
 * `ema-cross-up`); when it crosses strictly below while holding, it sells the whole position
 * (tag `ema-cross-down`). Touching without crossing (equal averages) does nothing.
 *
 * When it works: markets that trend for longer than the slow period. EMAs weight recent
 * closes more than SMAs, so it enters and exits a little sooner than the SMA crossover with
 * the same periods. When it fails: sideways, choppy markets, where the averages cross back
 * and forth and every round trip pays fees and spread ("whipsaw") — reacting sooner also
 * means more false crosses. It always buys after a move has started and sells after it has
 * turned. On 1-minute candles fees dominate; prefer 15m–4h, and pair it with a stop-loss.
 *
 * Parameters:
 * - `fast` (2–200, default 9): candles in the fast EMA. Smaller reacts sooner, crosses more.
 * - `slow` (3–500, default 21): candles in the slow EMA, the trend baseline; must exceed `fast`.
 *
 * Warm-up is slow + 1 candles: the slow EMA reports from its `slow`-th close, and one previous
 * value is needed to see a cross. An EMA never fully forgets its seed: after a restart (which
 * replays exactly the warm-up) the averages start from a later close than in a long backtest,
 * so the first decisions after a restart can differ slightly from an uninterrupted run.
 */
import { createEma, type StreamingIndicator } from '../src/core/indicators';
import { defineStrategy } from '../src/core/strategy';

interface CrossoverState {
  fast: StreamingIndicator;
  slow: StreamingIndicator;
  /** The averages at the previous candle, once both were warm. */
  previous?: { fast: number; slow: number };
}

export default defineStrategy({
  id: 'ema-crossover',
  name: 'EMA crossover',
  description:
    'Buys when the fast exponential moving average crosses above the slow one and sells when it crosses back below. Follows trends, a little faster than the SMA crossover; loses in choppy markets.',
  category: 'trend',
  timeframe: '1m',
  params: {
    fast: {
      kind: 'integer',
      label: 'Fast period',
      help: 'Candles in the fast EMA. Smaller reacts sooner but crosses more often on noise.',
      default: 9,
      min: 2,
      max: 200,
      step: 1,
    },
    slow: {
      kind: 'integer',
      label: 'Slow period',
      help: 'Candles in the slow EMA, the trend baseline. Must be larger than the fast period.',
      default: 21,
      min: 3,
      max: 500,
      step: 1,
    },
  },
  validate: ({ fast, slow }) =>
    fast < slow
      ? undefined
      : { field: 'fast', message: `Fast period (${fast}) must be below slow period (${slow})` },
  warmup: ({ slow }) => slow + 1,
  init: ({ fast, slow }): CrossoverState => ({ fast: createEma(fast), slow: createEma(slow) }),
  onCandle(state, candle, ctx) {
    const fast = state.fast.next(candle.close);
    const slow = state.slow.next(candle.close);
    if (fast === undefined || slow === undefined) return [];
    const previous = state.previous;
    state.previous = { fast, slow };
    if (!previous) return [];
    const isHolding = ctx.position.amount > 0;
    if (!isHolding && previous.fast <= previous.slow && fast > slow) {
      return [{ kind: 'enter_long', tag: 'ema-cross-up' }];
    }
    if (isHolding && previous.fast >= previous.slow && fast < slow) {
      return [{ kind: 'exit_long', fraction: 1, tag: 'ema-cross-down' }];
    }
    return [];
  },
});
