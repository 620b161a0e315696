/**
 * The simulated exchange's markets (ccxt unified shape, TICK_SIZE precision) and the precision
 * checks orders are validated with. Steps mirror Binance's BTC spot pairs.
 */
import type { Market } from '../../core/market/types';

/** Smallest amount increment, in base currency. */
export const AMOUNT_STEP = 0.00001;
/** Smallest price increment, in quote currency. */
export const PRICE_STEP = 0.01;
/** Smallest order notional, in quote currency (Binance's usual 5 USDT minimum). */
export const MIN_COST = 5;

export function createMarket(
  symbol: string,
  fees: { maker: number; taker: number },
  amountStep = AMOUNT_STEP,
): Market {
  const [base, quote] = symbol.split('/');
  if (!base || !quote) throw new Error(`Not a spot symbol: ${symbol}`);
  return {
    id: `${base}${quote}`,
    symbol,
    base,
    quote,
    type: 'spot',
    spot: true,
    active: true,
    precision: { amount: amountStep, price: PRICE_STEP },
    limits: { amount: { min: amountStep }, price: { min: PRICE_STEP }, cost: { min: MIN_COST } },
    maker: fees.maker,
    taker: fees.taker,
  };
}

/**
 * Whether `value` is a whole number of `step`s. Tolerates the float noise of decimal steps
 * (0.1 / 0.00001 is 10000.000000000002) but not a real remainder.
 */
export function isAlignedTo(value: number, step: number): boolean {
  const steps = value / step;
  return Math.abs(steps - Math.round(steps)) <= 1e-9 + Math.abs(steps) * 1e-12;
}

/**
 * Rounds to the nearest multiple of a decimal `step` (0.01, 0.00001…), as the double closest to
 * that decimal: dividing by a whole power of ten, not multiplying by the step, avoids 0.07000001.
 */
export function roundToStep(value: number, step: number): number {
  // Whole steps (1, 5, 100) are exact doubles; 1 / step would round to 0 for steps above 2.
  if (step >= 1) return Math.round(value / step) * step;
  return Math.round(value / step) / Math.round(1 / step);
}

/** Rounds a price to the nearest tick (used for rescaled prices of looped samples). */
export function roundToPriceStep(price: number): number {
  return roundToStep(price, PRICE_STEP);
}
