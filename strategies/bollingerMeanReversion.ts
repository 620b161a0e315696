/**
 * Bollinger mean reversion — buy a close below the lower band, sell back at the mean.
 *
 * What it does: keeps Bollinger Bands of closes (`createBollinger`): a simple moving average
 * of the last `period` closes (the middle band) ± `stdDev` population standard deviations of
 * those closes, the current one included. While flat, on a close strictly below the lower
 * band it buys with all of the bot's free cash (tag `bb-below-lower`). While holding, it sells
 * the whole position on the first close at or above the middle band (tag `bb-middle`) or, with
 * "Exit at" set to the upper band, at or above the upper band (tag `bb-upper`). A close equal
 * to the lower band is no entry; a perfectly flat window has zero width and never triggers.
 *
 * When it works: ranging markets with stable volatility, where stretches below the band snap
 * back to the average. Exiting at the middle band takes the likelier, smaller profit; the
 * upper band holds for a full swing and gives back more when the bounce fails. When it fails:
 * breakdowns and trends — in a sell-off closes "walk" down the lower band, each buy is early,
 * and the middle band falls towards the price, so exits come at a loss. Volatility expanding
 * after a quiet period widens the bands only after the move. Pair it with a stop-loss; on
 * 1-minute candles fees eat most of the edge — prefer 15m–4h.
 *
 * Parameters:
 * - `period` (2–500, default 20): closes in the average and the standard deviation.
 * - `stdDev` (0.5–5 in steps of 0.1, default 2): band width in standard deviations. Wider
 *   bands trade less often but on deeper stretches.
 * - `exitAt` ('middle' | 'upper', default 'middle'): which band sells the position.
 *
 * Warm-up is `period` candles: the bands exist from the `period`-th close and the rule needs
 * no previous value. The window is finite, so decisions after a restart match an
 * uninterrupted run exactly.
 */
import { createBollinger, type BollingerIndicator } from '../src/core/indicators';
import { defineStrategy } from '../src/core/strategy';

interface BollingerState {
  bands: BollingerIndicator;
}

export default defineStrategy({
  id: 'bollinger-mean-reversion',
  name: 'Bollinger mean reversion',
  description:
    'Buys when a candle closes below the lower Bollinger band and sells when price returns to the middle (or upper) band. Works in ranges; loses when a sell-off keeps going.',
  category: 'mean_reversion',
  timeframe: '1m',
  params: {
    period: {
      kind: 'integer',
      label: 'Period',
      help: 'Closes in the moving average (middle band) and in the standard deviation that sets the band width.',
      default: 20,
      min: 2,
      max: 500,
      step: 1,
    },
    stdDev: {
      kind: 'number',
      label: 'Band width (standard deviations)',
      help: 'How many (population) standard deviations the bands sit from the middle. Wider bands mean fewer, deeper entries.',
      default: 2,
      min: 0.5,
      max: 5,
      step: 0.1,
    },
    exitAt: {
      kind: 'choice',
      label: 'Exit at',
      help: 'Sell when a close reaches the middle band (the average; likelier, smaller profit) or the upper band (a full swing).',
      default: 'middle',
      options: [
        { value: 'middle', label: 'Middle band' },
        { value: 'upper', label: 'Upper band' },
      ],
    },
  },
  warmup: ({ period }) => period,
  plots: ({ period, stdDev }) => [
    { key: 'upper', label: `Upper band (${period}, ${stdDev})`, style: 'band' },
    { key: 'middle', label: `Middle band (SMA ${period})` },
    { key: 'lower', label: `Lower band (${period}, ${stdDev})`, style: 'band' },
  ],
  init: ({ period, stdDev }): BollingerState => ({ bands: createBollinger(period, stdDev) }),
  onCandle(state, candle, ctx) {
    const bands = state.bands.next(candle.close);
    ctx.plot('upper', bands?.upper);
    ctx.plot('middle', bands?.middle);
    ctx.plot('lower', bands?.lower);
    if (bands === undefined) return [];
    const isHolding = ctx.position.amount > 0;
    if (!isHolding && candle.close < bands.lower) {
      return [{ kind: 'enter_long', tag: 'bb-below-lower' }];
    }
    if (isHolding) {
      const atUpper = ctx.params.exitAt === 'upper';
      if (candle.close >= (atUpper ? bands.upper : bands.middle)) {
        return [{ kind: 'exit_long', fraction: 1, tag: atUpper ? 'bb-upper' : 'bb-middle' }];
      }
    }
    return [];
  },
});
