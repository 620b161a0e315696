/**
 * Spot grid — buys dips and sells bounces on a fixed ladder of price levels.
 *
 * What it does: divides [lower, upper] into `levels` price levels, level 0 at `lower` and level
 * levels − 1 at `upper`, spaced evenly (arithmetic: the same price gap between neighbours) or
 * by the same ratio (geometric: the same percentage gap). On the first candle it trades on
 * whose close is inside [lower, upper], it places a limit buy of `orderQuote` worth of base at
 * every level strictly below that close (tags `grid-buy-<i>`); being spot, it starts without
 * base, so nothing is offered for sale yet. Then it re-arms on every fill:
 * - a buy at level i fills → a limit sell of the amount bought at level i + 1
 *   (tag `grid-sell-<i+1>`);
 * - a sell at level j fills → a limit buy of the amount sold at level j − 1
 *   (tag `grid-buy-<j-1>`), the same base amount that was bought there.
 * So each pair of neighbouring levels trades the same amount back and forth, earning the gap
 * between them (minus fees) per round trip. There is never more than one open order on a
 * level: a re-arm whose level is still taken (possible when one candle sweeps through several
 * levels) waits and is placed as soon as that level's order fills or goes away. A partial fill
 * re-arms its part; a second part for a level that already has an order on the same side
 * enlarges that order. While closes are outside [lower, upper] before the grid has started,
 * nothing is placed; once started, fills keep re-arming inside the range (they are the other
 * half of trades that happened inside it), and nothing is ever placed outside it.
 * If the bot lacks the cash for the whole ladder, it funds the levels nearest the price first
 * and logs the ones it skipped. After a restart it keeps the orders it has (and whatever it
 * holds) instead of laying a second ladder.
 *
 * When it works: ranging, choppy markets that oscillate inside the range — every swing across a
 * level pair is a small profit. When it fails: trends. In a fall below `lower` it ends up holding
 * base bought all the way down (a loss in quote); in a rise above `upper` it has sold
 * everything early and holds only cash (it misses the rally). Level gaps narrower than about
 * twice the fee rate lose money on every round trip.
 *
 * Parameters: `lower` / `upper` bounds of the grid (lower must be below upper); `levels`
 * (2–100) price levels including both bounds; `spacing` arithmetic or geometric; `orderQuote`
 * quote spent per buy level. Warm-up is 0: it needs no history.
 */
import {
  defineStrategy,
  type OpenOrderView,
  type StrategyContext,
  type StrategyResult,
} from '../src/core/strategy';

type OrderIntent = Exclude<StrategyResult, void>[number];

/** Cash headroom per buy for exchange fees when checking what the bot can afford. */
const FEE_HEADROOM = 0.005;
const TAG = /^grid-(buy|sell)-(\d+)$/;

type Side = 'buy' | 'sell';

interface Rearm {
  level: number;
  side: Side;
  amount: number;
}

interface GridState {
  /** Level prices, lowest first. */
  prices: number[];
  /** True once the ladder was laid (or adopted after a restart). */
  isStarted: boolean;
  /** Re-arms waiting for their level to become free, oldest first. */
  waiting: Rearm[];
}

/** The grid's level prices from `lower` to `upper` inclusive. */
function gridLevels(
  lower: number,
  upper: number,
  levels: number,
  spacing: 'arithmetic' | 'geometric',
): number[] {
  return Array.from({ length: levels }, (_, i) => {
    if (i === 0) return lower;
    if (i === levels - 1) return upper;
    return spacing === 'geometric'
      ? lower * (upper / lower) ** (i / (levels - 1))
      : lower + ((upper - lower) * i) / (levels - 1);
  });
}

function parseTag(tag: string | undefined): { side: Side; level: number } | undefined {
  const match = tag === undefined ? null : TAG.exec(tag);
  if (!match) return undefined;
  return { side: match[1] as Side, level: Number(match[2]) };
}

/** The open grid order on each level. */
function openByLevel(openOrders: readonly OpenOrderView[]): Map<number, OpenOrderView> {
  const byLevel = new Map<number, OpenOrderView>();
  for (const order of openOrders) {
    const parsed = parseTag(order.tag);
    if (parsed) byLevel.set(parsed.level, order);
  }
  return byLevel;
}

function placeOrder(state: GridState, { level, side, amount }: Rearm): OrderIntent {
  return {
    kind: 'place_limit',
    side,
    price: state.prices[level] as number,
    amount,
    tag: `grid-${side}-${level}`,
  };
}

/**
 * Places the waiting re-arms whose level is free (one order per level), and enlarges an open
 * order of the same side on its level (a further part of a partial fill). Sells never exceed
 * what the bot holds and has not already offered.
 */
