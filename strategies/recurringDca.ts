/**
 * Recurring DCA — buys a fixed amount of quote currency on a fixed schedule.
 *
 * What it does: every `interval` candles it buys `quote` worth of base at market (tag
 * `dca-buy`), whatever the price: dollar-cost averaging. The interval counts candles of the
 * bot's timeframe — 60 on 1m candles is hourly, 24 on 1h candles is daily — and the schedule
 * is anchored to UTC time, not to when the bot started: blocks of `interval` candles are
 * counted from 1970-01-01 00:00 UTC, and at the close of the candle that ends a block it
 * decides to buy, so the market order fills at the open of the candle that starts the next
 * block (60 on 1m: the 00:59 candle decides, the buy fills at 01:00 — the top of every hour).
 * So a restart never causes an extra or a missed buy, and if the exchange skipped a candle the
 * buy happens on the next one. The first buy comes at the first boundary after the bot starts.
 * `maxBuys` stops buying after that many buys (0 = never stop); buys are counted since the bot
 * (re)started. With `takeProfit` above 0, whenever a close reaches the average entry price ×
 * (1 + takeProfit%) it sells the whole position at market (tag `dca-take-profit`) and keeps
 * buying on schedule, starting a new round. The average entry excludes fees, so a take-profit
 * below the round-trip fees loses money. If the bot's free cash is below `quote`, the buy is
 * skipped and logged.
 *
 * When it works: long horizons on assets you want to own anyway — it removes timing decisions
 * and buys more units when prices are low. When it fails: long bear markets (it keeps buying
 * all the way down; there is no stop) and short horizons, where it is just a slow, fee-paying
 * way to buy. The take-profit turns it into a crude mean-reversion bot that may sell early in a
 * rally.
 *
 * Parameters: `quote` (10–1,000,000) per buy; `interval` (1–100,000) candles between buys;
 * `maxBuys` (0–100,000, 0 = unlimited); `takeProfit` (0–1,000%, 0 = never sell).
 * Warm-up is 1 candle: the previous candle's time, to tell the candle length and whether a
 * block boundary was crossed since.
 */
import { defineStrategy, type StrategyResult } from '../src/core/strategy';

type OrderIntent = Exclude<StrategyResult, void>[number];

interface DcaState {
  /** Open time of the previous candle. */
  previousTime?: number;
  /** Smallest gap seen between consecutive candles: the candle length. */
  candleMs?: number;
  /** Client order ids of the buys that filled (partial fills of one order count once). */
  filledBuys: Set<string>;
}

export default defineStrategy({
  id: 'recurring-dca',
  name: 'Recurring DCA',
  description:
    'Buys a fixed quote amount every N candles (anchored to UTC: 60 on 1m is the top of every hour), optionally up to a maximum number of buys and with a take-profit on the average entry. Simple accumulation; no protection in a falling market.',
  category: 'dca',
  timeframe: '1m',
  params: {
    quote: {
      kind: 'number',
      label: 'Amount per buy',
      help: 'Quote currency spent on each buy (e.g. 100 USDT). Skipped, with a log line, when the bot has less free cash.',
      default: 100,
      min: 10,
      max: 1_000_000,
    },
    interval: {
      kind: 'integer',
      label: 'Interval (candles)',
      help: "Candles of the bot's timeframe between buys: 60 on 1m is hourly, 24 on 1h is daily. Intervals are counted from 00:00 UTC, so 60 on 1m buys at the top of every hour.",
      default: 60,
      min: 1,
      max: 100_000,
      step: 1,
    },
    maxBuys: {
      kind: 'integer',
      label: 'Maximum buys',
      help: 'Stop buying after this many buys (counted since the bot started); 0 means no limit.',
      default: 0,
      min: 0,
      max: 100_000,
      step: 1,
    },
    takeProfit: {
      kind: 'percent',
      label: 'Take profit',
      help: 'Sell the whole position when the close is this far above the average entry price (fees not included); 0 never sells.',
      default: 0,
      min: 0,
      max: 1_000,
    },
  },
  warmup: () => 1,
  init: (): DcaState => ({ filledBuys: new Set() }),
  onCandle(state, candle, ctx) {
    const previous = state.previousTime;
    state.previousTime = candle.time;
    if (previous === undefined) return [];
    const gap = candle.time - previous;
    if (gap > 0) state.candleMs = Math.min(state.candleMs ?? gap, gap);
    if (ctx.isWarmup || state.candleMs === undefined) return [];
    const { quote, interval, maxBuys, takeProfit } = ctx.params;
    const intents: OrderIntent[] = [];

    const { amount, averageEntry } = ctx.position;
    const isSelling = ctx.openOrders.some((order) => order.side === 'sell');
    if (takeProfit > 0 && amount > 0 && !isSelling) {
      if (candle.close >= averageEntry * (1 + takeProfit / 100)) {
        intents.push({ kind: 'exit_long', fraction: 1, tag: 'dca-take-profit' });
      }
    }

    // Due when this candle's close (time + candle length) reached a new block boundary.
    const block = interval * state.candleMs;
    const close = candle.time + state.candleMs;
    const isDue = Math.floor(close / block) !== Math.floor((previous + state.candleMs) / block);
    if (!isDue) return intents;
    const pending = ctx.openOrders.filter((o) => o.tag === 'dca-buy' && o.filled === 0).length;
    const buys = state.filledBuys.size + pending;
    if (maxBuys > 0 && buys >= maxBuys) return intents;
    if (ctx.cash < quote) {
      ctx.log(`DCA buy skipped: it needs ${quote}, the bot has ${ctx.cash.toFixed(2)} free.`);
      return intents;
    }
    intents.push({ kind: 'enter_long', quote, tag: 'dca-buy' });
    return intents;
  },
  onFill(state, fill) {
    if (fill.tag === 'dca-buy') state.filledBuys.add(fill.clientOrderId);
  },
});
