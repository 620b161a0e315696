/**
 * SMA crossover — the classic trend-following template.
 *
 * What it does: keeps a fast and a slow simple moving average of closes. When the fast one
 * crosses strictly above the slow one while flat, it buys (tag `sma-cross-up`); when it
 * crosses strictly below while holding, it sells the whole position (tag `sma-cross-down`).
 * Touching without crossing (equal averages) does nothing.
 *
 * When it works: markets that trend for longer than the slow period — it catches the body of
 * the move. When it fails: sideways, choppy markets, where the averages cross back and forth
 * and every round trip pays fees and spread ("whipsaw"); it also always enters after a move
 * has started and exits after it has turned. Pair it with a stop-loss and a coarser
 * timeframe on noisy pairs.
 *
 * Parameters: `fast` (2–200) and `slow` (3–500) candle periods; fast must be below slow.
 * Warm-up is slow + 1 candles: the slow average plus one previous value to detect a cross.
 */
import { createSma, type StreamingIndicator } from '../src/core/indicators';
import { defineStrategy } from '../src/core/strategy';

interface CrossoverState {
  fast: StreamingIndicator;
  slow: StreamingIndicator;
  /** The averages at the previous candle, once both were warm. */
  /** The averages on the candle before (undefined until both exist). */
  previousFast?: number;
  previousSlow?: number;
}

export default defineStrategy({
  id: 'sma-crossover',
  name: 'SMA crossover',
  description:
    'Buys when the fast simple moving average crosses above the slow one and sells when it crosses back below. Follows trends; loses in choppy markets.',
  category: 'trend',
  timeframe: '1m',
  params: {
    fast: {
      kind: 'integer',
      label: 'Fast period',
      help: 'Candles in the fast average. Smaller reacts sooner but crosses more often on noise.',
      default: 9,
      min: 2,
      max: 200,
      step: 1,
    },
    slow: {
      kind: 'integer',
      label: 'Slow period',
      help: 'Candles in the slow average, the trend baseline. Must be larger than the fast period.',
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
  init: ({ fast, slow }): CrossoverState => ({ fast: createSma(fast), slow: createSma(slow) }),
  onCandle(state, candle, ctx) {
    const fast = state.fast.next(candle.close);
    const slow = state.slow.next(candle.close);
    if (fast === undefined || slow === undefined) return [];
    // Kept as two numbers rather than an object: a backtest would make one per candle.
    const { previousFast, previousSlow } = state;
    state.previousFast = fast;
    state.previousSlow = slow;
    if (previousFast === undefined || previousSlow === undefined) return [];
    const isHolding = ctx.position.amount > 0;
    if (!isHolding && previousFast <= previousSlow && fast > slow) {
      return [{ kind: 'enter_long', tag: 'sma-cross-up' }];
    }
    if (isHolding && previousFast >= previousSlow && fast < slow) {
      return [{ kind: 'exit_long', fraction: 1, tag: 'sma-cross-down' }];
    }
    return [];
  },
});
