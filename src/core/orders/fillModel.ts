/**
 * The fill model shared by the simulated exchange and backtests: what price a market order gets
 * and whether and where a limit order fills within a candle. Limits are walked along the
 * intrabar path (see market/intrabarPath.ts), so when several levels are inside one candle, the
 * path order decides which fills first. Pure; no rounding (round only at the exchange port).
 */
import { firstTouch, intrabarPath } from '../market/intrabarPath';
import type { IntrabarPath, PathTouch } from '../market/intrabarPath';
import type { Candle } from '../market/candle';
import type { OrderSide } from './types';

/** One basis point is 0.01%. */
const BPS = 10_000;

/**
 * The price a market order gets at `referencePrice` (usually the next candle's open): a buy pays
 * `slippageBps` more, a sell receives that much less.
 *
 * @example marketFillPrice(20_000, 'buy', 5) // 20_010
 */
export function marketFillPrice(
  referencePrice: number,
  side: OrderSide,
  slippageBps: number,
): number {
  const slippage = slippageBps / BPS;
  return side === 'buy' ? referencePrice * (1 + slippage) : referencePrice * (1 - slippage);
}

/**
 * Where a resting limit order fills along `path`: a buy when the path trades at or below its
 * price, a sell at or above. It fills at its own price, or at the open when the path opens
 * through it (a gap, which favours the order). Undefined when the path never reaches it.
 * `fromPoint` starts the walk later in the path, for an order placed while the candle formed.
 */
export function limitFillOnPath(
  order: { side: OrderSide; price: number },
  path: IntrabarPath,
  fromPoint = 0,
): PathTouch | undefined {
  const crossing = order.side === 'buy' ? 'at_or_below' : 'at_or_above';
  return firstTouch(path, order.price, crossing, fromPoint);
}

/**
 * The price a resting limit order fills at within `candle`, or undefined if it does not fill.
 *
 * @example limitFillPrice({ side: 'buy', price: 99 }, { open: 100, high: 101, low: 98, close: 100, ... }) // 99
 * @example limitFillPrice({ side: 'buy', price: 99 }, { open: 97, high: 98, low: 96, close: 97, ... }) // 97 (gap)
 */
export function limitFillPrice(
  order: { side: OrderSide; price: number },
  candle: Pick<Candle, 'open' | 'high' | 'low' | 'close'>,
): number | undefined {
  return limitFillOnPath(order, intrabarPath(candle))?.price;
}
