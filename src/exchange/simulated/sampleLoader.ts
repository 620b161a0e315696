/**
 * Loads the committed candle samples (public/sample/index.json and its FLC1 files) for the
 * simulator. The fetch function is injected so tests and workers choose how bytes are read.
 */
import type { Candle } from '../../core/market/candle';
import { decodeSample } from './sampleCodec';

/** public/sample/index.json, as written by scripts/build-sample.mjs. */
export interface SampleIndex {
  format: 'FLC1';
  source: string;
  timeframe: '1m';
  samples: { symbol: string; file: string; start: number; count: number; bytes: number }[];
}

/** The subset of `fetch` the loader needs. */
export type FetchLike = (url: string) => Promise<{
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
  arrayBuffer(): Promise<ArrayBuffer>;
}>;

/**
 * Fetches the index under `baseUrl` (e.g. "/sample/") and decodes every sample it lists,
 * keyed by symbol. Checks each decoded sample against the index's start and count.
 */
export async function loadSamples(
  baseUrl: string,
  fetchImpl: FetchLike,
): Promise<Record<string, Candle[]>> {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const get = async (name: string) => {
    const response = await fetchImpl(base + name);
    if (!response.ok) throw new Error(`Could not load ${base + name}: HTTP ${response.status}`);
    return response;
  };
  const index = (await (await get('index.json')).json()) as SampleIndex;
  if (index.format !== 'FLC1') throw new Error(`Unknown sample format ${String(index.format)}`);
  const entries = await Promise.all(
    index.samples.map(async (entry) => {
      const candles = decodeSample(await (await get(entry.file)).arrayBuffer());
      if (candles.length !== entry.count || candles[0]?.time !== entry.start) {
        throw new Error(`${entry.file} does not match its index entry`);
      }
      return [entry.symbol, candles] as const;
    }),
  );
  return Object.fromEntries(entries);
}
