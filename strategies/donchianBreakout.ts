/**
 * Donchian breakout — the Turtle-style channel breakout.
 *
 * What it does: tracks the highest high of the previous `entryPeriod` candles and the lowest
 * low of the previous `exitPeriod` candles (`createDonchian`; the current candle is NOT part of
 * either window, so a candle cannot break its own range). While flat, when a candle closes
 * strictly above that highest high it buys with all of the bot's free cash (tag
 * `donchian-breakout`). While holding, when a candle closes strictly below that lowest low it
 * sells the whole position (tag `donchian-breakdown`). A close equal to the channel edge does
 * nothing.
 *
 * When it works: markets that break out of a range into a sustained trend; the shorter exit
 * channel acts as a trailing stop that lets winners run. When it fails: ranges with false
 * breakouts — price pokes above the channel and falls back, and each such trade loses the
 * distance down to the exit channel plus fees. Many small losses paid for by rare large wins
 * is the expected profile. On 1-minute candles noise triggers most breakouts; prefer 1h–1d.
 *
 * Parameters:
 * - `entryPeriod` (2–500, default 20): candles in the entry channel. Longer waits for more
 *   significant highs: fewer, stronger breakouts, later entries.
 * - `exitPeriod` (1–500, default 10): candles in the exit channel. Shorter exits sooner
 *   (tighter trailing stop); longer gives the trend more room.
 *
 * Warm-up is max(entryPeriod, exitPeriod) + 1 candles: both channels over full previous
 * windows, plus the current candle to compare. The windows are finite, so decisions after a
 * restart match an uninterrupted run exactly.
 */
import { createDonchian, type DonchianIndicator } from '../src/core/indicators';
import { defineStrategy } from '../src/core/strategy';

interface DonchianState {
  entry: DonchianIndicator;
  exit: DonchianIndicator;
  /** Highest high of the `entryPeriod` candles before the current one, once known. */
  entryHigh?: number;
  /** Lowest low of the `exitPeriod` candles before the current one, once known. */
  exitLow?: number;
}

export default defineStrategy({
  id: 'donchian-breakout',
  name: 'Donchian breakout',
  description:
    'Buys when a candle closes above the highest high of the previous N candles and sells when one closes below the lowest low of the previous M. Catches breakouts into trends; loses on false breakouts.',
  category: 'breakout',
  timeframe: '1m',
  params: {
    entryPeriod: {
      kind: 'integer',
      label: 'Entry channel',
      help: 'Buy when a close breaks above the highest high of this many previous candles. Longer means fewer, more significant breakouts.',
      default: 20,
      min: 2,
      max: 500,
      step: 1,
    },
    exitPeriod: {
      kind: 'integer',
      label: 'Exit channel',
      help: 'Sell when a close breaks below the lowest low of this many previous candles. Shorter trails the price more tightly.',
      default: 10,
      min: 1,
      max: 500,
      step: 1,
    },
  },
  warmup: ({ entryPeriod, exitPeriod }) => Math.max(entryPeriod, exitPeriod) + 1,
  // The levels this candle's close is compared with: the channels of the candles before it.
  plots: ({ entryPeriod, exitPeriod }) => [
    { key: 'entryHigh', label: `Entry channel high (${entryPeriod})`, style: 'band' },
    { key: 'exitLow', label: `Exit channel low (${exitPeriod})`, style: 'band' },
  ],
  init: ({ entryPeriod, exitPeriod }): DonchianState => ({
    entry: createDonchian(entryPeriod),
    exit: createDonchian(exitPeriod),
  }),
  onCandle(state, candle, ctx) {
    // The channels as of the previous candle: the windows end just before this one.
    const { entryHigh, exitLow } = state;
    state.entryHigh = state.entry.next(candle)?.upper;
    state.exitLow = state.exit.next(candle)?.lower;
    ctx.plot('entryHigh', entryHigh);
    ctx.plot('exitLow', exitLow);
    if (entryHigh === undefined || exitLow === undefined) return [];
    const isHolding = ctx.position.amount > 0;
    if (!isHolding && candle.close > entryHigh) {
      return [{ kind: 'enter_long', tag: 'donchian-breakout' }];
    }
    if (isHolding && candle.close < exitLow) {
      return [{ kind: 'exit_long', fraction: 1, tag: 'donchian-breakdown' }];
    }
    return [];
  },
});
