/**
 * Candles for a backtest data source inside a worker. Source ids are "<kind>:<key>": "sample:"
 * + symbol for the bundled 1-minute sample (loaded once per worker), "dataset:" + id for an
 * imported dataset of the candle store (any candle length; read through the injected
 * `loadDataset`, the worker's IndexedDB). The last dataset read is kept, so the runs of a
 * sweep on one dataset read it once per worker; a failed load is retried next time.
 */
import type { Candle } from '../core/market/candle';
import { loadSamples, type FetchLike } from '../exchange/simulated/sampleLoader';

export const SAMPLE_SOURCE_PREFIX = 'sample:';
export const DATASET_SOURCE_PREFIX = 'dataset:';

const MINUTE_MS = 60_000;

/** A source's whole series: candles in time order, each `candleMs` long. */
export interface SourceCandles {
  candles: readonly Candle[];
  candleMs: number;
}

export interface SourceLoaderOptions {
  /** Where the bundled sample lives, e.g. "/sample/". */
  sampleBaseUrl: string;
  fetch: FetchLike;
  /** Reads dataset `id` of the candle store; rejects when there is no such dataset. */
  loadDataset(id: string): Promise<SourceCandles>;
}

/** Returns a loader of source ids (see the module comment). */
export function createSourceLoader(
  options: SourceLoaderOptions,
): (sourceId: string) => Promise<SourceCandles> {
  let samples: Promise<Record<string, Candle[]>> | undefined;
  let dataset: { id: string; loading: Promise<SourceCandles> } | undefined;

  const loadSample = async (symbol: string): Promise<SourceCandles> => {
    samples ??= loadSamples(options.sampleBaseUrl, options.fetch);
    const loading = samples;
    const all = await loading.catch((cause: unknown) => {
      if (samples === loading) samples = undefined;
      throw cause;
    });
    const candles = all[symbol];
    if (!candles) throw new Error(`The bundled sample has no ${symbol} data.`);
    return { candles, candleMs: MINUTE_MS };
  };

  const loadStored = (id: string): Promise<SourceCandles> => {
    if (dataset?.id === id) return dataset.loading;
    const entry = { id, loading: options.loadDataset(id) };
    dataset = entry;
    entry.loading.catch(() => {
      if (dataset === entry) dataset = undefined;
    });
    return entry.loading;
  };

  return async (sourceId) => {
    if (sourceId.startsWith(SAMPLE_SOURCE_PREFIX)) {
      return loadSample(sourceId.slice(SAMPLE_SOURCE_PREFIX.length));
    }
    if (sourceId.startsWith(DATASET_SOURCE_PREFIX)) {
      return loadStored(sourceId.slice(DATASET_SOURCE_PREFIX.length));
    }
    throw new Error(`Unknown data source "${sourceId}".`);
  };
}
