/** Reads the committed candle samples (public/sample, the real BTC 1m data) from disk. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Candle } from '../../src/core/market/candle';
import { loadSamples } from '../../src/exchange/simulated/sampleLoader';

export const SAMPLE_DIR = fileURLToPath(new URL('../../public/sample/', import.meta.url));

export function loadSamplesFromDisk(dir = SAMPLE_DIR): Promise<Record<string, Candle[]>> {
  return loadSamples(dir, async (path) => {
    const bytes = await readFile(path);
    return {
      ok: true,
      status: 200,
      json: async () => JSON.parse(bytes.toString('utf8')) as unknown,
      arrayBuffer: async () =>
        bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    };
  });
}
