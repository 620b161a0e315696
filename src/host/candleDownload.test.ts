import { describe, expect, it } from 'vitest';
import { ExchangeError, type ExchangePort } from '../core/exchangePort';
import { createManualClock } from '../core/time';
import { listDatasets, loadDatasetCandles } from '../db';
import { createTestDb } from '../db/testDb';
import { createTestExchange, SAMPLE_START } from '../exchange/simulated/testSupport';
import {
  createCandleDownloads,
  DOWNLOAD_BATCH,
  MAX_DOWNLOAD_CANDLES,
  type DownloadProgress,
  type DownloadRequest,
} from './candleDownload';
import { attempt } from './commandResult';

const MINUTE = 60_000;

function setup(wrap: (port: ExchangePort) => ExchangePort = (port) => port) {
  const db = createTestDb();
  const { exchange } = createTestExchange();
  const port = wrap(exchange);
  const calls: number[] = [];
  const counted: ExchangePort = {
    ...port,
    fetchOHLCV: (symbol, timeframe, since, limit) => {
      calls.push(since ?? -1);
      return port.fetchOHLCV(symbol, timeframe, since, limit);
    },
  };
  const downloads = createCandleDownloads({
    db,
    clock: createManualClock(1_767_225_600_000),
    dataPort: async () => counted,
    account: async () => ({ name: 'Binance', markets: await exchange.loadMarkets() }),
  });
  return { db, downloads, calls };
}

const request = (overrides: Partial<DownloadRequest> = {}): DownloadRequest => ({
  downloadId: 'd1',
  accountId: 'acc',
  symbol: 'BTC/USDT',
  timeframe: '1m',
  since: SAMPLE_START,
  until: SAMPLE_START + 1_200 * MINUTE,
  name: 'BTC March',
  ...overrides,
});

describe('candle downloads', () => {
  it('pages through fetchOHLCV in batches and saves one dataset with every candle', async () => {
    const { db, downloads, calls } = setup();
    const progress: DownloadProgress[] = [];
    const result = await downloads.download(request(), (each) => progress.push(each));
    expect(result.count).toBe(1_200);
    expect(calls).toEqual([SAMPLE_START, SAMPLE_START + (DOWNLOAD_BATCH - 1) * MINUTE + 1]);
    expect(progress).toEqual([
      { fetched: DOWNLOAD_BATCH, expected: 1_200 },
      { fetched: 1_200, expected: 1_200 },
    ]);
    const candles = await loadDatasetCandles(db, result.datasetId);
    expect(candles).toHaveLength(1_200);
    expect(candles[0]?.time).toBe(SAMPLE_START);
    expect(candles.at(-1)?.time).toBe(SAMPLE_START + 1_199 * MINUTE);
    const [row] = await listDatasets(db);
    expect(row).toMatchObject({ name: 'BTC March', symbol: 'BTC/USDT', timeframe: '1m' });
  });

  it('resamples to coarser timeframes through the port', async () => {
    const { downloads } = setup();
    const result = await downloads.download(
      request({ timeframe: '15m', until: SAMPLE_START + 20 * 15 * MINUTE }),
    );
    expect(result.count).toBe(20);
  });

  it('stores nothing and names the failure when a later page fails', async () => {
    let pages = 0;
    const { db, downloads } = setup((port) => ({
      ...port,
      fetchOHLCV: async (...args) => {
        pages += 1;
        if (pages === 2) throw new ExchangeError('rate_limited', '429 Too Many Requests');
        return port.fetchOHLCV(...args);
      },
    }));
    const result = await attempt(() => downloads.download(request()));
    expect(result).toEqual({
      ok: false,
      error: 'Binance refused: rate limited — try again in a minute. Nothing was saved.',
    });
    expect(await listDatasets(db)).toEqual([]);
  });

  it('stores nothing when cancelled between pages', async () => {
    const { db, downloads } = setup();
    const result = await attempt(() => downloads.download(request(), () => downloads.cancel('d1')));
    expect(result).toEqual({ ok: false, error: 'Download cancelled: nothing was saved.' });
    expect(await listDatasets(db)).toEqual([]);
    expect(downloads.cancel('d1')).toBe(false);
  });

  it('reports field errors for bad input before fetching anything', async () => {
    const { downloads, calls } = setup();
    const result = await attempt(() =>
      downloads.download(
        request({ symbol: 'DOGE/EUR', timeframe: '7m', until: SAMPLE_START, name: ' ' }),
      ),
    );
    expect(result.ok).toBe(false);
    const fields = result.ok ? [] : (result.fieldErrors ?? []).map((error) => error.field);
    expect(fields).toEqual(['name', 'symbol', 'timeframe', 'until']);
    expect(calls).toEqual([]);
  });

  it('refuses ranges over the cap', async () => {
    const { downloads } = setup();
    const result = await attempt(() =>
      downloads.download(request({ until: SAMPLE_START + (MAX_DOWNLOAD_CANDLES + 1) * MINUTE })),
    );
    expect(result.ok ? undefined : result.fieldErrors?.[0]?.field).toBe('until');
  });

  it('says so when the range holds no candles', async () => {
    const { db, downloads } = setup();
    const later = Date.UTC(2030, 0, 1);
    const result = await attempt(() =>
      downloads.download(request({ since: later, until: later + 100 * MINUTE })),
    );
    expect(result.ok ? undefined : result.fieldErrors?.[0]?.field).toBe('since');
    expect(await listDatasets(db)).toEqual([]);
  });
});
