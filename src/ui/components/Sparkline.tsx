/**
 * A bot's equity trend as a tiny inline SVG polyline (cheap for 100 rows: one element, no
 * canvas), coloured by direction, with an aria-label that says the trend in words. Off screen
 * (`isVisible` false) only the words follow new points: the line is redrawn when it comes into
 * view, so a refresh of 100 sparklines does not repaint the rows nobody sees.
 */
import { createMemo, type Accessor, type JSX } from 'solid-js';
import { formatPercent, trend } from '../format';
import { describeTrend, sparklinePoints, type SparkPoint } from '../sparkline';
import { whileVisible } from '../visibility';

const WIDTH = 64;
const HEIGHT = 24;

export function Sparkline(props: {
  points: readonly SparkPoint[];
  isVisible?: Accessor<boolean>;
}): JSX.Element {
  const isVisible = (): boolean => props.isVisible?.() ?? true;
  const line = createMemo(
    whileVisible(isVisible, () =>
      sparklinePoints(
        props.points.map((point) => point.equity),
        WIDTH,
        HEIGHT,
      ),
    ),
  );
  const direction = createMemo(
    whileVisible(isVisible, () => {
      const first = props.points[0];
      const last = props.points[props.points.length - 1];
      return trend(first && last ? last.equity - first.equity : 0);
    }),
  );
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
