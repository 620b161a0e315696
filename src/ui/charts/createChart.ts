/**
 * A uPlot chart bound to a container: built on mount (and rebuilt when the theme changes),
 * fed one `setData` per data change inside `batch`, resized with its container through a
 * ResizeObserver, and destroyed on cleanup.
 */
import { createEffect, onCleanup, on, type Accessor } from 'solid-js';
import uPlot from 'uplot';
import { resolvedTheme } from '../theme';
import { readChartColors, type ChartColors } from './chartTheme';

export interface ChartSpec {
  height: number;
  /** Options without size, built from the current theme colours. */
  options: (colors: ChartColors) => Omit<uPlot.Options, 'width' | 'height'>;
  data: Accessor<uPlot.AlignedData>;
}

export function createChart(container: () => HTMLElement | undefined, spec: ChartSpec): void {
  let chart: uPlot | undefined;

  const size = (element: HTMLElement): { width: number; height: number } => ({
    width: Math.max(element.clientWidth, 200),
    height: spec.height,
  });

  // Rebuild with fresh colours when the theme changes; data is passed along.
  createEffect(
    on(resolvedTheme, () => {
      const element = container();
      if (!element) return;
      chart?.destroy();
      const options = { ...spec.options(readChartColors()), ...size(element) };
      chart = new uPlot(options, spec.data(), element);
    }),
  );

  createEffect(
    on(
      spec.data,
      (data) => {
        const current = chart;
        if (!current) return;
        current.batch(() => current.setData(data));
      },
      { defer: true },
    ),
  );

  let frame = 0;
  const observer = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const element = container();
      if (chart && element && element.clientWidth !== chart.width) chart.setSize(size(element));
    });
  });
  createEffect(() => {
    const element = container();
    if (element) observer.observe(element);
  });

  onCleanup(() => {
    cancelAnimationFrame(frame);
    observer.disconnect();
    chart?.destroy();
    chart = undefined;
  });
}
