/**
 * Per-bot pre-trade limits beyond cash (the cash and holdings gate is preTrade.ts):
 *
 * - max position, absolute (quote) and as a % of the bot's allocation: the held position valued
 *   at the order's price plus what open buys will add (at their limit prices) must stay within
 *   the smaller limit; a larger buy is resized down to fit, or rejected when nothing (or less
 *   than the market minimum) fits;
 * - max open orders: no new buy and no new limit order once that many are open;
 * - max trades per day: no buy that opens a new trade (from flat) once that many trades were
 *   opened in the current UTC day; adding to an open position is part of the same trade;
 * - cooldown after a loss: no buy until the cooldown after the last losing trade has passed.
 *
 * The limits restrict what adds risk. A market sell (an exit) is never blocked, and protective
 * exits (protectiveExits.ts) do not go through these checks at all. Pure: every fact is passed in.
 */
import type { OrderRecord } from '../orders/journal';
import type { OrderSide, OrderType } from '../orders/types';
import type { Ledger } from '../portfolio/types';
import type { TimestampMs } from '../time';
import type { RiskConfig } from './riskConfig';
import type { TradeRecord } from './tradeLog';
import { formatNumber } from './validation';

export type LimitRule =
  'max_position' | 'max_open_orders' | 'max_trades_per_day' | 'cooldown_after_loss';

export interface LimitRejection {
  rule: LimitRule;
  reason: string;
}

/** May go (possibly resized down to `amount`), or may not, with the rule and the reason. */
export type LimitVerdict =
  | { ok: true; amount: number; resized?: { rule: 'max_position'; from: number; reason: string } }
  | ({ ok: false } & LimitRejection);

/** The order being checked. `price` is its limit price, or the reference price of a market order. */
export interface OrderProposal {
  side: OrderSide;
  type: OrderType;
  /** Base currency. */
  amount: number;
  price: number;
}

