import { describe, expect, it } from 'vitest';
import { monthlyReturns } from './monthlyReturns';

const at = (month: number, day: number, equity: number) => ({
  time: Date.UTC(2023, month - 1, day),
  equity,
});

/** The columns monthlyReturns reads, from points. */
const columns = (points: readonly { time: number; equity: number }[]) => ({
  length: points.length,
  times: Float64Array.from(points, (point) => point.time),
  values: Float64Array.from(points, (point) => point.equity),
});

describe('monthlyReturns', () => {
  it('measures each month from the previous month end, the first from the first point', () => {
    const rows = monthlyReturns(
      columns([at(1, 15, 100), at(1, 31, 110), at(2, 10, 90), at(2, 28, 99), at(4, 2, 118.8)]),
    );
    expect(rows.map((row) => [row.year, row.month])).toEqual([
      [2023, 1],
      [2023, 2],
      [2023, 4],
    ]);
    expect(rows[0]?.return).toBeCloseTo(0.1, 12);
    expect(rows[1]?.return).toBeCloseTo(-0.1, 12);
    expect(rows[2]?.return).toBeCloseTo(0.2, 12);
  });

  it('gives nothing for no points and 0 for a zero base', () => {
    expect(monthlyReturns(columns([]))).toEqual([]);
    expect(monthlyReturns(columns([at(3, 1, 0), at(3, 2, 5)]))).toEqual([
      { year: 2023, month: 3, return: 0 },
    ]);
  });
});
