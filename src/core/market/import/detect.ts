/**
 * Tells a candle file's format from its content and imports it: JSON text (starting with
 * `[`) is an array of objects, of 6-value arrays (freqtrade) or of longer arrays (Binance
 * klines); anything else is CSV. The one entry point the Data page, its worker and the
 * backtest CLI use.
 */
import { parseBinanceKlines, parseFreqtradeJson, ROW_LENGTH } from './arrayRows';
import { parseCsvCandles } from './csvFormat';
import { parseJsonObjectCandles } from './jsonObjects';
import {
  CandleImportError,
  type ImportFormat,
  type ImportIssue,
  type ImportOptions,
  type ImportResult,
} from './types';

function fileError(message: string): CandleImportError {
  const issue: ImportIssue = { unit: 'line', at: 1, field: 'file', message };
  return new CandleImportError([issue]);
}

/** The format of decoded JSON rows, judged by the first row. */
function jsonFormat(rows: readonly unknown[]): ImportFormat {
  const first = rows[0];
  if (Array.isArray(first)) {
    return first.length >= ROW_LENGTH['binance-klines'] ? 'binance-klines' : 'freqtrade-json';
  }
  return 'json-objects';
}

/** Guesses the format without parsing everything (for labels); JSON is judged by its start. */
export function detectFormat(text: string): ImportFormat {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (!start.startsWith('[')) return 'csv';
  if (/^\[\s*\{/.test(start)) return 'json-objects';
  const firstRow = /^\[\s*\[([^\]]*)\]/.exec(start);
  if (!firstRow) return 'json-objects';
  return (firstRow[1] ?? '').split(',').length >= ROW_LENGTH['binance-klines']
    ? 'binance-klines'
    : 'freqtrade-json';
}

/**
 * Imports candles from the text of a CSV or JSON file of any supported format.
 *
 * @throws CandleImportError listing bad rows by line (CSV) or index (JSON) and field.
 */
export function importCandles(text: string, options: ImportOptions = {}): ImportResult {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed === '') throw fileError('the file is empty');
  if (!trimmed.startsWith('[') && !trimmed.startsWith('{')) return parseCsvCandles(text, options);
  let rows: unknown;
  try {
    rows = JSON.parse(trimmed);
  } catch (error) {
    throw fileError(`not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(rows)) {
    throw fileError(
      'JSON candles must be an array of rows, e.g. [[time, open, high, low, close, volume], …]',
    );
  }
  switch (jsonFormat(rows)) {
    case 'binance-klines':
      return parseBinanceKlines(rows, options);
    case 'freqtrade-json':
      return parseFreqtradeJson(rows, options);
    default:
      return parseJsonObjectCandles(rows, options);
  }
}