/** What the limits need to know about the bot. */
export interface LimitFacts {
  ledger: Ledger;
  /** The bot's capital allocation, in quote. */
  allocation: number;
  openOrders: readonly OrderRecord[];
  /** The bot's trade log (tradeLog.ts), oldest first. */
  trades: readonly TradeRecord[];
  nowMs: TimestampMs;
  /** A resized buy smaller than this (base; the market's minimum amount) is rejected. */
  minAmount?: number;
  /** A position of at most this (base; the market's amount step) counts as flat. */
  dust?: number;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Relative slack when an order fits its limit exactly, up to float noise. */
const EPSILON = 1e-9;

/** Start of the UTC day containing `time`. */
export function utcDayStart(time: TimestampMs): TimestampMs {
  return Math.floor(time / DAY_MS) * DAY_MS;
}

const money = (value: number, quote: string) => `${value.toFixed(2)} ${quote}`;

/** The position limit in quote, and which setting sets it; undefined when neither is set. */
export function positionLimit(
  config: Pick<RiskConfig, 'maxPositionQuote' | 'maxPositionPercentOfAllocation'>,
  allocation: number,
  quote: string,
): { limit: number; source: string } | undefined {
  const { maxPositionQuote: absolute, maxPositionPercentOfAllocation: percent } = config;
  const relative = percent === undefined ? undefined : (allocation * percent) / 100;
  if (absolute === undefined && relative === undefined) return undefined;
  if (relative === undefined || (absolute !== undefined && absolute <= relative)) {
    return {
      limit: absolute as number,
      source: `max position ${money(absolute as number, quote)}`,
    };
  }
  return {
    limit: relative,
    source: `${formatNumber(percent as number)}% of the ${money(allocation, quote)} allocation`,
  };
}

/** Quote value of the position plus what open buy orders will add at their prices. */
export function committedPositionValue(
  ledger: Pick<Ledger, 'position'>,
  openOrders: readonly OrderRecord[],
  price: number,
): number {
  const pending = openOrders
    .filter((order) => order.side === 'buy')
    .reduce(
      (sum, order) => sum + Math.max(0, order.amount - order.filled) * (order.price ?? price),
      0,
    );
  return ledger.position * price + pending;
}

/**
 * Keeps a buy within the max position: allowed as is, resized down to the room left, or
 * rejected when no room (or less than `minAmount`) is left. Sells pass unchanged.
 */
export function checkMaxPosition(
  config: RiskConfig,
  facts: LimitFacts,
  order: OrderProposal,
): LimitVerdict {
  const limit = positionLimit(config, facts.allocation, facts.ledger.quote);
  if (order.side === 'sell' || !limit) return { ok: true, amount: order.amount };
  const { quote, base } = facts.ledger;
  const committed = committedPositionValue(facts.ledger, facts.openOrders, order.price);
  const room = limit.limit - committed;
  const value = order.amount * order.price;
  if (value <= room + EPSILON * Math.max(1, limit.limit)) return { ok: true, amount: order.amount };
  const held = `${money(committed, quote)} is already held or on order`;
  if (room <= EPSILON * Math.max(1, limit.limit)) {
    return {
      ok: false,
      rule: 'max_position',
      reason: `Max position reached: ${held}; the limit is ${money(limit.limit, quote)} (${limit.source}).`,
    };
  }
  const amount = room / order.price;
  if (facts.minAmount !== undefined && amount < facts.minAmount) {
    return {
      ok: false,
      rule: 'max_position',
      reason: `Max position nearly reached: ${held}; the ${money(room, quote)} left under the limit of ${money(limit.limit, quote)} (${limit.source}) is below the market minimum of ${formatNumber(facts.minAmount)} ${base}.`,
    };
  }
  return {
    ok: true,
    amount,
    resized: {
      rule: 'max_position',
      from: order.amount,
      reason: `Buy reduced from ${formatNumber(order.amount)} to ${formatNumber(amount)} ${base} to stay within the max position of ${money(limit.limit, quote)} (${limit.source}); ${held}.`,
    },
  };
}

/** No new buy and no new limit order once `maxOpenOrders` orders are open. */
export function checkMaxOpenOrders(
  config: Pick<RiskConfig, 'maxOpenOrders'>,
  openOrderCount: number,
  order: Pick<OrderProposal, 'side' | 'type'>,
): LimitRejection | undefined {
  const max = config.maxOpenOrders;
  if (max === undefined || (order.side === 'sell' && order.type === 'market')) return undefined;
  if (openOrderCount < max) return undefined;
  return {
    rule: 'max_open_orders',
    reason: `Max open orders reached: ${openOrderCount} of ${max} are open.`,
  };
}

/** Trades opened in the UTC day containing `nowMs`. */
export function tradesOpenedToday(trades: readonly TradeRecord[], nowMs: TimestampMs): number {
  const start = utcDayStart(nowMs);
  return trades.filter((trade) => trade.openedAt >= start && trade.openedAt <= nowMs).length;
}

/** No buy from flat once `maxTradesPerDay` trades were opened today (UTC). */
export function checkMaxTradesPerDay(
  config: Pick<RiskConfig, 'maxTradesPerDay'>,
  trades: readonly TradeRecord[],
  nowMs: TimestampMs,
  opensNewTrade: boolean,
): LimitRejection | undefined {
  const max = config.maxTradesPerDay;
  if (max === undefined || !opensNewTrade) return undefined;
  const count = tradesOpenedToday(trades, nowMs);
  if (count < max) return undefined;
  const reopens = new Date(utcDayStart(nowMs) + DAY_MS).toISOString().slice(0, 16);
  return {
    rule: 'max_trades_per_day',
    reason: `Max trades per day reached: ${count} of ${max} opened today (UTC); new trades resume at ${reopens.replace('T', ' ')} UTC.`,
  };
}

/** The time until which new buys wait after the last losing trade, or undefined. */
export function cooldownUntil(
  config: Pick<RiskConfig, 'cooldownMinutesAfterLoss'>,
  trades: readonly TradeRecord[],
): TimestampMs | undefined {
  const minutes = config.cooldownMinutesAfterLoss;
  if (!minutes) return undefined;
  let lastLoss: TimestampMs | undefined;
  for (const trade of trades) {
    if (trade.closedAt !== undefined && trade.pnl < 0) {
      lastLoss = Math.max(lastLoss ?? -Infinity, trade.closedAt);
    }
  }
  return lastLoss === undefined ? undefined : lastLoss + minutes * MINUTE_MS;
}

/** No buy during the cooldown after a losing trade. */
export function checkCooldownAfterLoss(
  config: Pick<RiskConfig, 'cooldownMinutesAfterLoss'>,
  trades: readonly TradeRecord[],
  nowMs: TimestampMs,
): LimitRejection | undefined {
  const until = cooldownUntil(config, trades);
  if (until === undefined || nowMs >= until) return undefined;
  const left = Math.ceil((until - nowMs) / MINUTE_MS);
  const at = new Date(until).toISOString().slice(0, 16).replace('T', ' ');
  return {
    rule: 'cooldown_after_loss',
    reason: `Cooling down after a losing trade: no new buys until ${at} UTC (${left} min left).`,
  };
}

/**
 * Every limit, in order: open orders, cooldown, trades per day, then the max position (which
 * may resize a buy). Returns the first rejection, or the amount the order may go with.
 *
 * @example
 * const verdict = checkLimits(config, facts, { side: 'buy', type: 'market', amount: 0.5, price: 23_000 });
 * if (!verdict.ok) emit('risk_rejected', verdict.reason);
 * else if (verdict.resized) emit('risk_resized', verdict.resized.reason);
 */
export function checkLimits(
  config: RiskConfig,
  facts: LimitFacts,
  order: OrderProposal,
): LimitVerdict {
  const opensNewTrade = order.side === 'buy' && facts.ledger.position <= (facts.dust ?? 0);
  const rejection =
    checkMaxOpenOrders(config, facts.openOrders.length, order) ??
    (order.side === 'buy'
      ? (checkCooldownAfterLoss(config, facts.trades, facts.nowMs) ??
        checkMaxTradesPerDay(config, facts.trades, facts.nowMs, opensNewTrade))
      : undefined);
  if (rejection) return { ok: false, ...rejection };
  return checkMaxPosition(config, facts, order);
}
