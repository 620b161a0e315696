/**
 * A bot's equity trend as a tiny inline SVG polyline (cheap for 100 rows: one element, no
 * canvas), coloured by direction, with an aria-label that says the trend in words.
 */
import { createMemo, type JSX } from 'solid-js';
import { formatPercent, trend } from '../format';
import { describeTrend, sparklinePoints, type SparkPoint } from '../sparkline';

const WIDTH = 64;
const HEIGHT = 24;

export function Sparkline(props: { points: readonly SparkPoint[] }): JSX.Element {
  const line = createMemo(() =>
    sparklinePoints(
      props.points.map((point) => point.equity),
      WIDTH,
      HEIGHT,
    ),
  );
  const direction = createMemo(() => {
    const first = props.points[0];
    const last = props.points[props.points.length - 1];
    return trend(first && last ? last.equity - first.equity : 0);
  });
  return (
    <svg
      class="sparkline"
      data-trend={direction()}
      role="img"
      aria-label={describeTrend(props.points, (ratio) => formatPercent(ratio).replace(/^\+/, ''))}
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
    >
      <polyline points={line()} fill="none" stroke="currentColor" stroke-width="1.5" />
    </svg>
  );
}
