import { describe, expect, it } from 'vitest';
import {
  chartPlots,
  indicatorColumns,
  indicatorSpecs,
  plotColumns,
  positionLevels,
  type PlottedPoint,
} from './chartOverlays';

describe('indicatorSpecs', () => {
  it('draws the moving averages of the crossover templates only', () => {
    expect(indicatorSpecs('sma-crossover', { fast: 3, slow: 8 }).map((s) => s.label)).toEqual([
      'SMA 3',
      'SMA 8',
    ]);
    expect(indicatorSpecs('ema-crossover', { fast: 5, slow: 9 }).map((s) => s.label)).toEqual([
      'EMA 5',
      'EMA 9',
    ]);
    expect(indicatorSpecs('spot-grid', { lower: 1 })).toEqual([]);
    expect(indicatorSpecs('sma-crossover', { fast: 'x', slow: 8 })).toEqual([]);
  });

  it('computes each indicator over the closes, null while warming up', () => {
    const [sma] = indicatorColumns(
      indicatorSpecs('sma-crossover', { fast: 2, slow: 3 }),
      [1, 3, 5, 7],
    );
    expect(sma).toEqual([null, 2, 4, 6]);
  });
});

describe('positionLevels', () => {
  const base = { position: 0.5, averageEntry: 100, now: 0 };

  it('has no levels without a position, and only the entry without risk rules', () => {
    expect(
      positionLevels({ ...base, position: 0, risk: undefined, protective: undefined }),
    ).toEqual({});
    expect(positionLevels({ ...base, risk: undefined, protective: undefined })).toEqual({
      averageEntry: 100,
    });
  });

  it('places stop-loss, next take-profit and an armed trailing stop', () => {
    const risk = {
      stopLoss: { kind: 'percent' as const, percent: 5 },
      takeProfit: {
        steps: [
          { percent: 2, fraction: 0.5 },
          { percent: 4, fraction: 0.5 },
        ],
      },
      trailingStop: { percent: 3, activationPercent: 1 },
    };
    expect(positionLevels({ ...base, risk, protective: undefined })).toEqual({
      averageEntry: 100,
      stopLoss: 95,
      takeProfit: 102,
    });
    const protective = {
      entryPrice: 100,
      entryTime: 0,
      highWater: 110,
      trailingActive: true,
      takeProfitStepsDone: 1,
    };
    const levels = positionLevels({ ...base, risk, protective });
    expect(levels.takeProfit).toBeCloseTo(104, 9);
    expect(levels.trailingStop).toBeCloseTo(106.7, 9);
  });
});

describe('plotted series', () => {
  const points: PlottedPoint[] = [
    { time: 60_000, plots: { upper: 105, lower: 95 } },
    { time: 120_000 },
    { time: 180_000, plots: { upper: 106, lower: 96, extra: 1 } },
  ];

  it('draws the declared plots in order, then undeclared keys labelled by key', () => {
    const plots = chartPlots(
      [
        { key: 'upper', label: 'Upper band', style: 'band' },
        { key: 'lower', label: 'Lower band', style: 'band' },
        { key: 'rsi', label: 'RSI 14', pane: 'lower' },
      ],
      points,
    );
    expect(plots).toEqual([
      { key: 'upper', label: 'Upper band', pane: 'price', style: 'band' },
      { key: 'lower', label: 'Lower band', pane: 'price', style: 'band' },
      { key: 'rsi', label: 'RSI 14', pane: 'lower', style: 'line' },
      { key: 'extra', label: 'extra', pane: 'price', style: 'line' },
    ]);
    expect(chartPlots([], [])).toEqual([]);
  });

  it("aligns each series with the candles' times, null where nothing was plotted", () => {
    const plots = chartPlots([{ key: 'upper', label: 'U' }], points).slice(0, 2);
    expect(plotColumns(plots, [0, 60_000, 120_000, 180_000], points)).toEqual([
      [null, 105, null, 106],
      [null, 95, null, 96],
    ]);
  });
});
