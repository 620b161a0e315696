/**
 * JSON candles as an array of objects: `[{ "time": …, "open": …, "high": …, "low": …,
 * "close": …, "volume": … }, …]`. Key names are case-insensitive and the time key may be
 * time, date, datetime, timestamp or open_time; values are numbers or numeric strings; times
 * are epoch seconds/ms or ISO dates. Issues name the array index (0-based).
 */
import { createCandleBuilder } from './candleBuilder';
import type { ImportOptions, ImportResult } from './types';

const TIME_KEYS = ['time', 'date', 'datetime', 'timestamp', 'open_time', 'opentime'];
const PROGRESS_EVERY = 50_000;

function lowerKeys(value: Record<string, unknown>): Map<string, unknown> {
  const map = new Map<string, unknown>();
  for (const [key, field] of Object.entries(value)) map.set(key.toLowerCase(), field);
  return map;
}

/** Parses an already decoded JSON array of candle objects. */
export function parseJsonObjectCandles(
  rows: readonly unknown[],
  options: ImportOptions = {},
): ImportResult {
  const builder = createCandleBuilder('json-objects', 'index', options);
  rows.forEach((row, index) => {
    if (index % PROGRESS_EVERY === 0) options.onProgress?.(index / rows.length);
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      builder.fail(index, 'row', 'is not an object like {"time": …, "open": …}');
      return;
    }
    const fields = lowerKeys(row as Record<string, unknown>);
    const timeKey = TIME_KEYS.find((key) => fields.has(key));
    if (timeKey === undefined) {
      builder.fail(index, 'time', 'has no time key (time, date, timestamp or open_time)');
      return;
    }
    builder.add(
      index,
      fields.get(timeKey),
      fields.get('open'),
      fields.get('high'),
      fields.get('low'),
      fields.get('close'),
      fields.get('volume'),
    );
  });
  options.onProgress?.(1);
  return builder.finish();
}
