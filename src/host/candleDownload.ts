/**
 * Downloads an account's historical candles into the candle store: pages through the
 * account's data port (`fetchOHLCV`, the exchange's key-less client or the simulator) in
 * batches, reports progress, can be cancelled, and saves the whole range as one dataset — or
 * nothing, with what failed, when any page fails or the download is cancelled.
 */
import { ExchangeError, type ExchangePort } from '../core/exchangePort';
import type { Candle } from '../core/market/candle';
import type { Market } from '../core/market/types';
import { isTimeframe, timeframeMs, TIMEFRAMES, type Timeframe } from '../core/market/timeframe';
import type { Clock } from '../core/time';
import { MAX_DATASET_NAME_LENGTH, saveDataset, type FlotillaDb } from '../db';
import { FieldErrorsError } from './commandResult';
import type { FieldError } from './engineApi';

/**
 * Candles asked per request: the ccxt adapter asks one more (to drop a forming candle), so
 * this stays within Binance's 1000 per request.
 */
export const DOWNLOAD_BATCH = 999;
/** The largest range one download may cover, in candles. */
export const MAX_DOWNLOAD_CANDLES = 500_000;

/** What to download, as the Data page's form sends it. */
export interface DownloadRequest {
  /** Chosen by the caller, so it can cancel with cancelDownload(downloadId). */
  downloadId: string;
  accountId: string;
  symbol: string;
  timeframe: string;
  /** Inclusive start (UTC ms). */
  since: number;
  /** Exclusive end (UTC ms). */
  until: number;
  /** The dataset's name. */
  name: string;
}

export interface DownloadProgress {
  fetched: number;
  expected: number;
}

export interface DownloadResult {
  datasetId: string;
  count: number;
  firstTime: number;
  lastTime: number;
}

export interface CandleDownloadDeps {
  db: FlotillaDb;
  clock: Clock;
  /** Where the account's candles come from (Venues.dataPort). */
  dataPort: (accountId: string) => Promise<ExchangePort>;
  /** The account's markets and display name, for validation and messages. */
  account: (accountId: string) => Promise<{ name: string; markets: Record<string, Market> }>;
}

/** Checks the request's fields; returns the expected candle count. */
export function checkDownloadRequest(
  request: DownloadRequest,
  markets: Record<string, Market>,
): number {
  const errors: FieldError[] = [];
  const name = typeof request.name === 'string' ? request.name.trim() : '';
  if (name.length < 1 || name.length > MAX_DATASET_NAME_LENGTH) {
    errors.push({
      field: 'name',
      message: `Name must be 1–${MAX_DATASET_NAME_LENGTH} characters.`,
    });
  }
  if (markets[request.symbol] === undefined) {
    errors.push({ field: 'symbol', message: `This account has no market ${request.symbol}.` });
  }
  if (!isTimeframe(request.timeframe)) {
    errors.push({
      field: 'timeframe',
      message: `Timeframe must be one of ${TIMEFRAMES.join(', ')}.`,
    });
  }
  const { since, until } = request;
  if (!Number.isFinite(since)) errors.push({ field: 'since', message: 'Enter a start date.' });
  if (!Number.isFinite(until)) errors.push({ field: 'until', message: 'Enter an end date.' });
  else if (Number.isFinite(since) && since >= until) {
    errors.push({ field: 'until', message: 'The end must be after the start.' });
  }
  if (errors.length > 0) throw new FieldErrorsError(errors);
  const expected = Math.ceil((until - since) / timeframeMs(request.timeframe as Timeframe));
  if (expected > MAX_DOWNLOAD_CANDLES) {
    throw new FieldErrorsError([
      {
        field: 'until',
        message: `That is ${expected.toLocaleString('en')} candles; at most ${MAX_DOWNLOAD_CANDLES.toLocaleString('en')} per download — shorten the range or pick a longer timeframe.`,
      },
    ]);
  }
  return expected;
}

