/**
 * The pre-trade risk gate every order passes before the order manager sends it. Here: the bot
 * may only spend its own free cash and sell what it holds (net of what its open orders already
 * reserve), and a paused bot opens nothing new. The full risk engine (stops, limits, circuit
 * breakers) builds on this gate.
 */
import type { OrderRecord } from '../orders/journal';
import type { OrderSide } from '../orders/types';
import type { Ledger } from '../portfolio/types';

export interface GateInput {
  ledger: Ledger;
  openOrders: readonly OrderRecord[];
  side: OrderSide;
  amount: number;
  /** Limit price, or the reference price a market order is sized at. */
  price: number;
  /** Fee rate charged on this order (taker for market orders). */
  feeRate: number;
  /** Extra headroom kept for market buys, as a fraction (slippage and gaps). */
  buffer: number;
  isPaused: boolean;
}

/** Relative tolerance for float comparisons of money. */
const EPSILON = 1e-9;

function remaining(order: OrderRecord): number {
  return Math.max(0, order.amount - order.filled);
}

/** Quote currency reserved by open buy orders. */
export function reservedCash(
  openOrders: readonly OrderRecord[],
  referencePrice: number,
  feeRate: number,
): number {
  let sum = 0;
  // Indexed: asked on every candle, and for…of over the frozen array allocates on Node 20.
  for (let at = 0; at < openOrders.length; at++) {
    const order = openOrders[at] as OrderRecord;
    if (order.side === 'buy')
      sum += remaining(order) * (order.price ?? referencePrice) * (1 + feeRate);
  }
  return sum;
}

/**
 * Base currency reserved by open sell orders. A resting native stop does not count: the order
 * manager cancels it before any other sell goes out.
 */
export function reservedPosition(openOrders: readonly OrderRecord[]): number {
  let sum = 0;
  for (const order of openOrders) {
    if (order.side === 'sell' && order.triggerPrice === undefined) sum += remaining(order);
  }
  return sum;
}

/** Returns undefined when the order may go, else the reason it may not. */
export function checkOrder(input: GateInput): string | undefined {
  const { ledger, side, amount, price } = input;
  if (!(amount > 0) || !Number.isFinite(amount))
    return `Order amount must be positive (got ${amount}).`;
  if (side === 'buy') {
    if (input.isPaused) return 'The bot is paused: it opens no new positions.';
    const cost = amount * price * (1 + input.feeRate) * (1 + input.buffer);
    const free = ledger.cash - reservedCash(input.openOrders, price, input.feeRate);
    if (cost > free * (1 + EPSILON)) {
      return `Not enough of the bot's own cash: the order needs ${cost.toFixed(2)} ${ledger.quote}, ${Math.max(0, free).toFixed(2)} is free.`;
    }
    return undefined;
  }
  const sellable = ledger.position - reservedPosition(input.openOrders);
  if (amount > sellable * (1 + EPSILON) + EPSILON) {
    return `Cannot sell ${amount} ${ledger.base}: the bot holds ${Math.max(0, sellable)} that is not already on sale.`;
  }
  return undefined;
}
