/**
 * MACD trend — buy when the MACD line crosses above its signal line, sell on the cross back.
 *
 * What it does: keeps a MACD of closes (`createMacd`): the MACD line EMA(fast) − EMA(slow) and
 * its signal line EMA(signal). When the MACD line crosses strictly above the signal line while
 * flat — and, with "Only above zero" on, the MACD line is above 0 at that candle — it buys
 * with all of the bot's free cash (tag `macd-cross-up`). When the MACD line crosses strictly
 * below the signal line while holding, it sells the whole position (tag `macd-cross-down`).
 * Touching without crossing (equal lines) does nothing.
 *
 * When it works: trending markets with pullbacks; the signal cross catches momentum turning
 * up. Requiring MACD > 0 (the fast average above the slow one) only buys in an uptrend and
 * skips bear-market rallies, at the cost of later and fewer entries. When it fails: sideways
 * markets, where the two lines twist around each other and each cross is a small loss plus
 * fees; and sharp reversals, which the double smoothing reports late. On 1-minute candles the
 * crosses are mostly noise; prefer 15m–1d.
 *
 * Parameters:
 * - `fast` (2–200, default 12): candles in the fast EMA. Must be below `slow`.
 * - `slow` (3–500, default 26): candles in the slow EMA.
 * - `signal` (2–200, default 9): MACD values in the signal EMA. Shorter crosses more often.
 * - `requireAboveZero` (default false): only buy when the MACD line is above 0.
 *
 * Warm-up is slow + signal candles: the MACD line needs `slow` closes, the signal line `signal`
 * MACD values (first reading at close slow + signal − 1), and one previous reading to see a
 * cross. EMAs never fully forget their seed, so right after a restart (which replays exactly
 * the warm-up) decisions can differ slightly from an uninterrupted run.
 */
import { createMacd, type MacdIndicator } from '../src/core/indicators';
import { defineStrategy } from '../src/core/strategy';

interface MacdState {
  macd: MacdIndicator;
  /** The MACD and signal lines at the previous candle, once warm. */
  previous?: { macd: number; signal: number };
}

export default defineStrategy({
  id: 'macd-trend',
  name: 'MACD trend',
  description:
    'Buys when the MACD line crosses above its signal line (optionally only above zero) and sells when it crosses back below. Follows momentum; loses in sideways markets.',
  category: 'trend',
  timeframe: '1m',
  params: {
    fast: {
      kind: 'integer',
      label: 'Fast period',
      help: 'Candles in the fast EMA of the MACD line. Must be below the slow period.',
      default: 12,
      min: 2,
      max: 200,
      step: 1,
    },
    slow: {
      kind: 'integer',
      label: 'Slow period',
      help: 'Candles in the slow EMA of the MACD line.',
      default: 26,
      min: 3,
      max: 500,
      step: 1,
    },
    signal: {
      kind: 'integer',
      label: 'Signal period',
      help: 'MACD values in the signal line EMA. Shorter crosses sooner and more often.',
      default: 9,
      min: 2,
      max: 200,
      step: 1,
    },
    requireAboveZero: {
      kind: 'boolean',
      label: 'Only above zero',
      help: 'Only buy when the MACD line is above zero (fast EMA above slow: an uptrend). Fewer, later entries; skips bear-market rallies.',
      default: false,
    },
  },
  validate: ({ fast, slow }) =>
    fast < slow
      ? undefined
      : { field: 'fast', message: `Fast period (${fast}) must be below slow period (${slow})` },
  warmup: ({ slow, signal }) => slow + signal,
  plots: ({ fast, slow, signal }) => [
    { key: 'macd', label: `MACD (${fast}, ${slow})`, pane: 'lower' },
    { key: 'signal', label: `Signal (${signal})`, pane: 'lower' },
  ],
  init: ({ fast, slow, signal }): MacdState => ({ macd: createMacd(fast, slow, signal) }),
  onCandle(state, candle, ctx) {
    const value = state.macd.next(candle.close);
    ctx.plot('macd', value?.macd);
    ctx.plot('signal', value?.signal);
    if (value === undefined) return [];
    const previous = state.previous;
    state.previous = { macd: value.macd, signal: value.signal };
    if (!previous) return [];
    const isHolding = ctx.position.amount > 0;
    const crossedUp = previous.macd <= previous.signal && value.macd > value.signal;
    const crossedDown = previous.macd >= previous.signal && value.macd < value.signal;
    if (!isHolding && crossedUp && (!ctx.params.requireAboveZero || value.macd > 0)) {
      return [{ kind: 'enter_long', tag: 'macd-cross-up' }];
    }
    if (isHolding && crossedDown) {
      return [{ kind: 'exit_long', fraction: 1, tag: 'macd-cross-down' }];
    }
    return [];
  },
});
