/**
 * What the bot page's candlestick chart draws over the candles, as plain columns: the
 * strategy's indicators — for the SMA and EMA crossovers computed here from the candles with
 * src/core/indicators (so they cover the history before the bot started), for the others what
 * the strategy itself plotted (`ctx.plot`, stored with each equity point by the engine) —
 * and the position's levels — average entry, stop-loss, trailing stop and next take-profit —
 * from the risk config and the persisted protective state through core's protectiveLevels.
 * Pure.
 */
import type { RiskConfig } from '../../core/risk/riskConfig';
import {
  initialProtectiveState,
  protectiveLevels,
  type ProtectiveState,
} from '../../core/risk/protectiveExits';
import { createEma, createSma, type StreamingIndicator } from '../../core/indicators';
import type { PlotSpec, RawParams } from '../../core/strategy/types';

export interface IndicatorSpec {
  label: string;
  create: () => StreamingIndicator;
}

const period = (params: RawParams, key: string): number | undefined => {
  const value = params[key];
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
};

/** The moving averages of a crossover template, or none for other strategies. */
export function indicatorSpecs(strategyId: string, params: RawParams): IndicatorSpec[] {
  const fast = period(params, 'fast');
  const slow = period(params, 'slow');
  if (fast === undefined || slow === undefined) return [];
  if (strategyId === 'sma-crossover') {
    return [
      { label: `SMA ${fast}`, create: () => createSma(fast) },
      { label: `SMA ${slow}`, create: () => createSma(slow) },
    ];
  }
  if (strategyId === 'ema-crossover') {
    return [
      { label: `EMA ${fast}`, create: () => createEma(fast) },
      { label: `EMA ${slow}`, create: () => createEma(slow) },
    ];
  }
  return [];
}

/** Each indicator over the closes, null while it warms up (uPlot leaves a gap). */
export function indicatorColumns(
  specs: readonly IndicatorSpec[],
  closes: ArrayLike<number>,
): (number | null)[][] {
  return specs.map((spec) => {
    const indicator = spec.create();
    const column = new Array<number | null>(closes.length);
    for (let index = 0; index < closes.length; index++) {
      column[index] = indicator.next(closes[index] ?? Number.NaN) ?? null;
    }
    return column;
  });
}

/** A series the strategy plotted, as the chart draws it. */
export interface ChartPlot {
  key: string;
  label: string;
  pane: 'price' | 'lower';
  style: 'line' | 'band';
}

/** What a candle's equity point carries for the chart. */
export interface PlottedPoint {
  time: number;
  plots?: Readonly<Record<string, number>>;
}

/**
 * The series to draw: the template's declared plots in their order, then any other key the
 * points carry (a custom strategy's), labelled by its key, over the candles.
 */
export function chartPlots(
  declared: readonly PlotSpec[],
  points: readonly PlottedPoint[],
): ChartPlot[] {
  const plots: ChartPlot[] = declared.map((spec) => ({
    key: spec.key,
    label: spec.label,
    pane: spec.pane ?? 'price',
    style: spec.style ?? 'line',
  }));
  const known = new Set(plots.map((plot) => plot.key));
  for (const point of points) {
    for (const key of Object.keys(point.plots ?? {})) {
      if (known.has(key)) continue;
      known.add(key);
      plots.push({ key, label: key, pane: 'price', style: 'line' });
    }
  }
  return plots;
}

/**
 * One column per plot aligned with the candles (open times in ms): the value the strategy
 * plotted on that candle, null where it plotted none (before the bot ran, or warming up).
 */
export function plotColumns(
  plots: readonly ChartPlot[],
  times: ArrayLike<number>,
  points: readonly PlottedPoint[],
): (number | null)[][] {
  const byTime = new Map<number, Readonly<Record<string, number>>>();
  for (const point of points) if (point.plots) byTime.set(point.time, point.plots);
  return plots.map((plot) => {
    const column = new Array<number | null>(times.length);
    for (let index = 0; index < times.length; index++) {
      column[index] = byTime.get(times[index] ?? Number.NaN)?.[plot.key] ?? null;
    }
    return column;
  });
}

export const LEVEL_LABELS = {
  averageEntry: 'Average entry',
  stopLoss: 'Stop-loss',
  trailingStop: 'Trailing stop',
  takeProfit: 'Take-profit',
} as const;

export type LevelKey = keyof typeof LEVEL_LABELS;
export const LEVEL_KEYS = Object.keys(LEVEL_LABELS) as LevelKey[];
export type PriceLevels = Partial<Record<LevelKey, number>>;

/**
 * The position's levels now. Without a position there are none; without a saved protective
 * state (e.g. just after the entry fill) the levels are those of a fresh entry at the average.
 */
export function positionLevels(input: {
  position: number;
  averageEntry: number;
  risk: RiskConfig | undefined;
  protective: ProtectiveState | undefined;
  now: number;
}): PriceLevels {
  if (!(input.position > 0) || !(input.averageEntry > 0)) return {};
  const levels: PriceLevels = { averageEntry: input.averageEntry };
  if (!input.risk) return levels;
  const state = input.protective ?? initialProtectiveState(input.averageEntry, input.now);
  const exits = protectiveLevels(
    { ...state, entryPrice: input.averageEntry },
    input.risk,
    input.now,
  );
  if (exits.stopLoss !== undefined) levels.stopLoss = exits.stopLoss;
  if (exits.trailingStop !== undefined) levels.trailingStop = exits.trailingStop;
  if (exits.takeProfit) levels.takeProfit = exits.takeProfit.price;
  return levels;
}
