/**
 * Monthly returns (pyfolio's `aggregate_returns(..., 'monthly')` over an equity curve): each
 * UTC calendar month's return is its last equity over the previous month's last equity − 1;
 * the first month is measured from the first point. Months without points are absent.
 */

export interface MonthlyReturn {
  year: number;
  /** 1–12. */
  month: number;
  /** Fraction: 0.012 = +1.2 %. */
  return: number;
}

/** Month returns in time order from equity points (time in ms, any order-preserving input). */
export function monthlyReturns(
  points: readonly { time: number; equity: number }[],
): MonthlyReturn[] {
  const first = points[0];
  if (!first) return [];
  const rows: MonthlyReturn[] = [];
  let base = first.equity;
  let current: { year: number; month: number; last: number } | undefined;
  const close = () => {
    if (!current) return;
    const value = base > 0 && Number.isFinite(current.last) ? current.last / base - 1 : 0;
    rows.push({ year: current.year, month: current.month, return: value });
    base = current.last;
  };
  for (const point of points) {
    const date = new Date(point.time);
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth() + 1;
    if (!current || current.year !== year || current.month !== month) {
      close();
      current = { year, month, last: point.equity };
    } else {
      current.last = point.equity;
    }
  }
  close();
  return rows;
}
