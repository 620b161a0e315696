/**
 * An equity curve as columns: times, equity values and close prices in typed arrays (index i
 * is point i, in time order) and what the strategy plotted, by point index. A backtest returns
 * its curve this way rather than as an EquityPoint object per candle — a million-candle run
 * would make a million objects for the garbage collector to move, and the report and the
 * analytics read columns anyway. A bot's stored points convert with `equitySeriesOf`.
 */
import type { EquityPoint } from './types';

export interface EquitySeries {
  readonly length: number;
  /** Candle open times, ms. */
  readonly times: Float64Array;
  readonly values: Float64Array;
  /** The close each point was marked at. */
  readonly prices: Float64Array;
  /** What the strategy plotted, by point index (only the points that have plots). */
  readonly plots: ReadonlyMap<number, Record<string, number>>;
}

/** The columns of `points` (in their order). */
export function equitySeriesOf(points: readonly EquityPoint[]): EquitySeries {
  const plots = new Map<number, Record<string, number>>();
  points.forEach((point, index) => {
    if (point.plots !== undefined) plots.set(index, point.plots);
  });
  return {
    length: points.length,
    times: Float64Array.from(points, (point) => point.time),
    values: Float64Array.from(points, (point) => point.equity),
    prices: Float64Array.from(points, (point) => point.price),
    plots,
  };
}