/** "Binance refused: rate limited — try again in a minute." and the like. */
export function describeFetchFailure(accountName: string, error: unknown): string {
  if (error instanceof ExchangeError) {
    const hints: Partial<Record<ExchangeError['kind'], string>> = {
      rate_limited: 'rate limited — try again in a minute',
      network: 'the network failed — check the connection (or proxy) and try again',
      exchange_unavailable: 'the exchange is unavailable — try again later',
      auth: 'the API key was rejected',
    };
    return `${accountName} refused: ${hints[error.kind] ?? error.message}. Nothing was saved.`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `Downloading from ${accountName} failed: ${message}. Nothing was saved.`;
}

export class DownloadCancelledError extends Error {
  constructor() {
    super('Download cancelled: nothing was saved.');
  }
}

/** Pages `port.fetchOHLCV` over [since, until); throws on a failed page or a cancel. */
export async function fetchRange(
  port: ExchangePort,
  request: Pick<DownloadRequest, 'symbol' | 'timeframe' | 'since' | 'until'>,
  options: {
    expected: number;
    isCancelled: () => boolean;
    onProgress?: (progress: DownloadProgress) => void;
    batch?: number;
  },
): Promise<Candle[]> {
  const candles: Candle[] = [];
  const batch = options.batch ?? DOWNLOAD_BATCH;
  let cursor = request.since;
  while (cursor < request.until) {
    if (options.isCancelled()) throw new DownloadCancelledError();
    const page = await port.fetchOHLCV(request.symbol, request.timeframe, cursor, batch);
    if (options.isCancelled()) throw new DownloadCancelledError();
    const last = candles[candles.length - 1];
    const fresh = page.filter(
      (candle) =>
        candle.time >= cursor &&
        candle.time < request.until &&
        (last === undefined || candle.time > last.time),
    );
    candles.push(...fresh);
    options.onProgress?.({
      fetched: candles.length,
      expected: Math.max(options.expected, candles.length),
    });
    const newest = page[page.length - 1];
    // An empty or stale page: the exchange has nothing more (yet) in this range.
    if (newest === undefined || newest.time < cursor) break;
    cursor = newest.time + 1;
  }
  return candles;
}

/** Download commands for the host: start one, cancel a running one. */
export function createCandleDownloads(deps: CandleDownloadDeps) {
  const cancelled = new Set<string>();
  const running = new Set<string>();

  return {
    async download(
      request: DownloadRequest,
      onProgress?: (progress: DownloadProgress) => void,
    ): Promise<DownloadResult> {
      const account = await deps.account(request.accountId);
      const expected = checkDownloadRequest(request, account.markets);
      const port = await deps.dataPort(request.accountId);
      running.add(request.downloadId);
      let candles: Candle[];
      try {
        candles = await fetchRange(port, request, {
          expected,
          isCancelled: () => cancelled.has(request.downloadId),
          onProgress: (progress) => void Promise.resolve(onProgress?.(progress)).catch(() => {}),
        });
      } catch (error) {
        if (error instanceof DownloadCancelledError) throw error;
        throw new Error(describeFetchFailure(account.name, error));
      } finally {
        running.delete(request.downloadId);
        cancelled.delete(request.downloadId);
      }
      if (candles.length === 0) {
        throw new FieldErrorsError([
          { field: 'since', message: `${account.name} has no candles in this range.` },
        ]);
      }
      const dataset = await saveDataset(
        deps.db,
        {
          name: request.name,
          symbol: request.symbol,
          source: 'exchange',
          origin: `${account.name} ${request.symbol} ${request.timeframe}`,
          timeframe: request.timeframe,
          timeframeMs: timeframeMs(request.timeframe as Timeframe),
          candles,
        },
        { now: deps.clock.now() },
      );
      return {
        datasetId: dataset.id,
        count: dataset.count,
        firstTime: dataset.firstTime,
        lastTime: dataset.lastTime,
      };
    },

    /** Asks a running download to stop; it then saves nothing. False if none runs. */
    cancel(downloadId: string): boolean {
      if (!running.has(downloadId)) return false;
      cancelled.add(downloadId);
      return true;
    },
  };
}
