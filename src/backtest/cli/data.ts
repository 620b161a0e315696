/**
 * Reads the backtester's `--data` file in any format the importers know (CSV, JSON objects,
 * Binance klines, freqtrade JSON; see src/core/market/import) at any regular candle length:
 * minute, hourly, daily data alike. The length is the most common step between candles, so
 * gaps (weekends and holidays of daily stock data) do not change it; every candle must open on
 * a whole step of it (UTC). Bad rows are reported by the importer, with line numbers and
 * fields; whether the length suits the run's timeframe is checked by `checkDataTimeframe`.
 */
import type { Candle } from '../../core/market/candle';
import {
  CandleImportError,
  describeIssues,
  FORMAT_LABELS,
  importCandles,
  type ImportFormat,
} from '../../core/market/import';
import type { Timeframe } from '../../core/market/timeframe';
import { candleStepProblem, dataTimeframeProblem } from '../dataTimeframe';

/** Bad rows listed before "…and K more". */
const MAX_LISTED = 20;

/** The data cannot be backtested; the message says why and where. */
export class DataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataError';
  }
}

/** A `--data` file read and checked. */
export interface CandleData {
  candles: Candle[];
  /** Length of each candle, ms (the most common step between them). */
  candleMs: number;
  /** That length as a label: "1m", "1h", "1d". */
  timeframe: string;
  format: ImportFormat;
  /** How many gaps (missing candles between two rows) the file has; they are allowed. */
  gaps: number;
}

const indent = (text: string) =>
  text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');

/** Parses `text` (named `source` in messages) into candles of one regular length. */
export function loadCandleData(text: string, source: string): CandleData {
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
  const problem = candleStepProblem(result.candles, result.timeframeMs);
  if (problem !== undefined) {
    throw new DataError(
      `${source} holds ${result.timeframe} candles (${FORMAT_LABELS[result.format]}), but: ${problem}`,
    );
  }
  let gaps = 0;
  for (let i = 1; i < result.candles.length; i++) {
    if (
      (result.candles[i] as Candle).time - (result.candles[i - 1] as Candle).time >
      result.timeframeMs
    )
      gaps += 1;
  }
  return {
    candles: result.candles,
    candleMs: result.timeframeMs,
    timeframe: result.timeframe,
    format: result.format,
    gaps,
  };
}

/**
 * Checks that `data` can run at `timeframe`; a refusal names both timeframes and, in `origin`,
 * where the run's came from (e.g. "the template's timeframe; --timeframe sets another").
 *
 * @throws DataError when the data is coarser than the timeframe or does not divide it.
 */
export function checkDataTimeframe(
  data: CandleData,
  timeframe: Timeframe,
  source: string,
  origin: string,
): void {
  const problem = dataTimeframeProblem(data.candleMs, timeframe);
  if (problem !== undefined) throw new DataError(`${source}: ${problem} (${timeframe}: ${origin})`);
}
