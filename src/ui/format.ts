/**
 * Locale-aware formatting of money, prices, amounts, percentages and times. Times are shown in
 * the user's time zone. Prices and amounts take the market's precision when it is known (its
 * price and amount steps, ccxt TICK_SIZE: 0.01 → 2 decimals); without a market, precision
 * follows the currency (quote 2 decimals, BTC 5). Money in quote (equity, PnL, fees) keeps
 * the currency's decimals. Display only: nothing here rounds a number that is stored.
 */
import { stepDecimals } from '../core/market/steps';

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(undefined, options);
    cache.set(key, format);
  }
  return format;
}

/** Decimals shown for an amount of `currency`: 5 for BTC-like assets, 2 for fiat/stablecoins. */
export function currencyDecimals(currency: string | undefined): number {
  if (!currency) return 2;
  return /^(USD|USDT|USDC|EUR|GBP|BUSD|DAI|FDUSD)$/i.test(currency) ? 2 : 5;
}

const DASH = '—';

/** Intl.NumberFormat accepts 0–20 fraction digits everywhere; finer steps are not shown. */
const MAX_DECIMALS = 20;

/**
 * Decimals shown for a market step (0.01 → 2, 0.00001 → 5, 5 → 0); undefined without a valid
 * step, so callers fall back to their default.
 */
export function stepToDecimals(step: number | undefined): number | undefined {
  if (step === undefined || !Number.isFinite(step) || step <= 0) return undefined;
  return Math.min(MAX_DECIMALS, stepDecimals(step));
}

function isFiniteNumber(value: number | undefined | null): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A plain number with fixed decimals, e.g. 1,234.57. */
export function formatNumber(value: number | undefined | null, decimals = 2): string {
  if (!isFiniteNumber(value)) return DASH;
  return numberFormat({ minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(
    value,
  );
}

/** A price in quote currency: as many decimals as the market's price step, else 2. */
export function formatPrice(value: number | undefined | null, priceStep?: number): string {
  return formatNumber(value, stepToDecimals(priceStep) ?? 2);
}

/**
 * An amount of `currency` followed by the currency code, with as many decimals as the market's
 * amount step when given, else the currency's precision.
 */
export function formatAmount(
  value: number | undefined | null,
  currency?: string,
  amountStep?: number,
): string {
  const text = formatNumber(value, stepToDecimals(amountStep) ?? currencyDecimals(currency));
  return currency && text !== DASH ? `${text} ${currency}` : text;
}

/** A money amount with an explicit sign, e.g. "+12.30 USDT" / "−4.00 USDT". */
export function formatSignedAmount(value: number | undefined | null, currency?: string): string {
  if (!isFiniteNumber(value)) return DASH;
  const decimals = currencyDecimals(currency);
  const text = numberFormat({
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    signDisplay: 'exceptZero',
  }).format(value);
  return currency ? `${text} ${currency}` : text;
}

/** A ratio as a signed percentage: 0.0123 → "+1.23%". */
export function formatPercent(ratio: number | undefined | null): string {
  if (!isFiniteNumber(ratio)) return DASH;
  return numberFormat({
    style: 'percent',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    signDisplay: 'exceptZero',
  }).format(ratio);
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** A UTC-ms timestamp as date and time in the user's time zone. */
export function formatDateTime(time: number | undefined | null): string {
  return isFiniteNumber(time) ? dateTime.format(time) : DASH;
}

/** A UTC-ms timestamp as a date in the user's time zone, e.g. "Mar 14, 2023". */
export function formatDate(time: number | undefined | null): string {
  return isFiniteNumber(time) ? dateOnly.format(time) : DASH;
}

/** The user's time zone, e.g. "Europe/Berlin" (what every time on the page is shown in). */
export function userTimeZone(): string {
  return dateOnly.resolvedOptions().timeZone;
}

/** A UTC-ms timestamp as time of day in the user's time zone. */
export function formatTime(time: number | undefined | null): string {
  return isFiniteNumber(time) ? timeOnly.format(time) : DASH;
}

/** An ISO string for <time datetime="…">. */
export function isoTime(time: number | undefined | null): string | undefined {
  return isFiniteNumber(time) ? new Date(time).toISOString() : undefined;
}

/** "positive" | "negative" | "flat", for colouring PnL (always alongside the signed text). */
export function trend(value: number | undefined | null): 'positive' | 'negative' | 'flat' {
  if (!isFiniteNumber(value) || value === 0) return 'flat';
  return value > 0 ? 'positive' : 'negative';
}
