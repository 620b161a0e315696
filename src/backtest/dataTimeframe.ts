/**
 * What candle data a backtest can run on: the data's candles must be no longer than the run's
 * timeframe and divide it (hourly data makes 4h or daily candles; daily data cannot make
 * hourly ones), and each candle must open on a whole step of its length (UTC). Shared by the
 * engine, the CLI, the backtest worker and the Backtest page, so all refuse alike.
 */
import type { Candle } from '../core/market/candle';
import { firstMisstep, type Misstep } from '../core/market/candleSteps';
import { timeframeLabel } from '../core/market/import/spacing';
import { isTimeframe, timeframeMs, type Timeframe } from '../core/market/timeframe';

/**
 * Why candles `dataMs` long cannot be backtested at `timeframe`, or undefined when they can.
 *
 * @example
 * dataTimeframeProblem(86_400_000, '1h');
 * // "The data holds 1d candles, coarser than the 1h timeframe: choose a timeframe of 1d or
 * //  longer, or finer data."
 */
export function dataTimeframeProblem(dataMs: number, timeframe: Timeframe): string | undefined {
  const data = timeframeLabel(dataMs);
  const length = timeframeMs(timeframe);
  if (dataMs > length) {
    const remedy = isTimeframe(data)
      ? `a timeframe of ${data} or longer, or finer data`
      : 'finer data';
    return `The data holds ${data} candles, coarser than the ${timeframe} timeframe: choose ${remedy}.`;
  }
  if (length % dataMs !== 0) {
    return `A ${timeframe} candle is not a whole number of the data's ${data} candles: choose a timeframe that is.`;
  }
  return undefined;
}

/**
 * Why `candles` cannot be replayed as candles `dataMs` long — the index and time of the first
 * one out of increasing order or not opening on a whole step of that length — or undefined.
 */
export function candleStepProblem(candles: readonly Candle[], dataMs: number): string | undefined {
  const misstep = firstMisstep(candles, dataMs);
  return misstep === undefined ? undefined : candleStepMessage(candles, dataMs, misstep);
}

/** What is wrong with `candles` at `misstep`, for the user. */
export function candleStepMessage(
  candles: readonly Candle[],
  dataMs: number,
  misstep: Misstep,
): string {
  const { index } = misstep;
  const at = candleAt(index, (candles[index] as Candle).time);
  return misstep.problem === 'unaligned'
    ? `${at} does not open on a whole ${timeframeLabel(dataMs)} step (UTC); the backtester needs candles aligned to their length.`
    : `${at} is not after the candle before it.`;
}

/** Names candle `index` (0-based) opening at `time` in a message. */
function candleAt(index: number, time: number): string {
  const date = new Date(time);
  return `Candle ${index + 1} (${Number.isNaN(date.getTime()) ? `time ${time}` : date.toISOString()})`;
}
