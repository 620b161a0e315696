#!/usr/bin/env node
// Builds the market-data sample the built-in simulated exchange replays (public/sample/).
//
// Source: real Binance.US 1-minute spot candles, 2023-03-01 00:00 to 2023-03-21 23:59 UTC,
// 30,240 rows per pair, no gaps (see /work/shared/data/README.md; originally from the public
// repository cl8550-crypto/iaqf_analysis, data/binance/raw/):
//   binanceus-BTCUSDT-1m-2023-03-01_21.csv -> public/sample/BTC-USDT-1m.bin
//   binanceus-BTCUSDC-1m-2023-03-01_21.csv -> public/sample/BTC-USDC-1m.bin
// plus public/sample/index.json listing symbol, file, start time and count.
//
// Usage: node scripts/build-sample.mjs [source-dir]   (default /work/shared/data)
//
// Format "FLC1" (decoded by src/exchange/simulated/sampleCodec.ts; keep the two in step).
// Little-endian header of 28 bytes:
//   0  "FLC1" magic        4  uint32 candle count     8  float64 first open time (UTC ms)
//   16 uint32 interval ms  20 uint32 price scale (100) 24 uint32 volume scale (1e6)
// then, per candle, five LEB128 varints of integers (prices in cents, volume in 1e-6 BTC):
//   zigzag(open - previous close)   (previous close of the first candle is 0)
//   zigzag(close - open)
//   high - max(open, close)         (never negative)
//   min(open, close) - low          (never negative)
//   volume
// Candles are contiguous (time = start + i * interval), so times are not stored. The encoding is
// lossless at the data's precision (2 decimals of price, 6 of volume): the decoder's
// `cents / 100` is the same double that parsing the CSV's decimal string gives.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SOURCE_DIR = process.argv[2] ?? '/work/shared/data';
const OUT_DIR = new URL('../public/sample/', import.meta.url);
const PAIRS = [
  { symbol: 'BTC/USDT', csv: 'binanceus-BTCUSDT-1m-2023-03-01_21.csv', file: 'BTC-USDT-1m.bin' },
  { symbol: 'BTC/USDC', csv: 'binanceus-BTCUSDC-1m-2023-03-01_21.csv', file: 'BTC-USDC-1m.bin' },
];
const INTERVAL_MS = 60_000;
const PRICE_DECIMALS = 2;
const VOLUME_DECIMALS = 6;
const HEADER_BYTES = 28;

/**
 * Parses a non-negative decimal string (the CSV has a few like "5.4e-05") into an exact integer
 * of 10^-decimals units, by moving digits rather than through floating point.
 */
function toUnits(text, decimals) {
  const match = /^(\d+)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text.trim());
  if (!match) throw new Error(`Not a non-negative decimal: "${text}"`);
  const digits = match[1] + (match[2] ?? '');
  const shift = decimals - (match[2] ?? '').length + Number(match[3] ?? 0);
  if (shift < 0 && /[^0]/.test(digits.slice(shift))) {
    throw new Error(`"${text}" has more than ${decimals} decimals`);
  }
  const units = Number(shift >= 0 ? digits + '0'.repeat(shift) : digits.slice(0, shift) || '0');
  if (!Number.isSafeInteger(units)) throw new Error(`"${text}" is too large`);
  return units;
}

function parseCsv(text) {
  const lines = text.trim().split(/\r?\n/);
  if (lines[0] !== 'open_time,open,high,low,close,volume') {
    throw new Error(`Unexpected header: ${lines[0]}`);
  }
  return lines.slice(1).map((line, row) => {
    const [time, open, high, low, close, volume] = line.split(',');
    const candle = {
      time: Date.parse(time.replace(' ', 'T')),
      open: toUnits(open, PRICE_DECIMALS),
      high: toUnits(high, PRICE_DECIMALS),
      low: toUnits(low, PRICE_DECIMALS),
      close: toUnits(close, PRICE_DECIMALS),
      volume: toUnits(volume, VOLUME_DECIMALS),
      text: { open, high, low, close, volume },
    };
    if (Number.isNaN(candle.time)) throw new Error(`Row ${row + 2}: bad time "${time}"`);
    if (
      candle.low > Math.min(candle.open, candle.close) ||
      candle.high < Math.max(candle.open, candle.close)
    ) {
      throw new Error(`Row ${row + 2}: low/high do not bound open/close`);
    }
    return candle;
  });
}

