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
  accent: string;
  warning: string;
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
    accent: cssVar('--accent', '#6366f1'),
    warning: cssVar('--warning', '#f59e0b'),
  };
}

/** Decimals that resolve ticks `increment` apart, capped by `maxDecimals`. */
function tickDecimals(increment: number, maxDecimals: number): number {
  if (!(increment > 0) || increment >= 1) return 0;
  return Math.min(maxDecimals, Math.ceil(-Math.log10(increment) - 1e-9));
}

/** Approximate width of an axis label character (12 px system font digits) in CSS pixels. */
const AXIS_CHAR_WIDTH = 7.5;
/** Room for the tick marks and a gap beside the labels. */
const AXIS_PADDING = 22;

/** A time x axis and a value y axis (up to `maxDecimals`) in the theme's colours. */
export function themedAxes(colors: ChartColors, maxDecimals: number): uPlot.Axis[] {
  const grid = { stroke: colors.grid, width: 1 };
  const ticks = { stroke: colors.grid, width: 1 };
  return [
    { stroke: colors.text, grid, ticks },
    {
      stroke: colors.text,
      grid,
      ticks,
      // Sized to the longest label so large prices (e.g. 23,700) are never clipped.
      size: (_chart, values) => {
        const longest = (values ?? []).reduce((max, value) => Math.max(max, value.length), 4);
        return Math.ceil(longest * AXIS_CHAR_WIDTH) + AXIS_PADDING;
      },
      values: (_chart, splits, _axis, _space, increment) =>
        splits.map((value) => formatNumber(value, tickDecimals(increment, maxDecimals))),
    },
  ];
}
