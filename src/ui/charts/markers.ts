/**
 * Trade markers for uPlot: a points path builder drawing triangles — up (below the price) for
 * buys, down (above it) for sells — so the marker's shape, not only its colour, tells the side.
 */
import uPlot from 'uplot';

/** Gap between the price and the marker's tip, in CSS pixels. */
const TIP_GAP = 2;

export function trianglePoints(direction: 'up' | 'down'): uPlot.Series.Points.PathBuilder {
  return (chart, seriesIndex, firstIndex, lastIndex) => {
    const xs = chart.data[0];
    const ys = chart.data[seriesIndex];
    const series = chart.series[seriesIndex];
    const size = (series?.points?.size ?? 10) * uPlot.pxRatio;
    const half = size / 2;
    const gap = TIP_GAP * uPlot.pxRatio;
    const sign = direction === 'up' ? 1 : -1;
    const shapes = new Path2D();
    if (!ys) return { fill: shapes, stroke: shapes };
    for (let index = firstIndex; index <= lastIndex; index++) {
      const x = xs[index];
      const y = ys[index];
      if (x === undefined || y === null || y === undefined) continue;
      const cx = chart.valToPos(x, 'x', true);
      const tip = chart.valToPos(y, series?.scale ?? 'y', true) + sign * gap;
      const base = tip + sign * size;
      shapes.moveTo(cx, tip);
      shapes.lineTo(cx - half, base);
      shapes.lineTo(cx + half, base);
      shapes.closePath();
    }
    const { left, top, width, height } = chart.bbox;
    const clip = new Path2D();
    clip.rect(left - size, top - size, width + size * 2, height + size * 2);
    return { fill: shapes, stroke: shapes, clip, flags: 0 };
  };
}
