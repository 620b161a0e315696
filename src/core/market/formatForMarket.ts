/**
 * Human-readable amounts and prices at a market's own precision, for event messages
 * ("Filled buy 0.04167 BTC at 23,550.03"). Display only: never used in accounting.
 */
import { stepDecimals } from './steps';
import type { Market } from './types';

export function formatPrice(market: Market, price: number): string {
  return price.toFixed(stepDecimals(market.precision.price));
}

export function formatAmount(market: Market, amount: number): string {
  return `${amount.toFixed(stepDecimals(market.precision.amount))} ${market.base}`;
}

/** Quote-currency money (fees, PnL) with cent precision for display. */
export function formatQuote(market: Market, value: number): string {
  return `${value.toFixed(Math.max(2, stepDecimals(market.precision.price)))} ${market.quote}`;
}
