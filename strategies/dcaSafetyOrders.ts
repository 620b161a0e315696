/**
 * DCA with safety orders — the 3Commas-style averaging bot.
 *
 * What it does, cycle by cycle:
 * 1. When flat with no orders open, it buys `baseOrder` quote at market (tag `dca-base`).
 * 2. When that fills at price P, it lays `safetyOrders` limit buys below P (tags `dca-so-1` …
 *    `dca-so-<n>`). Safety order k sits at a cumulative deviation below P: the first at
 *    `deviation`%, and each further gap is the previous gap × `stepScale`, so with 1% and 1.5
 *    they sit 1%, 2.5%, 4.75%, 8.125%… below P. Safety order k spends `safetyOrder` ×
 *    `volumeScale`^(k−1) quote (100, 150, 225… with the defaults), bought at its own price.
 *    It also places the take-profit: a limit sell of the whole position at the AVERAGE entry
 *    price × (1 + `takeProfit`%) (tag `dca-tp`).
 * 3. Each safety fill lowers the average entry and enlarges the position, so the take-profit is
 *    moved (amended: canceled and re-placed) to the new average × (1 + takeProfit%) for the
 *    whole position.
 * 4. When the take-profit has sold everything, the remaining safety orders are canceled and,
 *    at the close of that candle, the next cycle's base order goes out (filling at the next
 *    candle's open).
 * Orders the bot cannot afford from its free cash (with a small fee margin) are skipped and
 * logged — a base order waits for cash; a safety order is left out of the cycle. On every
 * candle it also repairs its own orders: a missing or stale take-profit is placed again (a
 * take-profit refused three times in a row for the same position is logged and not asked for
 * again until the position changes, rather than every candle), and safety orders left over
 * while flat are canceled. After a restart it keeps its open orders and position and carries
 * on from them.
 *
 * When it works: markets that dip and recover — each safety order buys the dip cheaper and the
 * take-profit, near the lowered average, is hit on a modest bounce. When it fails: sustained
 * declines beyond the last safety order, where the position is large and underwater with no
 * stop (the capital is locked until the price comes back); and strong rallies, where it takes
 * small profits and re-enters higher. Total capital at risk is the base order plus the sum of
 * all safety orders, which grows fast with `volumeScale` — check it against the allocation.
 *
 * Parameters: `baseOrder` (10–1,000,000 quote, default 100); `safetyOrder` (10–1,000,000
 * quote of the first safety order, default 100); `safetyOrders` (0–50, default 5);
 * `deviation` (0.1–50% below the base fill for the first safety order, steps of 0.05%,
 * default 1); `stepScale` (0.5–5, default 1.5); `volumeScale` (0.5–5, default 1.5);
 * `takeProfit` (0.1–100% above the average entry, default 1.5; the average excludes fees, so
 * keep it above the round-trip fees). validate(): the deepest safety order must sit less than
 * 100% below the base price.
 * Warm-up is 0: no history is needed.
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
const SAFETY_TAG = /^dca-so-(\d+)$/;

interface SafetyParams {
  safetyOrder: number;
  safetyOrders: number;
  deviation: number;
  stepScale: number;
  volumeScale: number;
}

/** Attempts at placing the same take-profit that vanish unfilled (refused) before giving up. */
const MAX_TP_ATTEMPTS = 3;

interface DcaState {
  /** The base fill price of the running cycle, once the safety orders were laid. */
  basePrice?: number;
  /** The take-profit last asked for, and how many times in a row it vanished unfilled. */
  takeProfit?: { price: number; amount: number; failures: number };
  /** True while a "cannot afford the base order" line was logged and cash is still short. */
  isWaitingForCash: boolean;
}

/** Cumulative deviations (percent below the base price) of safety orders 1…n. */
function safetyDeviations({ safetyOrders, deviation, stepScale }: SafetyParams): number[] {
  const out: number[] = [];
  let step = deviation;
  let total = 0;
  for (let k = 1; k <= safetyOrders; k++) {
    total += step;
    out.push(total);
    step *= stepScale;
  }
  return out;
}

