/**
 * A template preview's small equity curve (uPlot): [seconds, equity] points, no cursor or
 * legend; a text summary (start, end, return) names it for assistive technology.
 */
import { createMemo, type JSX } from 'solid-js';
import type uPlot from 'uplot';
import { formatAmount, formatDateTime, formatPercent } from '../format';
import { themedAxes } from './chartTheme';
import { createChart } from './createChart';

function buildData(points: readonly [number, number][]): uPlot.AlignedData {
  return [
    Float64Array.from(points, ([time]) => time),
    Float64Array.from(points, ([, equity]) => equity),
  ];
}

export function PreviewChart(props: {
  points: readonly [number, number][];
  quote: string;
  /** What the chart shows, e.g. "SMA crossover preview". */
  title: string;
}): JSX.Element {
  let container: HTMLDivElement | undefined;
  const data = createMemo(() => buildData(props.points));

  createChart(() => container, {
    height: 140,
    data,
    options: (colors) => ({
      scales: { x: { time: true } },
      axes: themedAxes(colors, 0),
      cursor: { show: false },
      legend: { show: false },
      series: [
        {},
        {
          label: `Equity (${props.quote})`,
          stroke: colors.line,
          fill: colors.lineFill,
          width: 1.5,
        },
      ],
    }),
  });

  const summary = (): string => {
    const first = props.points[0];
    const last = props.points[props.points.length - 1];
    if (!first || !last) return `${props.title}: no equity recorded.`;
    return (
      `${props.title}: equity from ${formatAmount(first[1], props.quote)} on ` +
      `${formatDateTime(first[0] * 1000)} to ${formatAmount(last[1], props.quote)} on ` +
      `${formatDateTime(last[0] * 1000)} (${formatPercent(last[1] / first[1] - 1)}).`
    );
  };

  return <div class="chart chart-small" role="img" aria-label={summary()} ref={container} />;
}
