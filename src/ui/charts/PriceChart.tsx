/**
 * A bot's live candlestick chart: OHLC candles (drawn by candlestickPlugin), the strategy's
 * indicators — recomputed for the crossovers, else what the strategy plotted on each candle
 * (chartOverlays) — the position's average entry, stop-loss, trailing stop and next
 * take-profit as horizontal lines, and buy fills (▲) and sell fills (▼) at their price on the
 * candle they fell in. Columnar data, x in seconds; one setData per change. The series list
 * is fixed per chart (levels absent = empty columns; the page re-keys it when plots change).
 */
import { createMemo, type JSX } from 'solid-js';
import type uPlot from 'uplot';
import type { Candle } from '../../core/market/candle';
import type { Fill } from '../../core/portfolio/types';
import { formatDateTime, formatPrice, stepToDecimals } from '../format';
import { candlestickPlugin } from './candlestickPlugin';
import {
  indicatorColumns,
  LEVEL_KEYS,
  LEVEL_LABELS,
  plotColumns,
  type ChartPlot,
  type IndicatorSpec,
  type LevelKey,
  type PlottedPoint,
  type PriceLevels,
} from './chartOverlays';
import { plotSeries } from './plotSeries';
import { createChart } from './createChart';
import { themedAxes, type ChartColors } from './chartTheme';
import { trianglePoints } from './markers';