function safetyOrderIntents(
  basePrice: number,
  params: SafetyParams,
  ctx: StrategyContext,
): OrderIntent[] {
  const intents: OrderIntent[] = [];
  let cash = ctx.cash;
  let quote = params.safetyOrder;
  safetyDeviations(params).forEach((deviation, index) => {
    const k = index + 1;
    const price = basePrice * (1 - deviation / 100);
    const cost = quote * (1 + FEE_HEADROOM);
    if (cost > cash) {
      ctx.log(
        `Safety order ${k} (${quote.toFixed(2)} at ${price.toFixed(2)}) skipped: only ${Math.max(0, cash).toFixed(2)} free.`,
      );
    } else {
      cash -= cost;
      intents.push({
        kind: 'place_limit',
        side: 'buy',
        price,
        amount: quote / price,
        tag: `dca-so-${k}`,
      });
    }
    quote *= params.volumeScale;
  });
  return intents;
}

const isNear = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(a, b);

/**
 * Places or moves the take-profit so it sells the whole position at average × (1 + tp%);
 * nothing when it is already there. A take-profit that vanished without filling (the exchange
 * or the risk gate refused it) is asked for again, at most MAX_TP_ATTEMPTS times for the same
 * position, then logged and left alone until the position changes.
 */
function syncTakeProfit(state: DcaState, ctx: StrategyContext, takeProfit: number): OrderIntent[] {
  const { amount, averageEntry } = ctx.position;
  if (!(amount > 0)) return [];
  const price = averageEntry * (1 + takeProfit / 100);
  const asked = state.takeProfit;
  const current = ctx.openOrders.find((order) => order.tag === 'dca-tp');
  if (current) {
    const isAsked =
      asked !== undefined && isNear(asked.price, price) && isNear(asked.amount, amount);
    // Without our own request to compare with (after a restart): within a tick and the amount.
    const isThere =
      Math.abs((current.price ?? 0) - price) < 0.01 &&
      isNear(current.amount - current.filled, amount);
    if (isAsked || isThere) return [];
    state.takeProfit = { price, amount, failures: 0 };
    return [{ kind: 'amend', clientOrderId: current.clientOrderId, price, amount }];
  }
  const failures = asked !== undefined && isNear(asked.amount, amount) ? asked.failures + 1 : 0;
  state.takeProfit = { price, amount, failures };
  if (failures >= MAX_TP_ATTEMPTS) {
    if (failures === MAX_TP_ATTEMPTS) {
      ctx.log(
        `Take-profit for ${Number(amount.toPrecision(10))} at ${price.toFixed(2)} was refused ${failures} times; not asking again until the position changes.`,
      );
    }
    return [];
  }
  return [{ kind: 'place_limit', side: 'sell', price, amount, tag: 'dca-tp' }];
}

function cancelSafetyOrders(openOrders: readonly OpenOrderView[]): OrderIntent[] {
  return openOrders
    .filter((order) => order.tag !== undefined && SAFETY_TAG.test(order.tag))
    .map((order) => ({ kind: 'cancel', clientOrderId: order.clientOrderId }));
}

