/**
 * Test helpers (imported only by *.test.ts): a source exchange that plays fixture candles on
 * command — a stand-in for the public-data ccxt adapter of a real exchange — and a paper
 * exchange on it, both on one manual clock that reads like real time (a candle closes at its
 * open + 1 minute).
 */
import { readFileSync } from 'node:fs';
import { ExchangeError } from '../../core/exchangePort';
import type { ExchangePort, PriceTick } from '../../core/exchangePort';
import type { Candle } from '../../core/market/candle';
import { parseCandlesCsv } from '../../core/market/csv';
import type { Market } from '../../core/market/types';
import { createManualClock } from '../../core/time';
import type { ManualClock } from '../../core/time';
import { createMarket } from '../simulated/markets';
import { fetchClosedCandles } from '../simulated/ohlcv';
import { createReplaySeries } from '../simulated/replaySeries';
import { createPaperExchange } from './paperExchange';
import type { PaperExchange, PaperExchangeOptions } from './paperExchange';

const FIXTURE = new URL('../../../tests/fixtures/btcusdt-1m-2023-03-01_03.csv', import.meta.url);

/** 4,320 real 1-minute BTC/USDT candles, 1–3 March 2023. */
export const fixtureCandles: readonly Candle[] = parseCandlesCsv(
  readFileSync(FIXTURE, 'utf8'),
).candles;

/** 2023-03-01 00:00 UTC, the fixture's first candle. */
export const FIXTURE_START = Date.UTC(2023, 2, 1);

/** `count` flat candles at `price` from FIXTURE_START; `overrides[i] = [open, high, low, close]`. */
export function flatCandles(
  count: number,
  price: number,
  overrides: Record<number, [number, number, number, number]> = {},
): Candle[] {
  return Array.from({ length: count }, (_, index): Candle => {
    const [open, high, low, close] = overrides[index] ?? [price, price, price, price];
    return { time: FIXTURE_START + index * 60_000, open, high, low, close, volume: 1 };
  });
}

export interface FixtureSource extends ExchangePort {
  /** Index of the forming candle: every candle before it has closed. */
  readonly cursor: number;
  /** Closes the forming candle: the clock moves to its end, then watchers get it. */
  closeNext(): void;
  /** Closes candles until `index` is forming. */
  closeUntil(index: number): void;
  /** A live tick of `symbol` at `price`, `offsetMs` into the forming candle (< 0: a late one). */
  tick(symbol: string, price: number, offsetMs: number): void;
  /** Emits an already closed candle again, as a reconnecting stream might. */
  repeat(index: number): void;
  /** Open candle and tick subscriptions. */
  subscriptionCount(): number;
}

export interface FixtureSourceOptions {
  /** Contiguous 1m candles per symbol, all with the same start and length. */
  samples: Record<string, readonly Candle[]>;
  clock: ManualClock;
  /** The forming candle at first (default 0: nothing closed yet). */
  start?: number;
  exchangeId?: string;
  /** Default: the simulator's markets with 0.2% fees (the paper exchange replaces fees). */
  markets?: Record<string, Market>;
}

export function createFixtureSource(options: FixtureSourceOptions): FixtureSource {
  const { samples, clock } = options;
  const series = createReplaySeries(samples);
  let cursor = options.start ?? 0;
  clock.set(series.timeOf(cursor));
  const markets =
    options.markets ??
    Object.fromEntries(
      series.symbols.map((symbol) => [
        symbol,
        createMarket(symbol, { maker: 0.002, taker: 0.002 }),
      ]),
    );
  const candleWatchers = new Set<{ symbol: string; listener: (candle: Candle) => void }>();
  const tickWatchers = new Set<{ symbol: string; listener: (tick: PriceTick) => void }>();
  const watch = <T extends { symbol: string }>(set: Set<T>, entry: T) => {
    if (!markets[entry.symbol]) throw new ExchangeError('invalid_order', `No ${entry.symbol}`);
    set.add(entry);
    return () => void set.delete(entry);
  };
  const emitCandle = (index: number) => {
    for (const { symbol, listener } of [...candleWatchers])
      listener(series.candleAt(symbol, index));
  };
  const unsupported = (): never => {
    throw new Error('The fixture source is a price feed: it takes no orders');
  };

  const source: FixtureSource = {
    exchangeId: options.exchangeId ?? 'fixture',
    supportsNativeStops: false,
    get cursor() {
      return cursor;
    },
    loadMarkets: async () => structuredClone(markets),
    fetchBalance: unsupported,
    fetchOHLCV: async (symbol, timeframe, since, limit) =>
      fetchClosedCandles(series, symbol, cursor, { timeframe, since, limit }),
    createOrder: unsupported,
    cancelOrder: unsupported,
    fetchOrder: unsupported,
    fetchOrderByClientId: unsupported,
    fetchOpenOrders: unsupported,
    fetchMyTrades: unsupported,
    watchCandles: (symbol, listener) => watch(candleWatchers, { symbol, listener }),
    watchTicks: (symbol, listener) => watch(tickWatchers, { symbol, listener }),
    watchMyTrades: unsupported,
    watchOrders: unsupported,
    closeNext() {
      clock.set(series.timeOf(cursor + 1));
      cursor += 1;
      emitCandle(cursor - 1);
    },
    closeUntil(index) {
      while (cursor < index) source.closeNext();
    },
    tick(symbol, price, offsetMs) {
      const time = series.timeOf(cursor) + offsetMs;
      clock.set(Math.max(clock.now(), time)); // a late tick does not turn the clock back
      for (const watcher of [...tickWatchers]) {
        if (watcher.symbol === symbol) watcher.listener({ symbol, time, price });
      }
    },
    repeat: emitCandle,
    subscriptionCount: () => candleWatchers.size + tickWatchers.size,
  };
  return source;
}

export interface TestPaper {
  paper: PaperExchange;
  source: FixtureSource;
  clock: ManualClock;
}

/** A paper exchange on a fixture source (BTC/USDT fixture unless `samples`), not started. */
export function createTestPaper(
  options: Partial<PaperExchangeOptions> & {
    samples?: Record<string, readonly Candle[]>;
    start?: number;
    markets?: Record<string, Market>;
  } = {},
): TestPaper {
  const { samples, start, markets, ...paperOptions } = options;
  const clock = createManualClock();
  const source = createFixtureSource({
    samples: samples ?? { 'BTC/USDT': fixtureCandles },
    clock,
    start: start ?? 100,
    ...(markets ? { markets } : {}),
  });
  const paper = createPaperExchange({
    source,
    clock,
    timers: clock,
    balances: { USDT: 10_000, BTC: 0 },
    ...paperOptions,
  });
  return { paper, source, clock };
}
