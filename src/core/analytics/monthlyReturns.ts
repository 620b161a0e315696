/**
 * Monthly returns (pyfolio's `aggregate_returns(..., 'monthly')` over an equity curve): each
 * UTC calendar month's return is its last equity over the previous month's last equity − 1;
 * the first month is measured from the first point. Months without points are absent.
 */
import type { EquitySeries } from '../bot/equitySeries';

export interface MonthlyReturn {
  year: number;
  /** 1–12. */
  month: number;
  /** Fraction: 0.012 = +1.2 %. */
  return: number;
}

/** Month returns in time order from an equity curve's columns (time in ms, any order-preserving input). */
export function monthlyReturns(
  equity: Pick<EquitySeries, 'length' | 'times' | 'values'>,
): MonthlyReturn[] {
  if (equity.length === 0) return [];
  const rows: MonthlyReturn[] = [];
  let base = equity.values[0] as number;
  let current: { year: number; month: number; last: number } | undefined;
  const close = () => {
    if (!current) return;
    const value = base > 0 && Number.isFinite(current.last) ? current.last / base - 1 : 0;
    rows.push({ year: current.year, month: current.month, return: value });
    base = current.last;
  };
  for (let index = 0; index < equity.length; index++) {
    const value = equity.values[index] as number;
    const date = new Date(equity.times[index] as number);
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth() + 1;
    if (!current || current.year !== year || current.month !== month) {
      close();
      current = { year, month, last: value };
    } else {
      current.last = value;
    }
  }
  close();
  return rows;
}