/** Index of the last candle opening at or before `time`, or -1. */
function candleIndexAt(times: Float64Array, time: number): number {
  let low = 0;
  let high = times.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((times[middle] ?? Infinity) <= time) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/** Buy and sell marker columns: the fill price on the candle each fill fell in. */
function markerColumns(times: Float64Array, fills: readonly Fill[]) {
  const count = times.length;
  const buys = new Array<number | null>(count).fill(null);
  const sells = new Array<number | null>(count).fill(null);
  let buyCount = 0;
  let sellCount = 0;
  // The last candle spans one more interval past its open time; later fills are not drawn.
  const interval = count > 1 ? (times[count - 1] ?? 0) - (times[count - 2] ?? 0) : 60_000;
  const end = (times[count - 1] ?? 0) + interval;
  for (const fill of fills) {
    const index = candleIndexAt(times, fill.time);
    if (index < 0 || fill.time >= end) continue;
    if (fill.side === 'buy') {
      buys[index] = fill.price;
      buyCount++;
    } else {
      sells[index] = fill.price;
      sellCount++;
    }
  }
  return { buys, sells, buyCount, sellCount };
}

// Column order: x, open, high, low, close, indicators…, plots…, levels…, buys, sells.
const OHLC = { open: 1, high: 2, low: 3, close: 4 };

function levelColumn(count: number, value: number | undefined): (number | null)[] {
  return new Array<number | null>(count).fill(value ?? null);
}

const LEVEL_STYLE: Record<LevelKey, (colors: ChartColors) => Partial<uPlot.Series>> = {
  averageEntry: (colors) => ({ stroke: colors.text, dash: [6, 4] }),
  stopLoss: (colors) => ({ stroke: colors.sell, dash: [4, 4] }),
  trailingStop: (colors) => ({ stroke: colors.warning, dash: [2, 3] }),
  takeProfit: (colors) => ({ stroke: colors.buy, dash: [4, 4] }),
};

type SeriesValue = (chart: uPlot, value: number | null | undefined) => string;

function markerSeries(
  label: string,
  color: string,
  direction: 'up' | 'down',
  priceValue: SeriesValue,
): uPlot.Series {
  return {
    label,
    stroke: color,
    paths: () => null,
    points: { show: true, size: 10, fill: color, stroke: color, paths: trianglePoints(direction) },
    value: priceValue,
  };
}

export function PriceChart(props: {
  symbol: string;
  candles: readonly Candle[];
  fills: readonly Fill[];
  /** Indicators to draw (fixed for the chart's life). */
  indicators: readonly IndicatorSpec[];
  /** What the strategy plotted, drawn over the candles (fixed for the chart's life). */
  plots?: readonly ChartPlot[];
  /** The candles' equity points, which carry the plotted values. */
  plotPoints?: readonly PlottedPoint[];
  levels: PriceLevels;
  /** The market's price step: prices are shown with its decimals (2 without it). */
  priceStep?: number;
}): JSX.Element {
  let container: HTMLDivElement | undefined;
  const price = (value: number | undefined): string => formatPrice(value, props.priceStep);
  const priceValue: SeriesValue = (_chart, value) =>
    value === null || value === undefined ? '—' : price(value);
  const indicators = props.indicators;
  const plots = props.plots ?? [];
  const base = createMemo(() => {
    const candles = props.candles;
    const count = candles.length;
    const xs = new Float64Array(count);
    const times = new Float64Array(count);
    const columns = [0, 1, 2, 3].map(() => new Float64Array(count));
    candles.forEach((candle, index) => {
      times[index] = candle.time;
      xs[index] = candle.time / 1000;
      columns[0]![index] = candle.open;
      columns[1]![index] = candle.high;
      columns[2]![index] = candle.low;
      columns[3]![index] = candle.close;
    });
    return { xs, times, columns, lines: indicatorColumns(indicators, columns[3]!) };
  });
  const markers = createMemo(() => markerColumns(base().times, props.fills));
  const plotted = createMemo(() => plotColumns(plots, base().times, props.plotPoints ?? []));
  const data = createMemo((): uPlot.AlignedData => {
    const { xs, columns, lines } = base();
    const levels = props.levels;
    return [
      xs,
      ...columns,
      ...lines,
      ...plotted(),
      ...LEVEL_KEYS.map((key) => levelColumn(xs.length, levels[key])),
      markers().buys,
      markers().sells,
    ];
  });

  createChart(() => container, {
    height: 300,
    data,
    options: (colors) => ({
      scales: { x: { time: true } },
      axes: themedAxes(colors, stepToDecimals(props.priceStep) ?? 2),
      cursor: { drag: { x: true, y: false } },
      legend: { live: true },
      plugins: [candlestickPlugin(OHLC, { up: colors.buy, down: colors.sell })],
      series: [
        {},
        ...(['Open', 'High', 'Low', 'Close'] as const).map((label): uPlot.Series => ({
          label,
          stroke: label === 'Close' ? colors.line : colors.text,
          paths: () => null,
          points: { show: false },
          value: priceValue,
        })),
        ...indicators.map((indicator, index): uPlot.Series => ({
          label: indicator.label,
          stroke: index === 0 ? colors.accent : colors.warning,
          width: 1.5,
          points: { show: false },
          value: priceValue,
        })),
        ...plotSeries(plots, colors, priceValue),
        ...LEVEL_KEYS.map((key): uPlot.Series => ({
          label: LEVEL_LABELS[key],
          width: 1.25,
          points: { show: false },
          value: priceValue,
          ...LEVEL_STYLE[key](colors),
        })),
        markerSeries('Buy', colors.buy, 'up', priceValue),
        markerSeries('Sell', colors.sell, 'down', priceValue),
      ],
    }),
  });

  const summary = (): string => {
    const candles = props.candles;
    const first = candles[0];
    const last = candles[candles.length - 1];
    if (!first || !last) return `Candlestick chart of ${props.symbol}: no candles yet.`;
    const levels = LEVEL_KEYS.filter((key) => props.levels[key] !== undefined).map(
      (key) => `${LEVEL_LABELS[key].toLowerCase()} ${price(props.levels[key])}`,
    );
    const drawn = [...indicators, ...plots].map((indicator) => indicator.label);
    return (
      `Candlestick chart of ${props.symbol}: ${candles.length} candles from ` +
      `${formatDateTime(first.time)} to ${formatDateTime(last.time)}, last close ` +
      `${price(last.close)}; ${markers().buyCount} buys and ${markers().sellCount} sells marked` +
      (drawn.length > 0 ? `; indicators ${drawn.join(', ')}` : '') +
      (levels.length > 0 ? `; ${levels.join(', ')}` : '') +
      '.'
    );
  };

  return <div class="chart" role="img" aria-label={summary()} ref={container} />;
}
