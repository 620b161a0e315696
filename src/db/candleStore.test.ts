import { describe, expect, it } from 'vitest';
import type { Candle } from '../core/market/candle';
import { CHUNK_SIZE } from './candleChunks';
import {
  deleteDataset,
  getDataset,
  listDatasets,
  loadDatasetCandles,
  loadDatasetSeries,
  saveDataset,
  type SaveDatasetInput,
} from './candleStore';
import { createTestDb } from './testDb';
import { ValidationError } from './validation';

const T0 = Date.UTC(2023, 2, 1);
const MIN = 60_000;

function candles(count: number): Candle[] {
  return Array.from({ length: count }, (_, i) => ({
    time: T0 + i * MIN,
    open: 100 + i,
    high: 101 + i,
    low: 99 + i,
    close: 100.5 + i,
    volume: i / 7,
  }));
}

function input(overrides: Partial<SaveDatasetInput> = {}): SaveDatasetInput {
  return {
    name: 'BTC March',
    symbol: 'btc/usdt',
    source: 'file',
    origin: 'btc.csv',
    timeframe: '1m',
    timeframeMs: MIN,
    candles: candles(25_001),
    ...overrides,
  };
}

describe('candle store', () => {
  it('saves, lists, loads (whole and by range) and deletes a dataset', async () => {
    const db = createTestDb();
    const data = input();
    const row = await saveDataset(db, data, { now: 5, id: 'ds-1' });
    expect(row).toMatchObject({
      id: 'ds-1',
      symbol: 'BTC/USDT',
      count: 25_001,
      firstTime: T0,
      lastTime: T0 + 25_000 * MIN,
      importedAt: 5,
    });
    expect(await db.candleChunks.count()).toBe(Math.ceil(25_001 / CHUNK_SIZE));
    await saveDataset(db, input({ name: 'Later', candles: candles(3) }), { now: 9, id: 'ds-2' });
    expect((await listDatasets(db)).map((dataset) => dataset.id)).toEqual(['ds-2', 'ds-1']);
    expect(await loadDatasetCandles(db, 'ds-1')).toEqual(data.candles);
    const range = await loadDatasetCandles(db, 'ds-1', {
      from: T0 + 9_999 * MIN,
      to: T0 + 10_001 * MIN,
    });
    expect(range).toEqual(data.candles.slice(9_999, 10_002));
    await deleteDataset(db, 'ds-1');
    expect(await getDataset(db, 'ds-1')).toBeUndefined();
    expect(await db.candleChunks.count()).toBe(1);
    await expect(loadDatasetCandles(db, 'ds-1')).rejects.toThrow('No candle dataset ds-1');
  });

  it('reads a whole dataset with its row for a backtest, naming a missing one', async () => {
    const db = createTestDb();
    const hourly = candles(4).map((candle, i) => ({ ...candle, time: T0 + i * 3_600_000 }));
    await saveDataset(db, input({ timeframe: '1h', timeframeMs: 3_600_000, candles: hourly }), {
      now: 1,
      id: 'ds-h',
    });
    const { dataset, candles: loaded } = await loadDatasetSeries(db, 'ds-h');
    expect(dataset).toMatchObject({ id: 'ds-h', timeframe: '1h', timeframeMs: 3_600_000 });
    expect(loaded).toEqual(hourly);
    await expect(loadDatasetSeries(db, 'gone')).rejects.toThrow(
      'Dataset gone is no longer in the candle store (deleted?).',
    );
  });

  it('refuses bad input naming the field, writing nothing', async () => {
    const db = createTestDb();
    await expect(saveDataset(db, input({ name: ' ' }), { now: 1 })).rejects.toThrow(
      'name must be 1–80 characters',
    );
    await expect(saveDataset(db, input({ symbol: 'BTCUSDT' }), { now: 1 })).rejects.toThrow(
      'symbol must look like BASE/QUOTE',
    );
    await expect(saveDataset(db, input({ candles: [] }), { now: 1 })).rejects.toBeInstanceOf(
      ValidationError,
    );
    const unordered = candles(3).reverse();
    await expect(saveDataset(db, input({ candles: unordered }), { now: 1 })).rejects.toThrow(
      'candles[1].time must be after the previous candle',
    );
    expect(await db.candleDatasets.count()).toBe(0);
    expect(await db.candleChunks.count()).toBe(0);
  });

  it('is all-or-nothing: a failure half-way through the chunks leaves nothing', async () => {
    const db = createTestDb();
    db.candleChunks.hook('creating', (_key, chunk) => {
      if (chunk.index === 2) throw new Error('disk full');
    });
    await expect(saveDataset(db, input(), { now: 1, id: 'ds-x' })).rejects.toThrow('disk full');
    expect(await db.candleDatasets.count()).toBe(0);
    expect(await db.candleChunks.count()).toBe(0);
  });

  it('refuses an id that exists without touching the stored dataset', async () => {
    const db = createTestDb();
    await saveDataset(db, input({ candles: candles(5) }), { now: 1, id: 'ds-1' });
    await expect(saveDataset(db, input(), { now: 2, id: 'ds-1' })).rejects.toThrow(
      'id ds-1 already exists',
    );
    expect(await loadDatasetCandles(db, 'ds-1')).toHaveLength(5);
    expect(await db.candleChunks.count()).toBe(1);
  });

  it('round-trips a million candles exactly', async () => {
    const db = createTestDb();
    const million = candles(1_000_000);
    await saveDataset(db, input({ candles: million }), { now: 1, id: 'big' });
    const loaded = await loadDatasetCandles(db, 'big');
    expect(loaded.length).toBe(1_000_000);
    expect(loaded[0]).toEqual(million[0]);
    expect(loaded[999_999]).toEqual(million[999_999]);
    expect(
      loaded.every(
        (candle, i) => candle.time === million[i]?.time && candle.volume === million[i]?.volume,
      ),
    ).toBe(true);
    // Generous: the machine is shared; speed is measured by npm run bench, not here.
  }, 120_000);
});
