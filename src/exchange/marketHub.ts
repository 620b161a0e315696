/**
 * The market-data hub: one candle subscription per exchange account and symbol, shared by every
 * bot that trades it, resampled once per timeframe and fanned out to the bots' listeners. The
 * exchange's candles are 1-minute ones unless `candleMs` says otherwise (a backtest on hourly
 * or daily history).
 * Subscriptions are dropped when their last listener leaves.
 */
import type { ExchangePort, PriceTick, Unsubscribe } from '../core/exchangePort';
import { createCandleAggregator, type CandleAggregator } from '../core/market/aggregator';
import type { Candle } from '../core/market/candle';
import type { Timeframe } from '../core/market/timeframe';

type CandleListener = (candle: Candle) => void;
type TickListener = (tick: PriceTick) => void;

/**
 * A set of listeners delivered to in subscription order. A delivery walks the set as it was
 * when the delivery began; that copy is made once per change of the set, not per delivery.
 */
class ListenerSet<T> {
  private readonly set = new Set<(value: T) => void>();
  private copy: ((value: T) => void)[] | undefined;
  get size(): number {
    return this.set.size;
  }
  add(listener: (value: T) => void): void {
    this.set.add(listener);
    this.copy = undefined;
  }
  delete(listener: (value: T) => void): void {
    this.set.delete(listener);
    this.copy = undefined;
  }
  deliver(value: T): void {
    const copy = (this.copy ??= [...this.set]);
    // Indexed, not for…of: every candle comes through here, and on Node 20 for…of allocates.
    for (let at = 0; at < copy.length; at++) (copy[at] as (value: T) => void)(value);
  }
}

interface TimeframeFeed {
  aggregator: CandleAggregator;
  listeners: ListenerSet<Candle>;
}

interface SymbolFeed {
  timeframes: Map<Timeframe, TimeframeFeed>;
  /** The feeds of `timeframes`, as an array walked on every candle (remade when they change). */
  feeds: TimeframeFeed[];
  unsubscribe: Unsubscribe;
}

export interface MarketHub {
  /** Closed candles of `symbol` at `timeframe`; one upstream subscription per symbol. */
  subscribeCandles(symbol: string, timeframe: Timeframe, listener: CandleListener): Unsubscribe;
  subscribeTicks(symbol: string, listener: TickListener): Unsubscribe;
  /** Number of upstream candle subscriptions (for tests and diagnostics). */
  upstreamCount(): number;
}

export interface MarketHubOptions {
  /** Length of the exchange's candles, ms: 60,000 (1m) unless a backtest replays coarser ones. */
  candleMs?: number;
}

export function createMarketHub(exchange: ExchangePort, options: MarketHubOptions = {}): MarketHub {
  const candleFeeds = new Map<string, SymbolFeed>();
  const tickFeeds = new Map<
    string,
    { listeners: ListenerSet<PriceTick>; unsubscribe: Unsubscribe }
  >();

  const openSymbol = (symbol: string): SymbolFeed => {
    const timeframes = new Map<Timeframe, TimeframeFeed>();
    const symbolFeed: SymbolFeed = { timeframes, feeds: [], unsubscribe: () => undefined };
    symbolFeed.unsubscribe = exchange.watchCandles(symbol, (candle) => {
      const { feeds } = symbolFeed;
      for (let index = 0; index < feeds.length; index++) {
        const feed = feeds[index] as TimeframeFeed;
        const closed = feed.aggregator.push(candle);
        if (closed) feed.listeners.deliver(closed);
      }
    });
    return symbolFeed;
  };

  return {
    subscribeCandles(symbol, timeframe, listener) {
      let symbolFeed = candleFeeds.get(symbol);
      if (!symbolFeed) {
        symbolFeed = openSymbol(symbol);
        candleFeeds.set(symbol, symbolFeed);
      }
      let feed = symbolFeed.timeframes.get(timeframe);
      if (!feed) {
        feed = {
          aggregator: createCandleAggregator(timeframe, options.candleMs),
          listeners: new ListenerSet<Candle>(),
        };
        symbolFeed.timeframes.set(timeframe, feed);
        symbolFeed.feeds = [...symbolFeed.timeframes.values()];
      }
      feed.listeners.add(listener);
      const owner = symbolFeed;
      const timeframeFeed = feed;
      return () => {
        timeframeFeed.listeners.delete(listener);
        if (
          timeframeFeed.listeners.size === 0 &&
          owner.timeframes.get(timeframe) === timeframeFeed
        ) {
          owner.timeframes.delete(timeframe);
          owner.feeds = [...owner.timeframes.values()];
        }
        if (owner.timeframes.size === 0 && candleFeeds.get(symbol) === owner) {
          owner.unsubscribe();
          candleFeeds.delete(symbol);
        }
      };
    },

    subscribeTicks(symbol, listener) {
      let feed = tickFeeds.get(symbol);
      if (!feed) {
        const listeners = new ListenerSet<PriceTick>();
        const unsubscribe = exchange.watchTicks(symbol, (tick) => listeners.deliver(tick));
        feed = { listeners, unsubscribe };
        tickFeeds.set(symbol, feed);
      }
      feed.listeners.add(listener);
      const owner = feed;
      return () => {
        owner.listeners.delete(listener);
        if (owner.listeners.size === 0 && tickFeeds.get(symbol) === owner) {
          owner.unsubscribe();
          tickFeeds.delete(symbol);
        }
      };
    },

    upstreamCount: () => candleFeeds.size,
  };
}
