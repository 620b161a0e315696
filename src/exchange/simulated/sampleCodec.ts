/**
 * The "FLC1" candle-sample format the simulator replays (public/sample/*.bin, written by
 * scripts/build-sample.mjs — keep the two in step). Pure, no I/O.
 *
 * Little-endian header of 28 bytes: "FLC1", uint32 count, float64 first open time (UTC ms),
 * uint32 interval ms, uint32 price scale, uint32 volume scale. Then per candle five LEB128
 * varints of scaled integers: zigzag(open - previous close), zigzag(close - open),
 * high - max(open, close), min(open, close) - low, volume. Candles are contiguous, so times are
 * implied. Dividing the integers by the scale gives exactly the doubles the CSV's decimals parse to.
 */
import type { Candle } from '../../core/market/candle';

const MAGIC = [0x46, 0x4c, 0x43, 0x31]; // "FLC1"
const HEADER_BYTES = 28;

export interface SampleEncoding {
  /** Integer units per price unit; 100 for prices with 2 decimals. */
  priceScale: number;
  /** Integer units per volume unit; 1e6 for volumes with 6 decimals. */
  volumeScale: number;
  /** Candle spacing in ms. */
  intervalMs: number;
}

const DEFAULT_ENCODING: SampleEncoding = {
  priceScale: 100,
  volumeScale: 1_000_000,
  intervalMs: 60_000,
};

const zigzag = (value: number): number => (value >= 0 ? value * 2 : -value * 2 - 1);
const unzigzag = (value: number): number => (value % 2 === 0 ? value / 2 : -(value + 1) / 2);

/** Decodes an FLC1 sample into contiguous candles. Throws on a malformed or truncated file. */
export function decodeSample(data: ArrayBuffer | Uint8Array): Candle[] {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length < HEADER_BYTES || MAGIC.some((byte, index) => bytes[index] !== byte)) {
    throw new Error('Not an FLC1 candle sample');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(4, true);
  const start = view.getFloat64(8, true);
  const interval = view.getUint32(16, true);
  const priceScale = view.getUint32(20, true);
  const volumeScale = view.getUint32(24, true);

  let offset = HEADER_BYTES;
  const readVarint = (): number => {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = bytes[offset++];
      if (byte === undefined) throw new Error('Truncated FLC1 candle sample');
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
  };

  const candles: Candle[] = new Array<Candle>(count);
  let previousClose = 0;
  for (let index = 0; index < count; index++) {
    const open = previousClose + unzigzag(readVarint());
    const close = open + unzigzag(readVarint());
    const high = Math.max(open, close) + readVarint();
    const low = Math.min(open, close) - readVarint();
    candles[index] = {
      time: start + index * interval,
      open: open / priceScale,
      high: high / priceScale,
      low: low / priceScale,
      close: close / priceScale,
      volume: readVarint() / volumeScale,
    };
    previousClose = close;
  }
  return candles;
}

/**
 * Encodes contiguous candles (equal spacing) as FLC1. Prices and volumes must be multiples of
 * 1 / scale; the encoder throws rather than round.
 */
export function encodeSample(
  candles: readonly Candle[],
  encoding: SampleEncoding = DEFAULT_ENCODING,
): Uint8Array {
  const first = candles[0];
  if (!first) throw new Error('Cannot encode an empty sample');
  const interval = encoding.intervalMs;
  const body: number[] = [];
  const writeVarint = (value: number): void => {
    let rest = value;
    while (rest >= 0x80) {
      body.push((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    body.push(rest);
  };
  const units = (value: number, scale: number): number => {
    const scaled = Math.round(value * scale);
    if (scaled / scale !== value || !Number.isSafeInteger(scaled)) {
      throw new Error(`${value} is not a multiple of 1/${scale}`);
    }
    return scaled;
  };

  let previousClose = 0;
  candles.forEach((candle, index) => {
    if (candle.time !== first.time + index * interval) throw new Error(`Gap at candle ${index}`);
    const open = units(candle.open, encoding.priceScale);
    const close = units(candle.close, encoding.priceScale);
    const high = units(candle.high, encoding.priceScale) - Math.max(open, close);
    const low = Math.min(open, close) - units(candle.low, encoding.priceScale);
    if (high < 0 || low < 0) throw new Error(`Candle ${index}: high/low do not bound open/close`);
    writeVarint(zigzag(open - previousClose));
    writeVarint(zigzag(close - open));
    writeVarint(high);
    writeVarint(low);
    writeVarint(units(candle.volume, encoding.volumeScale));
    previousClose = close;
  });

  const bytes = new Uint8Array(HEADER_BYTES + body.length);
  const view = new DataView(bytes.buffer);
  bytes.set(MAGIC, 0);
  view.setUint32(4, candles.length, true);
  view.setFloat64(8, first.time, true);
  view.setUint32(16, interval, true);
  view.setUint32(20, encoding.priceScale, true);
  view.setUint32(24, encoding.volumeScale, true);
  bytes.set(body, HEADER_BYTES);
  return bytes;
}
