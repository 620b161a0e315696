/**
 * Supertrend — a volatility-band trend follower with a built-in trailing exit.
 *
 * What it does: the classic Supertrend. Around each candle's midpoint hl2 = (high + low) / 2
 * it draws a basic upper band hl2 + multiplier × ATR and a basic lower band hl2 − multiplier ×
 * ATR (Wilder ATR over `atrPeriod` candles). The final bands carry over as usual:
 * - the final upper band takes the new basic upper band only if that is lower than the
 *   previous final upper band, or the previous close was above it (so in a downtrend it only
 *   falls);
 * - the final lower band takes the new basic lower band only if that is higher than the
 *   previous final lower band, or the previous close was below it (so in an uptrend it only
 *   rises — a trailing stop).
 * The trend turns up when a close is above the final upper band and down when a close is below
 * the final lower band. When it turns up while flat, the bot buys with its free cash (tag
 * `supertrend-up`); while holding, it sells everything as soon as the trend is down — that is,
 * when a close falls below the rising lower band (tag `supertrend-down`).
 * Until the close first leaves the channel between the two bands the trend is unknown (common
 * charting implementations label that start "down"; the up-turns are the same candles).
 *
 * When it works: sustained trends with pullbacks smaller than multiplier × ATR — the stop
 * trails the move and lets it run. When it fails: ranges and whipsaws (each false breakout of
 * the upper band costs a round trip plus fees), and sharp reversals, which give back up to
 * multiplier × ATR plus the gap before the next candle's open. A larger multiplier trades less
 * and gives more back; a smaller one reacts sooner but whipsaws more.
 *
 * Parameters: `atrPeriod` (1–200, default 10) candles of Wilder ATR; `multiplier` (0.5–10 in
 * steps of 0.1, default 3) ATRs between the midpoint and each band.
 * Warm-up is `atrPeriod` candles: the ATR and the first bands come with the `atrPeriod`-th
 * candle; the earliest possible turn, and so the first decision, is the candle after it.
 */
import { createAtr, type AtrIndicator } from '../src/core/indicators';
import { defineStrategy } from '../src/core/strategy';

type Trend = 'up' | 'down' | 'unknown';

interface SupertrendState {
  atr: AtrIndicator;
  multiplier: number;
  /** Final bands, close and trend at the previous candle, once the ATR was warm. */
  previous?: { upper: number; lower: number; close: number; trend: Trend };
}

export default defineStrategy({
  id: 'supertrend',
  name: 'Supertrend',
  description:
    'Buys when the close breaks above the Supertrend upper band (trend turns up) and sells when it falls below the rising lower band. Rides trends with a trailing ATR stop; whipsaws in ranges.',
  category: 'trend',
  timeframe: '1m',
  params: {
    atrPeriod: {
      kind: 'integer',
      label: 'ATR period',
      help: "Candles in the Average True Range (Wilder's smoothing) that sizes the bands. Longer is steadier; shorter adapts faster to changing volatility.",
      default: 10,
      min: 1,
      max: 200,
      step: 1,
    },
    multiplier: {
      kind: 'number',
      label: 'ATR multiplier',
      help: 'Distance from the candle midpoint to each band, in ATRs. Larger means fewer, later signals and a looser trailing stop; smaller means earlier signals and more whipsaws.',
      default: 3,
      min: 0.5,
      max: 10,
      step: 0.1,
    },
  },
  warmup: ({ atrPeriod }) => atrPeriod,
  // The band that decides next: the rising lower band in an uptrend, else the upper band.
  plots: ({ atrPeriod, multiplier }) => [
    { key: 'supertrend', label: `Supertrend (${atrPeriod}, ${multiplier})` },
  ],
  init: ({ atrPeriod, multiplier }): SupertrendState => ({
    atr: createAtr(atrPeriod),
    multiplier,
  }),
  onCandle(state, candle, ctx) {
    const atr = state.atr.next(candle);
    if (atr === undefined) return [];
    const middle = (candle.high + candle.low) / 2;
    const basicUpper = middle + state.multiplier * atr;
    const basicLower = middle - state.multiplier * atr;
    const previous = state.previous;
    const upper =
      !previous || basicUpper < previous.upper || previous.close > previous.upper
        ? basicUpper
        : previous.upper;
    const lower =
      !previous || basicLower > previous.lower || previous.close < previous.lower
        ? basicLower
        : previous.lower;
    const before: Trend = previous?.trend ?? 'unknown';
    let trend = before;
    if (previous) {
      if (before !== 'up' && candle.close > upper) trend = 'up';
      else if (before !== 'down' && candle.close < lower) trend = 'down';
    }
    state.previous = { upper, lower, close: candle.close, trend };
    ctx.plot('supertrend', trend === 'up' ? lower : upper);

    const isHolding = ctx.position.amount > 0;
    if (!isHolding && before !== 'up' && trend === 'up') {
      return [{ kind: 'enter_long', tag: 'supertrend-up' }];
    }
    if (isHolding && trend === 'down') {
      return [{ kind: 'exit_long', fraction: 1, tag: 'supertrend-down' }];
    }
    return [];
  },
});
