/**
 * Decimation of long series for display only (metrics always use every point): the x range is
 * cut into `buckets` equal slices of points (about one per pixel) and each slice keeps its
 * lowest and highest point in time order, so spikes and dips stay visible; the first and last
 * points are always kept. Typed arrays in, typed arrays out.
 */

export interface Series {
  xs: Float64Array;
  ys: Float64Array;
}

/**
 * At most 2 × `buckets` + 2 points of (xs, ys) that keep every bucket's extremes.
 *
 * @example
 * const shown = decimateMinMax(times, equity, chartWidthPx); // then uPlot.setData
 */
export function decimateMinMax(xs: Float64Array, ys: Float64Array, buckets: number): Series {
  const count = Math.min(xs.length, ys.length);
  const bucketCount = Math.max(1, Math.floor(buckets));
  if (count <= bucketCount * 2 + 2) return { xs: xs.slice(0, count), ys: ys.slice(0, count) };
  const outX = new Float64Array(bucketCount * 2 + 2);
  const outY = new Float64Array(bucketCount * 2 + 2);
  let kept = 0;
  const keep = (index: number) => {
    outX[kept] = xs[index] as number;
    outY[kept] = ys[index] as number;
    kept++;
  };
  keep(0);
  const inner = count - 2;
  for (let bucket = 0; bucket < bucketCount; bucket++) {
    const from = 1 + Math.floor((bucket * inner) / bucketCount);
    const to = 1 + Math.floor(((bucket + 1) * inner) / bucketCount);
    if (to <= from) continue;
    let low = from;
    let high = from;
    for (let index = from + 1; index < to; index++) {
      const value = ys[index] as number;
      if (value < (ys[low] as number)) low = index;
      if (value > (ys[high] as number)) high = index;
    }
    if (low === high) keep(low);
    else {
      keep(Math.min(low, high));
      keep(Math.max(low, high));
    }
  }
  keep(count - 1);
  return { xs: outX.slice(0, kept), ys: outY.slice(0, kept) };
}
