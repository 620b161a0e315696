/**
 * Chart colours and axes from the CSS theme variables (so charts follow dark/light), and
 * locale-formatted value axes. Read when a chart is (re)built.
 */
import type uPlot from 'uplot';
import { formatNumber } from '../format';

export interface ChartColors {
  text: string;
  grid: string;
  line: string;
  lineFill: string;
  buy: string;
  sell: string;
}

function cssVar(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

export function readChartColors(): ChartColors {
  return {
    text: cssVar('--text-muted', '#94a3b8'),
    grid: cssVar('--chart-grid', 'rgba(148, 163, 184, 0.15)'),
    line: cssVar('--chart-line', '#38bdf8'),
    lineFill: cssVar('--chart-fill', 'rgba(56, 189, 248, 0.12)'),
    buy: cssVar('--positive', '#22c55e'),
    sell: cssVar('--negative', '#ef4444'),
  };
}

/** A time x axis and a value y axis (with `decimals`) in the theme's colours. */
export function themedAxes(colors: ChartColors, decimals: number): uPlot.Axis[] {
  const grid = { stroke: colors.grid, width: 1 };
  const ticks = { stroke: colors.grid, width: 1 };
  return [
    { stroke: colors.text, grid, ticks },
    {
      stroke: colors.text,
      grid,
      ticks,
      size: 72,
      values: (_chart, splits) => splits.map((value) => formatNumber(value, decimals)),
    },
  ];
}
