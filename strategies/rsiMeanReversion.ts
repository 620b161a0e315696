/**
 * RSI mean reversion — buy oversold dips, sell the rebound.
 *
 * What it does: keeps Wilder's Relative Strength Index of closes (`createRsi`, 0–100). While
 * flat, on any candle whose RSI is strictly below the oversold level it buys with all of the
 * bot's free cash (tag `rsi-oversold`). While holding, it sells the whole position on the
 * first candle whose RSI is strictly above the exit threshold: the overbought level (tag
 * `rsi-overbought`) or, with "Exit when" set to the exit level, that usually lower level (tag
 * `rsi-exit-level`). Because entries happen below the oversold level, which is below either
 * threshold, that first candle above it is exactly an upward cross. An RSI equal to a level
 * does nothing.
 *
 * When it works: range-bound, mean-reverting markets, where sharp drops are followed by
 * bounces. Exiting at a middle level (e.g. 50) takes smaller but more frequent profits than
 * waiting for overbought. When it fails: strong downtrends, where RSI stays oversold while the
 * price keeps falling ("catching a falling knife"), and strong uptrends, where it rarely gets
 * a dip to buy. The entry is a level, not a cross: if a stop-loss sells while RSI is still
 * oversold, the next candle buys again. Always pair it with a stop-loss; on 1-minute candles
 * fees eat most of the edge — prefer 15m–4h.
 *
 * Parameters:
 * - `period` (2–100, default 14): price changes the RSI averages. Shorter is jumpier and hits
 *   the levels more often.
 * - `oversold` (1–99, default 30): buy below this RSI. Must be below `overbought`.
 * - `overbought` (1–99, default 70): with "Exit when" = overbought, sell above this RSI.
 * - `exitOn` ('overbought' | 'exit_level', default 'overbought'): which threshold sells.
 * - `exitLevel` (1–99, default 50): with "Exit when" = exit level, sell above this RSI. Must
 *   then be above `oversold`.
 *
 * Warm-up is period + 1 candles: the RSI needs `period` price changes before its first value,
 * and the rule needs no previous value. Wilder's smoothing never fully forgets its seed, so
 * after a restart (which replays exactly the warm-up) RSI readings can differ slightly from an
 * uninterrupted run for a while.
 */
import { createRsi, type StreamingIndicator } from '../src/core/indicators';
import { defineStrategy } from '../src/core/strategy';

interface RsiState {
  rsi: StreamingIndicator;
}

export default defineStrategy({
  id: 'rsi-mean-reversion',
  name: 'RSI mean reversion',
  description:
    'Buys when the RSI drops below the oversold level and sells when it rises above the overbought (or a chosen exit) level. Works in ranges; loses in strong downtrends.',
  category: 'mean_reversion',
  timeframe: '1m',
  params: {
    period: {
      kind: 'integer',
      label: 'RSI period',
      help: "Price changes in Wilder's RSI. Shorter reacts faster and reaches the levels more often.",
      default: 14,
      min: 2,
      max: 100,
      step: 1,
    },
    oversold: {
      kind: 'number',
      label: 'Oversold level',
      help: 'Buys while flat when the RSI is below this level. Lower waits for deeper dips. Must be below the overbought level.',
      default: 30,
      min: 1,
      max: 99,
      step: 0.5,
    },
    overbought: {
      kind: 'number',
      label: 'Overbought level',
      help: 'When exiting on overbought, sells the position once the RSI is above this level.',
      default: 70,
      min: 1,
      max: 99,
      step: 0.5,
    },
    exitOn: {
      kind: 'choice',
      label: 'Exit when',
      help: 'Sell when the RSI rises above the overbought level, or above the (usually lower) exit level for quicker, smaller profits.',
      default: 'overbought',
      options: [
        { value: 'overbought', label: 'RSI above overbought' },
        { value: 'exit_level', label: 'RSI above exit level' },
      ],
    },
    exitLevel: {
      kind: 'number',
      label: 'Exit level',
      help: 'When exiting on the exit level, sells once the RSI is above it. Must be above the oversold level.',
      default: 50,
      min: 1,
      max: 99,
      step: 0.5,
    },
  },
  validate: ({ oversold, overbought, exitOn, exitLevel }) => {
    if (oversold >= overbought) {
      return {
        field: 'oversold',
        message: `Oversold level (${oversold}) must be below overbought level (${overbought})`,
      };
    }
    if (exitOn === 'exit_level' && exitLevel <= oversold) {
      return {
        field: 'exitLevel',
        message: `Exit level (${exitLevel}) must be above oversold level (${oversold})`,
      };
    }
    return undefined;
  },
  warmup: ({ period }) => period + 1,
  plots: ({ period, oversold, overbought }) => [
    { key: 'rsi', label: `RSI ${period}`, pane: 'lower' },
    { key: 'oversold', label: `Oversold (${oversold})`, pane: 'lower', style: 'band' },
    { key: 'overbought', label: `Overbought (${overbought})`, pane: 'lower', style: 'band' },
  ],
  init: ({ period }): RsiState => ({ rsi: createRsi(period) }),
  onCandle(state, candle, ctx) {
    const rsi = state.rsi.next(candle.close);
    const { oversold, overbought, exitOn, exitLevel } = ctx.params;
    ctx.plot('rsi', rsi);
    ctx.plot('oversold', oversold);
    ctx.plot('overbought', overbought);
    if (rsi === undefined) return [];
    const isHolding = ctx.position.amount > 0;
    if (!isHolding && rsi < oversold) {
      return [{ kind: 'enter_long', tag: 'rsi-oversold' }];
    }
    if (isHolding) {
      const useExitLevel = exitOn === 'exit_level';
      if (rsi > (useExitLevel ? exitLevel : overbought)) {
        const tag = useExitLevel ? 'rsi-exit-level' : 'rsi-overbought';
        return [{ kind: 'exit_long', fraction: 1, tag }];
      }
    }
    return [];
  },
});
