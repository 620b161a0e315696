/**
 * Matching one played candle against a symbol's open orders, with the shared fill model
 * (core/orders/fillModel.ts). Everything happens in path order (open -> extremes -> close):
 *
 * - An order placed while the candle formed joins it at the path point showing when it was
 *   placed (its entry point; the open for an order placed between candles). A market order
 *   fills there ± slippage as taker — for orders placed between candles, at the candle's open:
 *   the "fill at the next candle's open" rule. A limit already marketable there fills the same
 *   way, capped at its price. So no order ever trades at a price shown before it was placed.
 * - Other limits rest and fill as makers where the path first reaches them after their entry
 *   (at the open when the candle gaps through them).
 * - A stop-market order (one with a `triggerPrice`) waits until the path trades at or through
 *   its trigger (at or below for a sell) after its entry, then fills there as a market order:
 *   at the trigger, or at the open when the candle gaps through it, ± slippage, as taker.
 * - Fills are ordered by distance along the path; at the same point takers come first, then
 *   placement order.
 * How much of each order fills (the per-candle liquidity cap on maker fills) is decided by the
 * account, which applies the fills in this order. Pure.
 */
import { firstTouch, type IntrabarPath } from '../../core/market/intrabarPath';
import { limitFillOnPath, marketFillPrice } from '../../core/orders/fillModel';
import type { OpenOrderState } from './state';

export interface PlannedFill {
  open: OpenOrderState;
  price: number;
  takerOrMaker: 'taker' | 'maker';
  /** Path point (0 = open .. 3 = close) at which it filled; gives the trade's time. */
  point: number;
}

/** Distance travelled along `path` from the open to `point`. */
function distanceTo(path: IntrabarPath, point: number): number {
  let distance = 0;
  for (let index = 1; index <= point; index++) {
    distance += Math.abs((path[index] as number) - (path[index - 1] as number));
  }
  return distance;
}

/** Where `state`'s order fills along `path`, and how far along it; undefined if it does not. */
function planOrder(
  state: OpenOrderState,
  path: IntrabarPath,
  range: PathRange,
  slippageBps: number,
): { fill: PlannedFill; distance: number } | undefined {
  const { order } = state;
  const entry = state.entryPoint;
  if (order.triggerPrice !== undefined) {
    const crossing = order.side === 'sell' ? 'at_or_below' : 'at_or_above';
    const trigger = firstTouch(path, order.triggerPrice, crossing, entry ?? 0);
    if (!trigger) return undefined;
    const price = marketFillPrice(trigger.price, order.side, slippageBps);
    const fill: PlannedFill = { open: state, price, takerOrMaker: 'taker', point: trigger.point };
    return { fill, distance: trigger.distance };
  }
  if (entry !== undefined) {
    const shown = state.fillPrice ?? (path[entry] as number);
    const slipped = marketFillPrice(shown, order.side, slippageBps);
    const limit = order.price;
    const isMarketable =
      limit === undefined || (order.side === 'buy' ? shown <= limit : shown >= limit);
    if (isMarketable) {
      const capped =
        limit === undefined
          ? slipped
          : order.side === 'buy'
            ? Math.min(limit, slipped)
            : Math.max(limit, slipped);
      const fill: PlannedFill = { open: state, price: capped, takerOrMaker: 'taker', point: entry };
      return { fill, distance: distanceTo(path, entry) };
    }
  }
  const price = order.price as number;
  // A limit the whole path stays away from (most of a grid's, on most candles) rests on.
  if (order.side === 'buy' ? range.low > price : range.high < price) return undefined;
  const touch = limitFillOnPath({ side: order.side, price }, path, entry ?? 0);
  if (!touch) return undefined;
  const fill: PlannedFill = {
    open: state,
    price: touch.price,
    takerOrMaker: 'maker',
    point: touch.point,
  };
  return { fill, distance: touch.distance };
}

/** The lowest and highest price along a path. */
interface PathRange {
  low: number;
  high: number;
}

function pathRange(path: IntrabarPath): PathRange {
  let low = Infinity;
  let high = -Infinity;
  for (const price of path) {
    if (price < low) low = price;
    if (price > high) high = price;
  }
  return { low, high };
}

const takerFirst = (fill: PlannedFill) => (fill.takerOrMaker === 'taker' ? 0 : 1);

/** Plans the fills of `orders` (one symbol, placement order) within a candle walked along `path`. */
export function planCandleFills(
  orders: readonly OpenOrderState[],
  path: IntrabarPath,
  slippageBps: number,
): PlannedFill[] {
  const planned: { fill: PlannedFill; distance: number; rank: number }[] = [];
  const range = pathRange(path);
  for (let rank = 0; rank < orders.length; rank++) {
    const found = planOrder(orders[rank] as OpenOrderState, path, range, slippageBps);
    if (found) planned.push({ fill: found.fill, distance: found.distance, rank });
  }
  if (planned.length === 0) return [];
  planned.sort(
    (a, b) => a.distance - b.distance || takerFirst(a.fill) - takerFirst(b.fill) || a.rank - b.rank,
  );
  return planned.map((entry) => entry.fill);
}
