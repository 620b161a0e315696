import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeSample, encodeSample } from './sampleCodec';
import { loadSamples } from './sampleLoader';
import type { SampleIndex } from './sampleLoader';
import { SAMPLE_DIR, SAMPLE_START } from './testSupport';

const read = (name: string) => readFileSync(new URL(name, SAMPLE_DIR));

describe('the committed sample', () => {
  const usdt = decodeSample(read('BTC-USDT-1m.bin'));
  const usdc = decodeSample(read('BTC-USDC-1m.bin'));

  it('holds 30,240 contiguous 1m candles per pair', () => {
    for (const candles of [usdt, usdc]) {
      expect(candles).toHaveLength(30_240);
      const misplaced = candles.filter(
        (candle, index) => candle.time !== SAMPLE_START + index * 60_000,
      );
      expect(misplaced).toEqual([]);
    }
  });

  it('decodes to the CSV rows exactly', () => {
    // 2023-03-01 00:00:00+00:00,23140.48,23150.77,23128.52,23142.31,2.131777
    expect(usdt[0]).toEqual({
      time: Date.parse('2023-03-01T00:00:00Z'),
      open: 23140.48,
      high: 23150.77,
      low: 23128.52,
      close: 23142.31,
      volume: 2.131777,
    });
    // 2023-03-21 23:59:00+00:00,28122.53,28123.37,28094.85,28110.26,0.82091
    expect(usdt[30_239]).toEqual({
      time: Date.parse('2023-03-21T23:59:00Z'),
      open: 28122.53,
      high: 28123.37,
      low: 28094.85,
      close: 28110.26,
      volume: 0.82091,
    });
    // CSV rows with volumes in exponent notation:
    // BTCUSDT 2023-03-11 10:14:00+00:00,20081.61,20081.61,20081.61,20081.61,9e-05
    expect(usdt[15_014]).toMatchObject({ open: 20081.61, low: 20081.61, volume: 0.00009 });
    // BTCUSDC 2023-03-01 07:03:00+00:00,23740.0,23740.0,23740.0,23740.0,5.4e-05
    expect(usdc[423]).toMatchObject({ open: 23740, close: 23740, volume: 0.000054 });
    // BTCUSDC: 2023-03-01 00:00:00+00:00,23143.82,23152.65,23140.02,23152.65,0.26395
    expect(usdc[0]).toMatchObject({
      open: 23143.82,
      high: 23152.65,
      low: 23140.02,
      volume: 0.26395,
    });
  });

  it('has low <= open, close <= high in every candle', () => {
    const unbounded = [...usdt, ...usdc].filter(
      (candle) =>
        !(candle.low <= Math.min(candle.open, candle.close)) ||
        !(Math.max(candle.open, candle.close) <= candle.high),
    );
    expect(unbounded).toEqual([]);
  });

  it('re-encodes to the same bytes (the TS encoder matches the build script)', () => {
    // Buffer.equals: a byte-by-byte toEqual over 300 KB is needlessly slow.
    expect(Buffer.from(encodeSample(usdt)).equals(read('BTC-USDT-1m.bin'))).toBe(true);
    expect(Buffer.from(encodeSample(usdc)).equals(read('BTC-USDC-1m.bin'))).toBe(true);
  });

  it('stays well under 1 MiB per file', () => {
    expect(read('BTC-USDT-1m.bin').length).toBeLessThan(400_000);
    expect(read('BTC-USDC-1m.bin').length).toBeLessThan(400_000);
  });

  it('is listed in index.json and loads through loadSamples', async () => {
    const index = JSON.parse(read('index.json').toString('utf8')) as SampleIndex;
    expect(index.samples.map((entry) => [entry.symbol, entry.start, entry.count])).toEqual([
      ['BTC/USDT', SAMPLE_START, 30_240],
      ['BTC/USDC', SAMPLE_START, 30_240],
    ]);
    const fetchFromDisk = async (url: string) => {
      const bytes = read(url.replace('/sample/', ''));
      return {
        ok: true,
        status: 200,
        json: async () => JSON.parse(bytes.toString('utf8')) as unknown,
        arrayBuffer: async () =>
          bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
      };
    };
    const samples = await loadSamples('/sample', fetchFromDisk);
    expect(Object.keys(samples)).toEqual(['BTC/USDT', 'BTC/USDC']);
    expect(samples['BTC/USDT']?.[0]).toEqual(usdt[0]);
  });
});

describe('encodeSample / decodeSample', () => {
  const candles = [
    { time: 60_000, open: 0.01, high: 5, low: 0, close: 4.99, volume: 0 },
    { time: 120_000, open: 5.5, high: 5.5, low: 1.23, close: 1.23, volume: 123.456789 },
  ];

  it('round-trips exactly', () => {
    expect(decodeSample(encodeSample(candles))).toEqual(candles);
  });

  it('refuses values finer than the encoding precision, and gaps', () => {
    expect(() => encodeSample([{ ...candles[0]!, open: 0.001 }])).toThrow(/multiple/);
    expect(() => encodeSample([candles[0]!, { ...candles[1]!, time: 180_000 }])).toThrow(/Gap/);
  });

  it('rejects files that are not FLC1 or are truncated', () => {
    expect(() => decodeSample(new Uint8Array(40))).toThrow(/Not an FLC1/);
    const bytes = encodeSample(candles);
    expect(() => decodeSample(bytes.subarray(0, bytes.length - 2))).toThrow(/Truncated/);
  });
});
