/**
 * The candle store: datasets of imported candles (a file today, exchange downloads later) for
 * backtests. A dataset's row and all its chunks are written in one transaction, so an import
 * either lands whole or not at all; delete removes both likewise. Reads return plain candles
 * in time order, optionally limited to a time range.
 *
 * @example
 * const dataset = await saveDataset(db, { name: 'BTC 2023', symbol: 'BTC/USDT', source: 'file',
 *   origin: 'btc.csv', timeframe: '1m', timeframeMs: 60_000, candles }, { now: Date.now() });
 * const march = await loadDatasetCandles(db, dataset.id, { from: Date.UTC(2023, 2, 1) });
 */
import type { Candle } from '../core/market/candle';
import type { TimestampMs } from '../core/time';
import { packChunks, unpackChunk } from './candleChunks';
import type { CandleDatasetRow, FlotillaDb } from './schema';
import { ValidationError } from './validation';

export const MAX_DATASET_NAME_LENGTH = 80;
const SYMBOL = /^[A-Z0-9.]{1,20}\/[A-Z0-9.]{1,20}$/;

export interface SaveDatasetInput {
  name: string;
  /** Unified symbol such as "BTC/USDT" (upper-cased here). */
  symbol: string;
  source: string;
  origin: string;
  timeframe: string;
  timeframeMs: number;
  /** Candles in strictly increasing time order (as the importers return them). */
  candles: readonly Candle[];
}

export interface SaveDatasetOptions {
  now: TimestampMs;
  /** Defaults to a random id. */
  id?: string;
}

function checkInput(input: SaveDatasetInput): { name: string; symbol: string } {
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (name.length < 1 || name.length > MAX_DATASET_NAME_LENGTH) {
    throw new ValidationError('name', `must be 1–${MAX_DATASET_NAME_LENGTH} characters`);
  }
  const symbol = typeof input.symbol === 'string' ? input.symbol.trim().toUpperCase() : '';
  if (!SYMBOL.test(symbol)) {
    throw new ValidationError('symbol', 'must look like BASE/QUOTE, e.g. BTC/USDT');
  }
  if (!(Number.isFinite(input.timeframeMs) && input.timeframeMs > 0)) {
    throw new ValidationError('timeframeMs', 'must be a positive number of milliseconds');
  }
  if (input.candles.length === 0) throw new ValidationError('candles', 'must not be empty');
  for (let i = 1; i < input.candles.length; i++) {
    if ((input.candles[i] as Candle).time <= (input.candles[i - 1] as Candle).time) {
      throw new ValidationError(`candles[${i}].time`, 'must be after the previous candle');
    }
  }
  return { name, symbol };
}

/** Stores a dataset and its candles in one transaction; resolves to the dataset row. */
export async function saveDataset(
  db: FlotillaDb,
  input: SaveDatasetInput,
  options: SaveDatasetOptions,
): Promise<CandleDatasetRow> {
  const { name, symbol } = checkInput(input);
  const id = options.id ?? `ds-${crypto.randomUUID()}`;
  const { candles } = input;
  const row: CandleDatasetRow = {
    id,
    name,
    symbol,
    source: input.source,
    origin: input.origin,
    timeframe: input.timeframe,
    timeframeMs: input.timeframeMs,
    firstTime: (candles[0] as Candle).time,
    lastTime: (candles[candles.length - 1] as Candle).time,
    count: candles.length,
    importedAt: options.now,
  };
  const chunks = packChunks(id, candles);
  await db.transaction('rw', db.candleDatasets, db.candleChunks, async () => {
    if (await db.candleDatasets.get(id)) throw new ValidationError('id', `${id} already exists`);
    for (const chunk of chunks) await db.candleChunks.add(chunk);
    await db.candleDatasets.add(row);
  });
  return row;
}

/** Every dataset, most recently imported first. */
export async function listDatasets(db: FlotillaDb): Promise<CandleDatasetRow[]> {
  return (await db.candleDatasets.orderBy('importedAt').reverse().toArray()) as CandleDatasetRow[];
}

export async function getDataset(
  db: FlotillaDb,
  id: string,
): Promise<CandleDatasetRow | undefined> {
  return db.candleDatasets.get(id);
}

/**
 * The candles of dataset `id` in time order, those with `from <= time <= to` when given.
 *
 * @throws Error when there is no such dataset.
 */
export async function loadDatasetCandles(
  db: FlotillaDb,
  id: string,
  range: { from?: TimestampMs; to?: TimestampMs } = {},
): Promise<Candle[]> {
  const from = range.from ?? -Infinity;
  const to = range.to ?? Infinity;
  return db.transaction('r', db.candleDatasets, db.candleChunks, async () => {
    const dataset = await db.candleDatasets.get(id);
    if (!dataset) throw new Error(`No candle dataset ${id}`);
    const chunks = await db.candleChunks
      .where('[datasetId+index]')
      .between([id, 0], [id, Infinity])
      .filter((chunk) => chunk.lastTime >= from && chunk.firstTime <= to)
      .toArray();
    const candles: Candle[] = [];
    for (const chunk of chunks) unpackChunk(chunk, candles, from, to);
    return candles;
  });
}

/**
 * Dataset `id` with all its candles, read in one transaction (what a backtest of the whole
 * dataset needs: the candles and their length, `timeframeMs`).
 *
 * @throws Error naming the dataset when it is not in the store (e.g. deleted meanwhile).
 */
export async function loadDatasetSeries(
  db: FlotillaDb,
  id: string,
): Promise<{ dataset: CandleDatasetRow; candles: Candle[] }> {
  return db.transaction('r', db.candleDatasets, db.candleChunks, async () => {
    const dataset = await db.candleDatasets.get(id);
    if (!dataset) throw new Error(`Dataset ${id} is no longer in the candle store (deleted?).`);
    return { dataset, candles: await loadDatasetCandles(db, id) };
  });
}

/** Deletes a dataset and its candles in one transaction (nothing when it does not exist). */
export async function deleteDataset(db: FlotillaDb, id: string): Promise<void> {
  await db.transaction('rw', db.candleDatasets, db.candleChunks, async () => {
    await db.candleChunks.where('[datasetId+index]').between([id, 0], [id, Infinity]).delete();
    await db.candleDatasets.delete(id);
  });
}
