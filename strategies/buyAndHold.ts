/**
 * Buy and hold — the benchmark every other template should be compared against.
 *
 * What it does: on the first candle it may trade on, it buys with all of the bot's free cash at
 * market (tag `buy-and-hold`), then never trades again. Its equity curve is the market's, less
 * one taker fee and the small cash headroom the engine keeps on market buys (about 1%, for
 * the gap between the decision's close and the next open), which stays uninvested. After a
 * restart it does not buy again if it already holds a position.
 *
 * When it works: rising markets — over long horizons it beats most active strategies after
 * fees. When it fails: falling markets; it has no exit and no stop, and takes the whole
 * drawdown. Run it beside an active bot over the same period and allocation: a strategy that
 * does not beat buy-and-hold after fees is only adding risk and work.
 *
 * Parameters: none. Warm-up is 0: it decides on its first candle.
 */
import { defineStrategy } from '../src/core/strategy';

interface BuyAndHoldState {
  /** True once it bought (or found itself already holding). */
  isDone: boolean;
}

export default defineStrategy({
  id: 'buy-and-hold',
  name: 'Buy and hold',
  description:
    'Buys with all its cash on the first candle and holds. A benchmark: compare other bots with it over the same period.',
  category: 'benchmark',
  timeframe: '1m',
  params: {},
  warmup: () => 0,
  init: (): BuyAndHoldState => ({ isDone: false }),
  onCandle(state, _candle, ctx) {
    if (ctx.isWarmup || state.isDone) return [];
    state.isDone = true;
    if (ctx.position.amount > 0 || ctx.openOrders.length > 0) return [];
    return [{ kind: 'enter_long', tag: 'buy-and-hold' }];
  },
});
