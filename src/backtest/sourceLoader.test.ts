import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Candle } from '../core/market/candle';
import { SAMPLE_DIR } from '../exchange/simulated/testSupport';
import { createSourceLoader, type SourceCandles } from './sourceLoader';

/** Serves /sample/<file> from public/sample on disk. */
async function diskFetch(url: string) {
  const bytes = await readFile(new URL(url.replace('/sample/', ''), SAMPLE_DIR));
  return {
    ok: true,
    status: 200,
    json: async () => JSON.parse(bytes.toString('utf8')) as unknown,
    arrayBuffer: async () =>
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  };
}

const hourly: Candle[] = [0, 1, 2].map((i) => ({
  time: Date.UTC(2024, 0, 1) + i * 3_600_000,
  open: 1,
  high: 1,
  low: 1,
  close: 1,
  volume: 1,
}));

function loaderWithDatasets(fail: Set<string> = new Set()) {
  const reads: string[] = [];
  const load = createSourceLoader({
    sampleBaseUrl: '/sample/',
    fetch: diskFetch,
    async loadDataset(id): Promise<SourceCandles> {
      reads.push(id);
      if (fail.has(id)) throw new Error(`Dataset ${id} is no longer in the candle store.`);
      return { candles: hourly, candleMs: 3_600_000 };
    },
  });
  return { load, reads };
}

describe('createSourceLoader', () => {
  it('loads the bundled sample as 1-minute candles', async () => {
    const { load } = loaderWithDatasets();
    const sample = await load('sample:BTC/USDT');
    expect(sample.candleMs).toBe(60_000);
    expect(sample.candles).toHaveLength(30_240);
    await expect(load('sample:ETH/USDT')).rejects.toThrow('The bundled sample has no ETH/USDT');
  });

  it('reads an imported dataset with its candle length, once for the runs that follow', async () => {
    const { load, reads } = loaderWithDatasets();
    expect(await load('dataset:ds-1')).toEqual({ candles: hourly, candleMs: 3_600_000 });
    await load('dataset:ds-1');
    expect(reads).toEqual(['ds-1']);
    await load('dataset:ds-2');
    await load('dataset:ds-1');
    expect(reads).toEqual(['ds-1', 'ds-2', 'ds-1']);
  });

  it('retries a dataset whose read failed, and names unknown kinds', async () => {
    const fail = new Set(['gone']);
    const { load, reads } = loaderWithDatasets(fail);
    await expect(load('dataset:gone')).rejects.toThrow('no longer in the candle store');
    fail.clear();
    await expect(load('dataset:gone')).resolves.toMatchObject({ candleMs: 3_600_000 });
    expect(reads).toEqual(['gone', 'gone']);
    await expect(load('ftp:x')).rejects.toThrow('Unknown data source "ftp:x".');
  });
});
