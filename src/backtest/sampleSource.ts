/**
 * Candles for a backtest data source inside a worker. Source ids are "<kind>:<key>"; today the
 * only kind is "sample" (the bundled 1-minute sample, key = symbol, loaded once per worker). An
 * imported dataset becomes another kind here ("dataset:<id>" → loadDatasetCandles).
 */
import type { Candle } from '../core/market/candle';
import { loadSamples, type FetchLike } from '../exchange/simulated/sampleLoader';

export const SAMPLE_SOURCE_PREFIX = 'sample:';

/** Returns a loader that caches the sample per worker; a failed load is retried next time. */
export function createSourceLoader(
  sampleBaseUrl: string,
  fetchImpl: FetchLike,
): (sourceId: string) => Promise<Candle[]> {
  let samples: Promise<Record<string, Candle[]>> | undefined;
  return async (sourceId) => {
    if (!sourceId.startsWith(SAMPLE_SOURCE_PREFIX)) {
      throw new Error(`Unknown data source "${sourceId}".`);
    }
    const symbol = sourceId.slice(SAMPLE_SOURCE_PREFIX.length);
    samples ??= loadSamples(sampleBaseUrl, fetchImpl);
    const loading = samples;
    const all = await loading.catch((cause: unknown) => {
      if (samples === loading) samples = undefined;
      throw cause;
    });
    const candles = all[symbol];
    if (!candles) throw new Error(`The bundled sample has no ${symbol} data.`);
    return candles;
  };
}
