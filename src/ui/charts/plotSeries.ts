/**
 * uPlot series for what a strategy plotted: band edges dashed in the accent colour, other
 * lines in turn in the warning, line and text colours, so upper/lower bands read as one band
 * and a middle line stands out.
 */
import type uPlot from 'uplot';
import type { ChartPlot } from './chartOverlays';
import type { ChartColors } from './chartTheme';

type SeriesValue = (chart: uPlot, value: number | null | undefined) => string;

/** One series per plot, in the order of the plots (= of their data columns). */
export function plotSeries(
  plots: readonly ChartPlot[],
  colors: ChartColors,
  value: SeriesValue,
): uPlot.Series[] {
  const lineColors = [colors.warning, colors.line, colors.text];
  let lineIndex = 0;
  return plots.map((plot): uPlot.Series => {
    const isBand = plot.style === 'band';
    const stroke = isBand ? colors.accent : (lineColors[lineIndex++ % lineColors.length] as string);
    return {
      label: plot.label,
      stroke,
      width: isBand ? 1.25 : 1.5,
      ...(isBand ? { dash: [5, 4] } : {}),
      points: { show: false },
      value,
    };
  });
}
