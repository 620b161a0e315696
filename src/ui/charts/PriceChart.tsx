/**
 * A bot's price chart: the close of each candle as a line, with buy fills (green, ▲) and sell
 * fills (red, ▼) at their fill price on the candle they fell in. Columnar data, x in seconds.
 */
import { createMemo, type JSX } from 'solid-js';
import type uPlot from 'uplot';
import type { Candle } from '../../core/market/candle';
import type { Fill } from '../../core/portfolio/types';
import { formatDateTime, formatPrice } from '../format';
import { createChart } from './createChart';
import { themedAxes } from './chartTheme';
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

interface PriceSeries {
  data: uPlot.AlignedData;
  buys: number;
  sells: number;
}

function buildSeries(candles: readonly Candle[], fills: readonly Fill[]): PriceSeries {
  const count = candles.length;
  const xs = new Float64Array(count);
  const closes = new Float64Array(count);
  const times = new Float64Array(count);
  candles.forEach((candle, index) => {
    times[index] = candle.time;
    xs[index] = candle.time / 1000;
    closes[index] = candle.close;
  });
  const buys: (number | null)[] = new Array<number | null>(count).fill(null);
  const sells: (number | null)[] = new Array<number | null>(count).fill(null);
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
  return { data: [xs, closes, buys, sells], buys: buyCount, sells: sellCount };
}

export function PriceChart(props: {
  symbol: string;
  candles: readonly Candle[];
  fills: readonly Fill[];
}): JSX.Element {
  let container: HTMLDivElement | undefined;
  const series = createMemo(() => buildSeries(props.candles, props.fills));
  const data = createMemo(() => series().data);

  createChart(() => container, {
    height: 280,
    data,
    options: (colors) => ({
      scales: { x: { time: true } },
      axes: themedAxes(colors, 2),
      cursor: { drag: { x: true, y: false } },
      legend: { live: true },
      series: [
        {},
        {
          label: 'Close',
          stroke: colors.line,
          fill: colors.lineFill,
          width: 1.5,
          value: (_u, v) => formatPrice(v),
        },
        {
          label: 'Buy',
          stroke: colors.buy,
          paths: () => null,
          points: {
            show: true,
            size: 10,
            fill: colors.buy,
            stroke: colors.buy,
            paths: trianglePoints('up'),
          },
          value: (_u, v) => (v === null || v === undefined ? '—' : formatPrice(v)),
        },
        {
          label: 'Sell',
          stroke: colors.sell,
          paths: () => null,
          points: {
            show: true,
            size: 10,
            fill: colors.sell,
            stroke: colors.sell,
            paths: trianglePoints('down'),
          },
          value: (_u, v) => (v === null || v === undefined ? '—' : formatPrice(v)),
        },
      ],
    }),
  });

  const summary = (): string => {
    const candles = props.candles;
    const first = candles[0];
    const last = candles[candles.length - 1];
    if (!first || !last) return `Price chart of ${props.symbol}: no candles yet.`;
    return (
      `Price chart of ${props.symbol}: ${candles.length} candles from ${formatDateTime(first.time)} ` +
      `to ${formatDateTime(last.time)}, last close ${formatPrice(last.close)}; ` +
      `${series().buys} buys and ${series().sells} sells marked.`
    );
  };

  return <div class="chart" role="img" aria-label={summary()} ref={container} />;
}
