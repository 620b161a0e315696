/**
 * JSON candles as arrays of arrays, as two tools write them:
 * - Binance klines (REST `/api/v3/klines`, data.binance.vision as JSON): `[openTime, open,
 *   high, low, close, volume, closeTime, quoteVolume, trades, …]`, prices as strings or numbers;
 * - freqtrade's data files (`BTC_USDT-1m.json`): `[[ms, open, high, low, close, volume], …]`.
 * Both put the open time first and OHLCV next; they differ in length. Issues name the index.
 */
import { createCandleBuilder } from './candleBuilder';
import type { ImportFormat, ImportOptions, ImportResult } from './types';

const PROGRESS_EVERY = 50_000;
/** Columns a row of each format has at least. */
export const ROW_LENGTH: Record<'binance-klines' | 'freqtrade-json', number> = {
  'binance-klines': 7,
  'freqtrade-json': 6,
};

function parseArrayRows(
  format: 'binance-klines' | 'freqtrade-json',
  rows: readonly unknown[],
  options: ImportOptions,
): ImportResult {
  const builder = createCandleBuilder(format satisfies ImportFormat, 'index', options);
  const needed = ROW_LENGTH[format];
  rows.forEach((row, index) => {
    if (index % PROGRESS_EVERY === 0) options.onProgress?.(index / rows.length);
    if (!Array.isArray(row)) {
      builder.fail(index, 'row', 'is not an array like [time, open, high, low, close, volume]');
      return;
    }
    if (row.length < needed) {
      builder.fail(index, 'row', `expected ${needed} values, found ${row.length}`);
      return;
    }
    builder.add(index, row[0], row[1], row[2], row[3], row[4], row[5]);
  });
  options.onProgress?.(1);
  return builder.finish();
}

/** Binance kline arrays: `[[1677628800000, "23140.48", "23150.77", …, 1677628859999, …], …]`. */
export function parseBinanceKlines(
  rows: readonly unknown[],
  options: ImportOptions = {},
): ImportResult {
  return parseArrayRows('binance-klines', rows, options);
}

/** freqtrade's JSON: `[[1677628800000, 23140.48, 23150.77, 23128.52, 23142.31, 2.13], …]`. */
export function parseFreqtradeJson(
  rows: readonly unknown[],
  options: ImportOptions = {},
): ImportResult {
  return parseArrayRows('freqtrade-json', rows, options);
}