function flushWaiting(state: GridState, ctx: StrategyContext): OrderIntent[] {
  // Nothing waits on most candles: skip sorting the open orders by level.
  if (state.waiting.length === 0) return [];
  const byLevel = openByLevel(ctx.openOrders);
  let unsold =
    ctx.position.amount -
    ctx.openOrders
      .filter((order) => order.side === 'sell')
      .reduce((sum, order) => sum + (order.amount - order.filled), 0);
  const intents: OrderIntent[] = [];
  const taken = new Set<number>();
  const stillWaiting: Rearm[] = [];
  for (const rearm of state.waiting) {
    const open = byLevel.get(rearm.level);
    if (taken.has(rearm.level) || (open && open.side !== rearm.side)) {
      stillWaiting.push(rearm);
      continue;
    }
    let amount = rearm.amount;
    if (rearm.side === 'sell') {
      amount = Math.min(amount, unsold);
      unsold -= amount;
      if (!(amount > 0)) {
        ctx.log(`Grid: nothing left to sell at level ${rearm.level}; that re-arm is dropped.`);
        continue;
      }
    }
    taken.add(rearm.level);
    if (open) {
      intents.push({
        kind: 'amend',
        clientOrderId: open.clientOrderId,
        amount: open.amount - open.filled + amount,
      });
    } else {
      intents.push(placeOrder(state, { ...rearm, amount }));
    }
  }
  state.waiting = stillWaiting;
  return intents;
}

/** Buys at every level below `close`, nearest first, as far as the cash goes. */
function layLadder(state: GridState, close: number, orderQuote: number, ctx: StrategyContext) {
  const intents: OrderIntent[] = [];
  const skipped: number[] = [];
  let cash = ctx.cash;
  for (let level = state.prices.length - 1; level >= 0; level--) {
    const price = state.prices[level] as number;
    if (!(price < close)) continue;
    const cost = orderQuote * (1 + FEE_HEADROOM);
    if (cost > cash) {
      skipped.push(level);
      continue;
    }
    cash -= cost;
    intents.push(placeOrder(state, { level, side: 'buy', amount: orderQuote / price }));
  }
  if (skipped.length > 0) {
    ctx.log(
      `Grid: not enough cash for ${skipped.length} buy level(s) (${skipped.join(', ')}); each needs about ${orderQuote} plus fees.`,
    );
  }
  return intents.reverse();
}

export default defineStrategy({
  id: 'spot-grid',
  name: 'Spot grid',
  description:
    'Lays limit buys on a ladder of price levels below the price and sells each filled buy one level higher, then buys back one level lower. Profits from ranging markets; holds losing coins when the price falls below the range.',
  category: 'grid',
  timeframe: '1m',
  params: {
    lower: {
      kind: 'number',
      label: 'Lower price',
      help: 'Bottom of the grid (level 0), in quote currency. Below it the bot only holds what it bought.',
      default: 22_000,
      min: 0.01,
      max: 10_000_000,
    },
    upper: {
      kind: 'number',
      label: 'Upper price',
      help: 'Top of the grid (the last level), in quote currency. Must be above the lower price. Above it the bot holds only cash.',
      default: 25_000,
      min: 0.01,
      max: 10_000_000,
    },
    levels: {
      kind: 'integer',
      label: 'Levels',
      help: 'Number of price levels, both bounds included (so levels − 1 gaps). More levels mean smaller, more frequent profits and more cash tied up in buys.',
      default: 10,
      min: 2,
      max: 100,
      step: 1,
    },
    spacing: {
      kind: 'choice',
      label: 'Spacing',
      help: 'Arithmetic: the same price gap between levels. Geometric: the same percentage gap, better for wide ranges.',
      default: 'arithmetic',
      options: [
        { value: 'arithmetic', label: 'Arithmetic (equal price steps)' },
        { value: 'geometric', label: 'Geometric (equal % steps)' },
      ],
    },
    orderQuote: {
      kind: 'number',
      label: 'Order size per level',
      help: 'Quote currency spent by each buy level; the sell one level up sells the coins it bought. The whole ladder needs up to this × (levels − 1).',
      default: 100,
      min: 10,
      max: 1_000_000,
    },
  },
  validate: ({ lower, upper }) =>
    lower < upper
      ? undefined
      : { field: 'lower', message: `Lower price (${lower}) must be below upper price (${upper})` },
  warmup: () => 0,
  init: ({ lower, upper, levels, spacing }): GridState => ({
    prices: gridLevels(lower, upper, levels, spacing),
    isStarted: false,
    waiting: [],
  }),
  onCandle(state, candle, ctx) {
    if (ctx.isWarmup) return [];
    if (!state.isStarted) {
      const { lower, upper, orderQuote } = ctx.params;
      if (candle.close < lower || candle.close > upper) return [];
      state.isStarted = true;
      if (openByLevel(ctx.openOrders).size > 0 || ctx.position.amount > 0) {
        ctx.log('Grid: keeping the orders and coins this bot already has.');
        return [];
      }
      return layLadder(state, candle.close, orderQuote, ctx);
    }
    return flushWaiting(state, ctx);
  },
  onFill(state, fill, ctx) {
    const parsed = parseTag(fill.tag);
    if (!parsed) return [];
    const last = state.prices.length - 1;
    const level = parsed.side === 'buy' ? parsed.level + 1 : parsed.level - 1;
    if (level < 0 || level > last) return flushWaiting(state, ctx);
    const side: Side = parsed.side === 'buy' ? 'sell' : 'buy';
    const same = state.waiting.find((rearm) => rearm.level === level && rearm.side === side);
    if (same) same.amount += fill.amount;
    else state.waiting.push({ level, side, amount: fill.amount });
    return flushWaiting(state, ctx);
  },
});
