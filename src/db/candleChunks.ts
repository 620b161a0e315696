/**
 * Packs candles into the columnar chunks the candle store keeps (see CandleChunkRow) and back.
 * Columnar Float64Arrays clone into IndexedDB as one buffer each: far cheaper to write and read
 * than a million small objects.
 */
import type { Candle } from '../core/market/candle';
import type { CandleChunkRow } from './schema';

/** Candles per chunk: ~480 KB a value, small enough to write in one go, few enough reads. */
export const CHUNK_SIZE = 10_000;
const COLUMNS = 6;

/** Splits `candles` (time order) into chunk rows of `datasetId`. */
export function packChunks(
  datasetId: string,
  candles: readonly Candle[],
  size = CHUNK_SIZE,
): CandleChunkRow[] {
  const chunks: CandleChunkRow[] = [];
  for (let start = 0, index = 0; start < candles.length; start += size, index++) {
    const count = Math.min(size, candles.length - start);
    const columns = new Float64Array(count * COLUMNS);
    for (let i = 0; i < count; i++) {
      const candle = candles[start + i] as Candle;
      columns[i] = candle.time;
      columns[count + i] = candle.open;
      columns[2 * count + i] = candle.high;
      columns[3 * count + i] = candle.low;
      columns[4 * count + i] = candle.close;
      columns[5 * count + i] = candle.volume;
    }
    chunks.push({
      datasetId,
      index,
      count,
      firstTime: (candles[start] as Candle).time,
      lastTime: (candles[start + count - 1] as Candle).time,
      columns,
    });
  }
  return chunks;
}

/** Appends the candles of `chunk` with `from <= time <= to` to `out`. */
export function unpackChunk(
  chunk: CandleChunkRow,
  out: Candle[],
  from = -Infinity,
  to = Infinity,
): void {
  const { count, columns } = chunk;
  for (let i = 0; i < count; i++) {
    const time = columns[i] as number;
    if (time < from || time > to) continue;
    out.push({
      time,
      open: columns[count + i] as number,
      high: columns[2 * count + i] as number,
      low: columns[3 * count + i] as number,
      close: columns[4 * count + i] as number,
      volume: columns[5 * count + i] as number,
    });
  }
}
