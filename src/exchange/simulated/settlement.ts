/**
 * The book-keeping of a simulated account, shared by the simulated and the paper exchange
 * (through account.ts): what open orders hold, what is free, closing an order and applying one
 * fill to balances, the order and the trade list of an AccountState it mutates. Funds held for
 * open orders are derived from the orders themselves, so nothing drifts when orders close.
 * Fees are charged in the quote currency on both sides: a buy spends cost + fee of quote, a sell
 * receives cost - fee. A partially filled order's hold shrinks with what is left.
 */
import type { Market } from '../../core/market/types';
import type { ExchangeOrder, ExchangeTrade } from '../../core/orders/types';
import { roundToStep } from './markets';
import type { PlannedFill } from './matching';
import { freezeRecord, type KeptHistory } from './state';
import type { AccountState, OpenOrderState } from './state';

export interface Settlement {
  /** Held for open orders in `currency`. */
  used(currency: string): number;
  /** Total minus held. */
  free(currency: string): number;
  /** Moves an open order (its status already final) to the closed orders. */
  close(open: OpenOrderState): void;
  /** Applies `amount` (base) of `fill` at market `time`; the order closes when nothing is left. */
  applyFill(fill: PlannedFill, time: number, amount: number): ExchangeTrade | undefined;
}

/**
 * Trims `list` to its newest `max` entries. Past the cap every fill adds one, so one `shift`
 * drops one: V8 can do that by moving the array's start instead of copying its entries.
 */
function dropOldest(list: unknown[], max: number): void {
  if (list.length === max + 1) list.shift();
  else if (list.length > max) list.splice(0, list.length - max);
}

/** `idPrefix` names the trades: `<prefix>-t-<n>`; `kept` bounds the closed orders and trades. */
export function createSettlement(
  state: AccountState,
  markets: Readonly<Record<string, Market>>,
  idPrefix: string,
  kept: KeptHistory,
): Settlement {
  const heldCurrency = (order: ExchangeOrder): string => {
    const market = markets[order.symbol] as Market;
    return order.side === 'buy' ? market.quote : market.base;
  };
  const used = (currency: string): number =>
    state.openOrders.reduce(
      (sum, open) => (heldCurrency(open.order) === currency ? sum + open.reserved : sum),
      0,
    );
  const free = (currency: string): number => (state.balances[currency] ?? 0) - used(currency);
  const addTotal = (currency: string, delta: number): void => {
    state.balances[currency] = (state.balances[currency] ?? 0) + delta;
  };

  const close = (open: OpenOrderState): void => {
    state.openOrders = state.openOrders.filter((candidate) => candidate !== open);
    state.closedOrders.push(freezeRecord(open.order));
    dropOldest(state.closedOrders, kept.closedOrders);
  };

  const recordTrade = (trade: ExchangeTrade): void => {
    state.trades.push(freezeRecord(trade));
    dropOldest(state.trades, kept.trades);
  };

  const applyFill = (
    fill: PlannedFill,
    time: number,
    amount: number,
  ): ExchangeTrade | undefined => {
    const { open } = fill;
    const { order } = open;
    const market = markets[order.symbol] as Market;
    const rate = fill.takerOrMaker === 'taker' ? market.taker : market.maker;
    const cost = fill.price * amount;
    const fee = cost * rate;
    if (order.side === 'buy') {
      // Defensive: holds cover fills (a market buy fills at the price it was held at, ± the
      // slippage its buffer covers), so this cannot happen; never let a balance go negative.
      if (cost + fee > free(market.quote) + open.reserved) {
        order.status = order.filled > 0 ? 'canceled' : 'rejected';
        close(open);
        return undefined;
      }
      addTotal(market.quote, -(cost + fee));
      addTotal(market.base, amount);
    } else {
      addTotal(market.base, -amount);
      addTotal(market.quote, cost - fee);
    }
    const filled = roundToStep(order.filled + amount, market.precision.amount);
    const remaining = roundToStep(order.amount - filled, market.precision.amount);
    const totalFee = (order.fee?.cost ?? 0) + fee;
    const totalCost = order.cost + cost;
    // One fill: its own price exactly (no float noise from cost / filled).
    order.average = order.filled === 0 ? fill.price : totalCost / filled;
    order.status = remaining > 0 ? 'open' : 'closed';
    order.filled = filled;
    order.remaining = remaining;
    order.cost = totalCost;
    order.lastTradeTimestamp = time;
    order.fee = { cost: totalFee, currency: market.quote, rate };
    if (remaining > 0) open.reserved *= remaining / (remaining + amount);
    else close(open);
    const trade: ExchangeTrade = {
      id: `${idPrefix}-t-${state.nextTradeSeq++}`,
      order: order.id,
      clientOrderId: order.clientOrderId,
      timestamp: time,
      symbol: order.symbol,
      side: order.side,
      type: order.type,
      takerOrMaker: fill.takerOrMaker,
      price: fill.price,
      amount,
      cost,
      fee: { cost: fee, currency: market.quote, rate },
    };
    recordTrade(trade);
    return trade;
  };

  return { used, free, close, applyFill };
}
