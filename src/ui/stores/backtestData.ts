/**
 * The data sources the Backtest page offers: the bundled 1-minute sample (one source per
 * symbol, read from public/sample/index.json), then every dataset imported on the Data page
 * (the candle store, most recent first), each with its own symbol and candle length. The
 * backtest worker loads them by id (src/backtest/sourceLoader.ts); a run resamples them to its
 * timeframe, and the form refuses a timeframe finer than the data.
 */
import { DATASET_SOURCE_PREFIX, SAMPLE_SOURCE_PREFIX } from '../../backtest/sourceLoader';
import { listDatasets } from '../../db/candleStore';
import type { CandleDatasetRow } from '../../db/schema';
import type { SampleIndex } from '../../exchange/simulated/sampleLoader';
import { db } from '../db';

const MINUTE_MS = 60_000;

export interface BacktestDataSource {
  /** "<kind>:<key>", e.g. "sample:BTC/USDT" or "dataset:ds-…". */
  id: string;
  label: string;
  kind: 'sample' | 'dataset';
  symbol: string;
  /** Candle length of the stored series ("1m", "1h", "1d"); runs resample it to theirs. */
  timeframe: string;
  /** That length in ms. */
  candleMs: number;
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
    candleMs: MINUTE_MS,
    start: sample.start,
    end: sample.start + sample.count * MINUTE_MS,
    candles: sample.count,
  }));
}

/** Imported datasets as data sources, labelled "<name> · <symbol> <timeframe>". */
export function datasetSources(rows: readonly CandleDatasetRow[]): BacktestDataSource[] {
  return rows.map((row) => ({
    id: `${DATASET_SOURCE_PREFIX}${row.id}`,
    label: `${row.name} · ${row.symbol} ${row.timeframe}`,
    kind: 'dataset',
    symbol: row.symbol,
    timeframe: row.timeframe,
    candleMs: row.timeframeMs,
    start: row.firstTime,
    end: row.lastTime + row.timeframeMs,
    candles: row.count,
  }));
}

export interface SourceListing {
  fetchJson(url: string): Promise<unknown>;
  datasets(): Promise<readonly CandleDatasetRow[]>;
}

const browserListing: SourceListing = {
  fetchJson: async (url) => (await fetch(url)).json(),
  datasets: () => listDatasets(db),
};

/** Every data source: the sample first, then the imported datasets, newest first. */
export async function listBacktestSources(
  listing: SourceListing = browserListing,
): Promise<BacktestDataSource[]> {
  const [index, rows] = await Promise.all([
    listing.fetchJson(`${import.meta.env.BASE_URL}sample/index.json`) as Promise<SampleIndex>,
    listing.datasets(),
  ]);
  if (index.format !== 'FLC1') throw new Error('The bundled sample index is not readable.');
  return [...sampleSources(index), ...datasetSources(rows)];
}
