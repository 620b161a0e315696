import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from './relativeTime';
import { describeTrend, sparklinePoints } from './sparkline';

const percent = (ratio: number): string => `${(ratio * 100).toFixed(2)}%`;

describe('sparklinePoints', () => {
  it('scales the series into the box, highest value at the top', () => {
    expect(sparklinePoints([1, 3, 2], 100, 22)).toBe('0.0,21.0 50.0,1.0 100.0,11.0');
  });

  it('draws a flat series in the middle and nothing for no data', () => {
    expect(sparklinePoints([5, 5], 10, 20)).toBe('0.0,10.0 10.0,10.0');
    expect(sparklinePoints([], 10, 20)).toBe('');
  });
});

describe('describeTrend', () => {
  it('says the direction, change and period', () => {
    const points = [
      { time: 0, equity: 1000 },
      { time: 3 * 3600_000, equity: 1023.5 },
    ];
    expect(describeTrend(points, percent)).toBe('Equity up 2.35% over 3 hours');
    expect(describeTrend([points[1]!, { time: 4 * 3600_000, equity: 1000 }], percent)).toMatch(
      /^Equity down 2\.30% over 60 minutes$/,
    );
    expect(describeTrend([{ time: 0, equity: 1 }], percent)).toBe(
      'Equity trend: not enough data yet',
    );
  });
});

describe('formatRelativeTime', () => {
  it('picks the largest fitting unit', () => {
    const now = Date.UTC(2026, 0, 2);
    expect(formatRelativeTime(now - 5 * 60_000, now)).toMatch(/5 min/);
    expect(formatRelativeTime(now - 3 * 3600_000, now)).toMatch(/3 hr/);
    expect(formatRelativeTime(undefined, now)).toBe('—');
    expect(formatRelativeTime(now + 8000, now)).toBe(formatRelativeTime(now, now));
  });
});
