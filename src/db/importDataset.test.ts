import { describe, expect, it } from 'vitest';
import { listDatasets, loadDatasetCandles } from './candleStore';
import { importDataset } from './importDataset';
import { createTestDb } from './testDb';

const CSV = [
  'time,open,high,low,close,volume',
  '2024-01-01 00:00,10,12,9,11,1',
  '2024-01-01 00:01,11,12,10,11.5,2',
  '2024-01-01 00:03,11.5,12,11,11.8,3',
].join('\n');

describe('importDataset', () => {
  it('parses, saves and reports the format, timeframe and gaps', async () => {
    const db = createTestDb();
    const progress: number[] = [];
    const result = await importDataset(db, {
      text: CSV,
      name: 'Test',
      symbol: 'BTC/USDT',
      fileName: 'test.csv',
      now: 7,
      onProgress: (fraction) => progress.push(fraction),
    });
    if (!result.ok) throw new Error('expected the import to succeed');
    expect(result.dataset).toMatchObject({
      count: 3,
      timeframe: '1m',
      origin: 'test.csv',
      source: 'file',
    });
    expect(result.format).toBe('CSV');
    expect(result.warnings.map((warning) => warning.at)).toEqual([4]);
    expect(progress.at(-1)).toBe(1);
    expect(await loadDatasetCandles(db, result.dataset.id)).toHaveLength(3);
  });

  it('saves nothing from a file with a bad row and names its line', async () => {
    const db = createTestDb();
    const broken = CSV.replace('11.5,12,11,11.8', '11.5,11,11,11.8');
    const result = await importDataset(db, {
      text: broken,
      name: 'Bad',
      symbol: 'BTC/USDT',
      fileName: 'bad.csv',
      now: 1,
    });
    expect(result).toMatchObject({ ok: false, total: 1 });
    expect(!result.ok && result.issues[0]).toMatchObject({ at: 4, field: 'high' });
    expect(await listDatasets(db)).toEqual([]);
  });

  it('returns a form field error for a bad symbol, saving nothing', async () => {
    const db = createTestDb();
    const result = await importDataset(db, {
      text: CSV,
      name: 'X',
      symbol: 'bitcoin',
      fileName: 'x.csv',
      now: 1,
    });
    expect(result).toMatchObject({ ok: false, field: 'symbol' });
    expect(await db.candleChunks.count()).toBe(0);
  });
});