function writeVarint(out, value) {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`Bad varint ${value}`);
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
}

const zigzag = (value) => (value >= 0 ? value * 2 : -value * 2 - 1);

function encode(candles) {
  const body = [];
  let previousClose = 0;
  candles.forEach((candle, index) => {
    if (candle.time !== candles[0].time + index * INTERVAL_MS) {
      throw new Error(`Gap or disorder at row ${index + 2}`);
    }
    writeVarint(body, zigzag(candle.open - previousClose));
    writeVarint(body, zigzag(candle.close - candle.open));
    writeVarint(body, candle.high - Math.max(candle.open, candle.close));
    writeVarint(body, Math.min(candle.open, candle.close) - candle.low);
    writeVarint(body, candle.volume);
    previousClose = candle.close;
  });
  const bytes = new Uint8Array(HEADER_BYTES + body.length);
  const view = new DataView(bytes.buffer);
  bytes.set([0x46, 0x4c, 0x43, 0x31], 0); // "FLC1"
  view.setUint32(4, candles.length, true);
  view.setFloat64(8, candles[0].time, true);
  view.setUint32(16, INTERVAL_MS, true);
  view.setUint32(20, 10 ** PRICE_DECIMALS, true);
  view.setUint32(24, 10 ** VOLUME_DECIMALS, true);
  bytes.set(body, HEADER_BYTES);
  return bytes;
}

/** Decodes again and compares with the CSV's own decimal strings: proves the file lossless. */
function verify(bytes, candles) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = HEADER_BYTES;
  const readVarint = () => {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = bytes[offset++];
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
  };
  const unzigzag = (value) => (value % 2 === 0 ? value / 2 : -(value + 1) / 2);
  let previousClose = 0;
  for (let index = 0; index < view.getUint32(4, true); index++) {
    const open = previousClose + unzigzag(readVarint());
    const close = open + unzigzag(readVarint());
    const high = Math.max(open, close) + readVarint();
    const low = Math.min(open, close) - readVarint();
    const volume = readVarint();
    const { text } = candles[index];
    const same =
      open / 100 === Number(text.open) &&
      high / 100 === Number(text.high) &&
      low / 100 === Number(text.low) &&
      close / 100 === Number(text.close) &&
      volume / 1e6 === Number(text.volume);
    if (!same) throw new Error(`Round trip differs at row ${index + 2}`);
    previousClose = close;
  }
}

mkdirSync(OUT_DIR, { recursive: true });
const index = {
  format: 'FLC1',
  source:
    'Binance.US public 1m klines, 2023-03-01..21 UTC (via github.com/cl8550-crypto/iaqf_analysis)',
  timeframe: '1m',
  samples: [],
};
for (const pair of PAIRS) {
  const candles = parseCsv(readFileSync(join(SOURCE_DIR, pair.csv), 'utf8'));
  const bytes = encode(candles);
  verify(bytes, candles);
  writeFileSync(new URL(pair.file, OUT_DIR), bytes);
  index.samples.push({
    symbol: pair.symbol,
    file: pair.file,
    start: candles[0].time,
    count: candles.length,
    bytes: bytes.length,
  });
  console.warn(`${pair.symbol}: ${candles.length} candles -> ${pair.file} (${bytes.length} bytes)`);
}
writeFileSync(new URL('index.json', OUT_DIR), `${JSON.stringify(index, null, 2)}\n`);
