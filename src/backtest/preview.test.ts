import { describe, expect, it } from 'vitest';
import smaCrossover from '../../strategies/smaCrossover';
import { committedSamples } from '../exchange/simulated/testSupport';
import {
  downsample,
  maxDrawdownPct,
  PREVIEW_CANDLES,
  PREVIEW_MAX_POINTS,
  previewTemplate,
} from './preview';
import { runBacktest } from './runBacktest';

const candles = committedSamples()['BTC/USDT'] ?? [];

describe('previewTemplate', () => {
  it('runs a template for the first week of the sample and sums it up', async () => {
    const week = candles.slice(0, PREVIEW_CANDLES);
    const preview = await previewTemplate({ strategy: smaCrossover, candles });
    const direct = await runBacktest({ strategy: smaCrossover, candles: week, cash: 10_000 });

    const { times: equityTimes, values } = direct.equity;
    const finalEquity = values[values.length - 1] ?? Number.NaN;
    expect(preview.totalReturnPct).toBeCloseTo((finalEquity / 10_000 - 1) * 100, 9);
    expect(preview.trades).toBe(direct.fills.length);
    expect(preview.trades).toBeGreaterThan(10);
    const first = week[direct.startIndex];
    const last = week[week.length - 1];
    expect(preview.buyAndHoldPct).toBeCloseTo(((last?.close ?? 0) / (first?.open ?? 1) - 1) * 100);
    expect(preview.maxDrawdownPct).toBeGreaterThan(0);
    expect(preview.maxDrawdownPct).toBeGreaterThanOrEqual(-preview.totalReturnPct);

    expect(preview.points.length).toBeLessThanOrEqual(PREVIEW_MAX_POINTS);
    expect(preview.points.length).toBeGreaterThan(PREVIEW_MAX_POINTS / 2);
    const times = preview.points.map(([time]) => time);
    for (let index = 1; index < times.length; index++) {
      expect(times[index]).toBeGreaterThan(times[index - 1] ?? Infinity);
    }
    expect(times[0]).toBe((equityTimes[0] ?? 0) / 1000);
    expect(times[times.length - 1]).toBe((equityTimes[equityTimes.length - 1] ?? 0) / 1000);
    expect(preview.points[preview.points.length - 1]?.[1]).toBe(finalEquity);
  });

  it('uses the parameters given and rejects invalid ones', async () => {
    const defaults = await previewTemplate({ strategy: smaCrossover, candles });
    const slower = await previewTemplate({
      strategy: smaCrossover,
      params: { fast: 5, slow: 30 },
      candles,
    });
    expect(slower.trades).not.toBe(defaults.trades);
    await expect(
      previewTemplate({ strategy: smaCrossover, params: { fast: 1.5, slow: 30 }, candles }),
    ).rejects.toThrow('Fast period must be a whole number between 2 and 200');
  });
});

describe('maxDrawdownPct', () => {
  it('is the deepest fall from a running peak, in percent', () => {
    expect(maxDrawdownPct([100, 120, 90, 130, 117])).toBeCloseTo(25);
    expect(maxDrawdownPct([100, 101, 102])).toBe(0);
    expect(maxDrawdownPct([])).toBe(0);
  });
});

describe('downsample', () => {
  const series = Array.from({ length: 10_000 }, (_, index): [number, number] => [
    index,
    Math.sin(index / 300) * 100 + (index === 4_321 ? -500 : 0),
  ]);

  it('keeps at most maxPoints points in time order, with the ends and the extremes', () => {
    const kept = downsample(series, 400);
    expect(kept.length).toBeLessThanOrEqual(400);
    expect(kept.length).toBeGreaterThan(300);
    expect(kept[0]).toEqual(series[0]);
    expect(kept[kept.length - 1]).toEqual(series[series.length - 1]);
    expect(kept).toContainEqual(series[4_321]);
    const times = kept.map(([time]) => time);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(new Set(times).size).toBe(times.length);
  });

  it('leaves a short series as it is', () => {
    expect(downsample(series.slice(0, 50), 400)).toEqual(series.slice(0, 50));
  });
});
