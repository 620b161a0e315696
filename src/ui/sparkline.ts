/**
 * The geometry and spoken summary of an equity sparkline: the SVG polyline points for a series
 * scaled into a small box, and "Equity up 2.35% over 3 hours" for its aria-label. Pure.
 */

export interface SparkPoint {
  time: number;
  equity: number;
}

/** "x,y x,y …" for an SVG polyline of `values` scaled into width × height (1 px inset). */
export function sparklinePoints(values: readonly number[], width: number, height: number): string {
  if (values.length === 0) return '';
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  const span = max - min;
  const inner = height - 2;
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const parts = new Array<string>(values.length);
  for (let index = 0; index < values.length; index++) {
    const value = values[index] ?? min;
    // A flat series sits in the middle rather than on an edge.
    const y = span === 0 ? height / 2 : 1 + inner - ((value - min) / span) * inner;
    parts[index] = `${(index * step).toFixed(1)},${y.toFixed(1)}`;
  }
  return parts.join(' ');
}

function describeSpan(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 120) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hours`;
  return `${Math.round(hours / 24)} days`;
}

/** A short sentence for screen readers: direction, change and the period covered. */
export function describeTrend(
  points: readonly SparkPoint[],
  formatPercent: (ratio: number) => string,
): string {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last || points.length < 2) return 'Equity trend: not enough data yet';
  const change = first.equity === 0 ? 0 : (last.equity - first.equity) / first.equity;
  const direction = change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
  const amount = direction === 'flat' ? '' : ` ${formatPercent(Math.abs(change))}`;
  return `Equity ${direction}${amount} over ${describeSpan(last.time - first.time)}`;
}
