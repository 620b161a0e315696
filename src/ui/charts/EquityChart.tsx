/** A bot's equity curve (quote currency) from its stored equity points. x in seconds. */
import { createMemo, type JSX } from 'solid-js';
import type uPlot from 'uplot';
import type { EquityPoint } from '../../core/bot/types';
import { formatAmount, formatDateTime } from '../format';
import { createChart } from './createChart';
import { themedAxes } from './chartTheme';

function buildData(points: readonly EquityPoint[]): uPlot.AlignedData {
  const xs = new Float64Array(points.length);
  const equity = new Float64Array(points.length);
  points.forEach((point, index) => {
    xs[index] = point.time / 1000;
    equity[index] = point.equity;
  });
  return [xs, equity];
}

export function EquityChart(props: { points: readonly EquityPoint[]; quote: string }): JSX.Element {
  let container: HTMLDivElement | undefined;
  const data = createMemo(() => buildData(props.points));

  createChart(() => container, {
    height: 200,
    data,
    options: (colors) => ({
      scales: { x: { time: true } },
      axes: themedAxes(colors, 2),
      cursor: { drag: { x: true, y: false } },
      legend: { live: true },
      series: [
        {},
        {
          label: `Equity (${props.quote})`,
          stroke: colors.line,
          fill: colors.lineFill,
          width: 1.5,
          value: (_u, v) => formatAmount(v, props.quote),
        },
      ],
    }),
  });

  const summary = (): string => {
    const first = props.points[0];
    const last = props.points[props.points.length - 1];
    if (!first || !last) return 'Equity chart: no equity recorded yet.';
    return (
      `Equity chart: ${props.points.length} points from ${formatDateTime(first.time)} to ` +
      `${formatDateTime(last.time)}, from ${formatAmount(first.equity, props.quote)} to ` +
      `${formatAmount(last.equity, props.quote)}.`
    );
  };

  return <div class="chart" role="img" aria-label={summary()} ref={container} />;
}
