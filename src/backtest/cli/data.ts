/**
 * Reads the backtester's `--data` file in any format the importers know (CSV, JSON objects,
 * Binance klines, freqtrade JSON; see src/core/market/import) and checks what the engine needs:
 * the simulated exchange replays contiguous 1-minute candles (coarser timeframes are resampled
 * from them), so hourly or daily files and files with gaps are refused, naming the line or
 * index. Bad rows are reported by the importer, with line numbers and fields.
 */
import type { Candle } from '../../core/market/candle';
import {
  CandleImportError,
  describeIssue,
  describeIssues,
  FORMAT_LABELS,
  importCandles,
} from '../../core/market/import';

const MINUTE_MS = 60_000;
/** Bad rows listed before "…and K more". */
const MAX_LISTED = 20;

/** The data cannot be backtested; the message says why and where. */
export class DataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataError';
  }
}

const indent = (text: string) =>
  text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');

/** Parses `text` (named `source` in messages) into contiguous 1-minute candles. */
export function loadMinuteCandles(text: string, source: string): Candle[] {
  let result;
  try {
    result = importCandles(text, { maxIssues: MAX_LISTED });
  } catch (error) {
    if (error instanceof CandleImportError) {
      throw new DataError(
        `${source}: ${error.total} bad row(s); nothing was read\n${indent(describeIssues(error.issues, error.total))}`,
      );
    }
    throw error;
  }
  const format = FORMAT_LABELS[result.format];
  if (result.timeframeMs !== MINUTE_MS) {
    throw new DataError(
      `${source} holds ${result.timeframe} candles (${format}); the backtester replays 1-minute candles ` +
        `and resamples them to the template's timeframe (or --timeframe), so it needs 1-minute data.`,
    );
  }
  const first = result.candles[0] as Candle;
  if (first.time % MINUTE_MS !== 0) {
    throw new DataError(
      `${source}: the first candle (${new Date(first.time).toISOString()}) is not on a whole minute; the backtester needs 1-minute candles`,
    );
  }
  const gap = result.warnings.find(
    (warning) => warning.field === 'time' && !/duplicate/.test(warning.message),
  );
  if (gap) {
    throw new DataError(
      `${source} ${describeIssue(gap)}; the backtester needs contiguous 1-minute candles with no gaps.`,
    );
  }
  return result.candles;
}