export default defineStrategy({
  id: 'dca-safety-orders',
  name: 'DCA with safety orders',
  description:
    'Buys a base order, lays scaled limit buys (safety orders) at growing distances below it and sells everything at a take-profit above the average entry, then starts over. Profits from dips that recover; gets stuck in long declines.',
  category: 'dca',
  timeframe: '1m',
  params: {
    baseOrder: {
      kind: 'number',
      label: 'Base order',
      help: 'Quote currency bought at market to open each cycle.',
      default: 100,
      min: 10,
      max: 1_000_000,
    },
    safetyOrder: {
      kind: 'number',
      label: 'First safety order',
      help: 'Quote currency of the first safety order; each next one is the previous × the volume scale.',
      default: 100,
      min: 10,
      max: 1_000_000,
    },
    safetyOrders: {
      kind: 'integer',
      label: 'Safety orders',
      help: 'How many limit buys to lay below the base fill price (0 = none: base order and take-profit only).',
      default: 5,
      min: 0,
      max: 50,
      step: 1,
    },
    deviation: {
      kind: 'percent',
      label: 'First deviation',
      help: 'How far below the base fill price the first safety order sits.',
      default: 1,
      min: 0.1,
      max: 50,
      step: 0.05,
    },
    stepScale: {
      kind: 'number',
      label: 'Step scale',
      help: 'Each further gap between safety orders is the previous gap × this (1 = evenly spaced; 1.5 with 1%: 1%, 2.5%, 4.75%… below the base).',
      default: 1.5,
      min: 0.5,
      max: 5,
      step: 0.01,
    },
    volumeScale: {
      kind: 'number',
      label: 'Volume scale',
      help: 'Each safety order spends the previous one × this (1 = all equal; 1.5: 100, 150, 225…). Larger averages down faster but needs much more capital.',
      default: 1.5,
      min: 0.5,
      max: 5,
      step: 0.01,
    },
    takeProfit: {
      kind: 'percent',
      label: 'Take profit',
      help: 'The whole position is offered at the average entry price plus this; moved after every safety fill. Fees are not included in the average.',
      default: 1.5,
      min: 0.1,
      max: 100,
      step: 0.05,
    },
  },
  validate: (params) => {
    const deepest = safetyDeviations(params).at(-1) ?? 0;
    return deepest < 100
      ? undefined
      : {
          field: 'safetyOrders',
          message: `The last safety order would sit ${Number(deepest.toFixed(2))}% below the base price; it must be less than 100%. Use fewer safety orders, a smaller first deviation or a smaller step scale.`,
        };
  },
  warmup: () => 0,
  init: (): DcaState => ({ isWaitingForCash: false }),
  onCandle(state, _candle, ctx) {
    if (ctx.isWarmup) return [];
    const { baseOrder, takeProfit } = ctx.params;
    if (ctx.openOrders.some((order) => order.tag === 'dca-base')) return [];
    if (ctx.position.amount > 0) return syncTakeProfit(state, ctx, takeProfit);

    // Flat: the cycle is over (or never began). Clear leftovers, then open the next one.
    state.basePrice = undefined;
    state.takeProfit = undefined;
    const leftovers: OrderIntent[] = [
      ...cancelSafetyOrders(ctx.openOrders),
      ...ctx.openOrders
        .filter((order) => order.tag === 'dca-tp')
        .map((order): OrderIntent => ({ kind: 'cancel', clientOrderId: order.clientOrderId })),
    ];
    const reserved = ctx.openOrders
      .filter((order) => order.side === 'buy')
      .reduce((sum, order) => sum + (order.amount - order.filled) * (order.price ?? 0), 0);
    const free = ctx.cash + reserved; // what the cancels above release
    if (baseOrder * (1 + FEE_HEADROOM) > free) {
      if (!state.isWaitingForCash) {
        ctx.log(`Base order of ${baseOrder} waits: only ${free.toFixed(2)} free.`);
        state.isWaitingForCash = true;
      }
      return leftovers;
    }
    state.isWaitingForCash = false;
    return [...leftovers, { kind: 'enter_long', quote: baseOrder, tag: 'dca-base' }];
  },
  onFill(state, fill, ctx) {
    const { takeProfit } = ctx.params;
    if (fill.tag === 'dca-base') {
      const intents: OrderIntent[] = [];
      if (state.basePrice === undefined) {
        state.basePrice = fill.price;
        intents.push(...safetyOrderIntents(fill.price, ctx.params, ctx));
      }
      // Wait for the rest of a partly filled base order before offering the position.
      if (ctx.openOrders.some((order) => order.tag === 'dca-base')) return intents;
      return [...intents, ...syncTakeProfit(state, ctx, takeProfit)];
    }
    if (fill.tag !== undefined && SAFETY_TAG.test(fill.tag)) {
      return syncTakeProfit(state, ctx, takeProfit);
    }
    if (fill.tag === 'dca-tp') {
      if (ctx.position.amount > 0) return syncTakeProfit(state, ctx, takeProfit);
      state.basePrice = undefined;
      state.takeProfit = undefined;
      return cancelSafetyOrders(ctx.openOrders);
    }
    return [];
  },
});
