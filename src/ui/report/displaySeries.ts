/**
 * Display series of a report for uPlot, built from the full equity columns: equity, drawdown
 * (fraction of the running peak) and price, each decimated to about one min/max pair per pixel
 * (src/backtest/decimate.ts), x in seconds. Metrics never read these.
 */
import type uPlot from 'uplot';
import { decimateMinMax } from '../../backtest/decimate';
import type { ReportFill, RunReport } from '../../backtest/runReport';

/** About one bucket per CSS pixel of a wide chart. */
export function displayBuckets(): number {
  const width = typeof window === 'undefined' ? 1000 : window.innerWidth;
  return Math.max(200, Math.min(2000, Math.round(width)));
}

function seconds(times: readonly number[]): Float64Array {
  return Float64Array.from(times, (time) => time / 1000);
}

/** Drawdown per point: value / running peak − 1 (0 at a new high). */
export function drawdownSeries(values: readonly number[]): Float64Array {
  const out = new Float64Array(values.length);
  let peak = -Infinity;
  values.forEach((value, index) => {
    peak = Math.max(peak, value);
    out[index] = peak > 0 ? value / peak - 1 : 0;
  });
  return out;
}

export function equityData(report: RunReport, buckets: number): uPlot.AlignedData {
  const shown = decimateMinMax(
    seconds(report.equity.times),
    Float64Array.from(report.equity.values),
    buckets,
  );
  return [shown.xs, shown.ys];
}

export function drawdownData(report: RunReport, buckets: number): uPlot.AlignedData {
  const shown = decimateMinMax(
    seconds(report.equity.times),
    drawdownSeries(report.equity.values),
    buckets,
  );
  return [shown.xs, shown.ys];
}

/**
 * Price (decimated) with buy and sell markers at their fill times and prices, merged on one
 * sorted x axis: the price is null at marker-only x values (the line spans those gaps).
 */
export function priceData(
  times: readonly number[],
  prices: readonly number[],
  fills: readonly ReportFill[],
  buckets: number,
): uPlot.AlignedData {
  const shown = decimateMinMax(seconds(times), Float64Array.from(prices), buckets);
  const rows = new Map<number, [number | null, number | null, number | null]>();
  shown.xs.forEach((x, index) => rows.set(x, [shown.ys[index] ?? null, null, null]));
  for (const fill of fills) {
    const x = fill.time / 1000;
    const row = rows.get(x) ?? [null, null, null];
    row[fill.side === 'buy' ? 1 : 2] = fill.price;
    rows.set(x, row);
  }
  const xs = [...rows.keys()].sort((a, b) => a - b);
  return [
    Float64Array.from(xs),
    xs.map((x) => rows.get(x)?.[0] ?? null),
    xs.map((x) => rows.get(x)?.[1] ?? null),
    xs.map((x) => rows.get(x)?.[2] ?? null),
  ];
}
