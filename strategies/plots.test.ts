/**
 * What templates draw on the bot's chart (`plots` + `ctx.plot`): every plotted key is
 * declared, the values are the indicator at that candle's close, and they never depend on
 * later candles (a run cut short plots the same values up to the cut).
 */
import { describe, expect, it } from 'vitest';
import { runBacktest } from '../src/backtest/runBacktest';
import type { EquityPoint } from '../src/core/bot/types';
import { createBollinger, createDonchian } from '../src/core/indicators';
import { defaultParams } from '../src/core/strategy/params';
import type { AnyStrategy, StrategyContext } from '../src/core/strategy';
import bollingerMeanReversion from './bollingerMeanReversion';
import donchianBreakout from './donchianBreakout';
import { STRATEGIES } from './index';
import { fixture, strategyContext } from './testSupport';

const CANDLES = fixture.slice(0, 1500);

/** Every key each candle plotted, driving onCandle directly over the candles. */
function plottedKeys(strategy: AnyStrategy): Set<string> {
  const params = defaultParams(strategy.params);
  const state: unknown = strategy.init(params);
  const keys = new Set<string>();
  for (const candle of CANDLES.slice(0, 300)) {
    const ctx: StrategyContext = {
      ...strategyContext(params, 0),
      plot: (key) => keys.add(key),
    };
    strategy.onCandle(state, candle, ctx);
  }
  return keys;
}

/** Each equity point's time and what was plotted with it. */
async function plotsOf(
  strategy: AnyStrategy,
  candles = CANDLES,
): Promise<Pick<EquityPoint, 'time' | 'plots'>[]> {
  const { equity } = await runBacktest({ strategy, candles, recordPlots: true });
  return Array.from(equity.times, (time, index) => ({ time, plots: equity.plots.get(index) }));
}

describe('template plots', () => {
  it('plot only the series they declare, and declare what they plot', () => {
    for (const strategy of STRATEGIES) {
      const declared = (strategy.plots?.(defaultParams(strategy.params)) ?? []).map(
        (plot) => plot.key,
      );
      expect([...plottedKeys(strategy)].sort(), strategy.id).toEqual([...declared].sort());
    }
    const plotting = STRATEGIES.filter((each) => each.plots).map((each) => each.id);
    expect(plotting).toEqual(
      expect.arrayContaining(['bollinger-mean-reversion', 'donchian-breakout', 'supertrend']),
    );
  });

  it("Bollinger: the bands at each candle's close, stored with its equity point", async () => {
    const points = await plotsOf(bollingerMeanReversion);
    const bands = createBollinger(20, 2);
    const expected = new Map(CANDLES.map((candle) => [candle.time, bands.next(candle.close)]));
    const plotted = points.filter((point) => point.plots);
    expect(plotted.length).toBe(points.length);
    for (const point of plotted) {
      const band = expected.get(point.time);
      expect(point.plots?.['upper']).toBeCloseTo(band?.upper ?? Number.NaN, 6);
      expect(point.plots?.['middle']).toBeCloseTo(band?.middle ?? Number.NaN, 6);
      expect(point.plots?.['lower']).toBeCloseTo(band?.lower ?? Number.NaN, 6);
    }
  });

  it("Donchian: the previous candles' channel each close is compared with", async () => {
    const points = await plotsOf(donchianBreakout);
    const entry = createDonchian(20);
    const exit = createDonchian(10);
    const expected = new Map<number, { high?: number; low?: number }>();
    let previous: { high?: number; low?: number } = {};
    for (const candle of CANDLES) {
      expected.set(candle.time, previous);
      previous = { high: entry.next(candle)?.upper, low: exit.next(candle)?.lower };
    }
    expect(points.length).toBeGreaterThan(1000);
    for (const point of points) {
      expect(point.plots?.['entryHigh']).toBe(expected.get(point.time)?.high);
      expect(point.plots?.['exitLow']).toBe(expected.get(point.time)?.low);
    }
  });

  it('never look ahead: a shorter run plots the same values up to where it ends', async () => {
    for (const strategy of STRATEGIES.filter((each) => each.plots)) {
      const full = await plotsOf(strategy);
      const cut = await plotsOf(strategy, CANDLES.slice(0, 900));
      const byTime = new Map(full.map((point) => [point.time, point.plots]));
      expect(cut.length, strategy.id).toBeGreaterThan(100);
      for (const point of cut) expect(point.plots, strategy.id).toEqual(byTime.get(point.time));
    }
  });

  it('records nothing unless asked (backtests skip plotting)', async () => {
    const result = await runBacktest({ strategy: bollingerMeanReversion, candles: CANDLES });
    expect(result.equity.plots.size).toBe(0);
  });
});
