/**
 * The data sources the Backtest page offers: today the bundled 1-minute sample (one source per
 * symbol, read from public/sample/index.json). Imported datasets join the list with a few lines
 * (`listDatasets(db)` mapped to the same shape with ids "dataset:<id>"; the backtest worker then
 * loads them by id, see src/backtest/sampleSource.ts).
 */
import { SAMPLE_SOURCE_PREFIX } from '../../backtest/sampleSource';
import type { Timeframe } from '../../core/market/timeframe';
import type { SampleIndex } from '../../exchange/simulated/sampleLoader';

const MINUTE_MS = 60_000;

export interface BacktestDataSource {
  /** "<kind>:<key>", e.g. "sample:BTC/USDT". */
  id: string;
  label: string;
  kind: 'sample' | 'dataset';
  symbol: string;
  /** Candle length of the stored series; runs resample it to the chosen timeframe. */
  timeframe: Timeframe;
  /** Open time of the first candle, ms. */
  start: number;
  /** End of the last candle (its open time + its length), ms: the range is [start, end). */
  end: number;
  candles: number;
}

/** The bundled sample's series as data sources. */
export function sampleSources(index: SampleIndex): BacktestDataSource[] {
  return index.samples.map((sample) => ({
    id: `${SAMPLE_SOURCE_PREFIX}${sample.symbol}`,
    label: `Sample ${sample.symbol} 1m`,
    kind: 'sample',
    symbol: sample.symbol,
    timeframe: '1m',
    start: sample.start,
    end: sample.start + sample.count * MINUTE_MS,
    candles: sample.count,
  }));
}

/** Every data source, sample first. */
export async function listBacktestSources(
  fetchJson: (url: string) => Promise<unknown> = async (url) => (await fetch(url)).json(),
): Promise<BacktestDataSource[]> {
  const index = (await fetchJson(`${import.meta.env.BASE_URL}sample/index.json`)) as SampleIndex;
  if (index.format !== 'FLC1') throw new Error('The bundled sample index is not readable.');
  return sampleSources(index);
}
