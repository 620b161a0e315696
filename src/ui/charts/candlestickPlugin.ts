/**
 * A uPlot plugin that draws OHLC candles (a wick from low to high, a body from open to close)
 * in the draw hook, from the chart's own data columns. Up candles use `up`, down candles
 * `down`; the body is hollow-free and at least one device pixel wide. Only the visible range
 * is drawn, so a pan or zoom costs what it shows.
 */
import type uPlot from 'uplot';

export interface CandleColumns {
  open: number;
  high: number;
  low: number;
  close: number;
}

const isNumber = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** Share of the space between two candles the body takes. */
const BODY_RATIO = 0.7;

export function candlestickPlugin(
  columns: CandleColumns,
  colors: { up: string; down: string },
): uPlot.Plugin {
  return {
    hooks: {
      // Before the series: indicator lines, level lines and trade markers draw over the candles.
      drawAxes: (chart) => {
        const xs = chart.data[0];
        const opens = chart.data[columns.open];
        const highs = chart.data[columns.high];
        const lows = chart.data[columns.low];
        const closes = chart.data[columns.close];
        if (!opens || !highs || !lows || !closes || xs.length === 0) return;
        const [first, last] = chart.series[0]?.idxs ?? [0, xs.length - 1];
        const visible = Math.max(1, last - first + 1);
        const ratio = chart.bbox.width / visible;
        const body = Math.max(1, Math.floor(ratio * BODY_RATIO));
        const wick = Math.max(1, Math.floor(devicePixelRatio));
        const ctx = chart.ctx;
        ctx.save();
        ctx.beginPath();
        ctx.rect(chart.bbox.left, chart.bbox.top, chart.bbox.width, chart.bbox.height);
        ctx.clip();
        for (let index = first; index <= last; index++) {
          const x = xs[index];
          const open = opens[index];
          const high = highs[index];
          const low = lows[index];
          const close = closes[index];
          if (!isNumber(x) || !isNumber(open) || !isNumber(high) || !isNumber(low)) continue;
          if (!isNumber(close)) continue;
          const cx = Math.round(chart.valToPos(x, 'x', true));
          const top = chart.valToPos(high, 'y', true);
          const bottom = chart.valToPos(low, 'y', true);
          const openY = chart.valToPos(open, 'y', true);
          const closeY = chart.valToPos(close, 'y', true);
          ctx.fillStyle = close >= open ? colors.up : colors.down;
          ctx.fillRect(cx - Math.floor(wick / 2), top, wick, Math.max(1, bottom - top));
          ctx.fillRect(
            cx - Math.floor(body / 2),
            Math.min(openY, closeY),
            body,
            Math.max(1, Math.abs(closeY - openY)),
          );
        }
        ctx.restore();
      },
    },
  };
}
