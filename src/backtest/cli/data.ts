/**
 * Checks parsed CSV candles for the backtester: runBacktest replays contiguous 1-minute
 * candles (coarser timeframes are resampled from them), so hourly or daily files and files
 * with gaps are refused with the line that breaks the rule. Bad rows themselves are reported
 * by parseCandlesCsv, by line number.
 */
import type { Candle } from '../../core/market/candle';
import { CandleParseError, parseCandlesCsv } from '../../core/market/csv';

const MINUTE_MS = 60_000;

/** The CSV cannot be backtested; the message says why and where. */
export class DataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataError';
  }
}

function describeInterval(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000} day(s)`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} hour(s)`;
  if (ms % MINUTE_MS === 0) return `${ms / MINUTE_MS} minutes`;
  return `${ms / 1000} seconds`;
}

/**
 * Parses `text` (named `source` in messages) into contiguous 1-minute candles.
 * Line numbers count the header, as in an editor: the first data row after a header is line 2.
 */
export function loadMinuteCandles(text: string, source: string): Candle[] {
  let candles: Candle[];
  try {
    candles = parseCandlesCsv(text).candles;
  } catch (error) {
    if (error instanceof CandleParseError) {
      const lines = error.issues.map((issue) => `  line ${issue.line}: ${issue.message}`);
      throw new DataError(`${source}: ${error.issues.length} bad row(s)\n${lines.join('\n')}`);
    }
    throw error;
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const dataLines: number[] = [];
  lines.forEach((line, index) => {
    if (line.trim() !== '') dataLines.push(index + 1);
  });
  // parseCandlesCsv returns one candle per non-empty line after an optional header.
  const offset = dataLines.length - candles.length;
  const lineOf = (index: number) => dataLines[index + offset] ?? index + 1;
  const first = candles[0] as Candle;
  if (first.time % MINUTE_MS !== 0) {
    throw new DataError(
      `${source} line ${lineOf(0)}: time ${new Date(first.time).toISOString()} is not on a whole minute; the backtester needs 1-minute candles`,
    );
  }
  for (let i = 1; i < candles.length; i++) {
    const step = (candles[i] as Candle).time - (candles[i - 1] as Candle).time;
    if (step === MINUTE_MS) continue;
    const at = new Date((candles[i] as Candle).time).toISOString();
    if (i === 1 && step > MINUTE_MS) {
      throw new DataError(
        `${source} holds candles ${describeInterval(step)} apart; the backtester needs 1-minute candles ` +
          `(use --timeframe to trade on coarser candles built from them).`,
      );
    }
    throw new DataError(
      `${source} line ${lineOf(i)}: candle at ${at} comes ${describeInterval(step)} after the previous one; ` +
        `the backtester needs contiguous 1-minute candles with no gaps.`,
    );
  }
  return candles;
}
