/**
 * The pane under a bot's price chart for what the strategy plots on a scale of its own (RSI,
 * MACD): one line per plot over the same candles, x in seconds, one setData per change.
 */
import { createMemo, type JSX } from 'solid-js';
import type uPlot from 'uplot';
import type { Candle } from '../../core/market/candle';
import { formatDateTime, formatNumber } from '../format';
import { plotColumns, type ChartPlot, type PlottedPoint } from './chartOverlays';
import { createChart } from './createChart';
import { themedAxes } from './chartTheme';
import { plotSeries } from './plotSeries';

const value = (_chart: uPlot, v: number | null | undefined): string =>
  v === null || v === undefined ? '—' : formatNumber(v, 2);

/** The last value of each column, for the text alternative. */
function lastValues(plots: readonly ChartPlot[], columns: (number | null)[][]): string[] {
  return plots.flatMap((plot, index) => {
    const column = columns[index] ?? [];
    for (let at = column.length - 1; at >= 0; at--) {
      const last = column[at];
      if (last !== null && last !== undefined) return [`${plot.label} ${formatNumber(last, 2)}`];
    }
    return [];
  });
}

export function IndicatorPane(props: {
  /** Plots of the lower pane (fixed for the pane's life). */
  plots: readonly ChartPlot[];
  candles: readonly Candle[];
  plotPoints: readonly PlottedPoint[];
}): JSX.Element {
  let container: HTMLDivElement | undefined;
  const plots = props.plots;
  const columns = createMemo(() => {
    const times = props.candles.map((candle) => candle.time);
    return { times, lines: plotColumns(plots, times, props.plotPoints) };
  });
  const data = createMemo((): uPlot.AlignedData => {
    const { times, lines } = columns();
    return [Float64Array.from(times, (time) => time / 1000), ...lines];
  });
  createChart(() => container, {
    height: 140,
    data,
    options: (colors) => ({
      scales: { x: { time: true } },
      axes: themedAxes(colors, 2),
      cursor: { drag: { x: true, y: false } },
      legend: { live: true },
      series: [{}, ...plotSeries(plots, colors, value)],
    }),
  });
  const summary = (): string => {
    const last = props.candles[props.candles.length - 1];
    const values = lastValues(plots, columns().lines);
    const names = plots.map((plot) => plot.label).join(', ');
    if (!last || values.length === 0) return `Indicator pane (${names}): nothing plotted yet.`;
    return `Indicator pane (${names}) at ${formatDateTime(last.time)}: ${values.join(', ')}.`;
  };
  return <div class="chart chart-pane" role="img" aria-label={summary()} ref={container} />;
}
