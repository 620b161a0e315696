/**
 * The paper exchange's subscriptions to its source: for every followed symbol, one candle and
 * one tick stream, open while the exchange runs. Symbols are followed from start(), from
 * watchCandles / watchTicks and from orders placed on them, and stay followed; stop() closes
 * every stream and start() opens them again.
 */
import type { ExchangePort, PriceTick, Unsubscribe } from '../../core/exchangePort';
import type { Candle } from '../../core/market/candle';

export interface FeedHandlers {
  candle(symbol: string, candle: Candle): void;
  tick(tick: PriceTick): void;
}

export interface SourceFeeds {
  readonly isRunning: boolean;
  /** Symbols followed so far, in the order they were first followed. */
  symbols(): string[];
  /** Follows `symbol`; while running, subscribes to it at once (throws if the source refuses). */
  follow(symbol: string): void;
  /** Subscribes to every followed symbol. */
  start(): void;
  /** Unsubscribes from everything; followed symbols are kept for the next start(). */
  stop(): void;
}

export function createSourceFeeds(source: ExchangePort, handlers: FeedHandlers): SourceFeeds {
  const followed = new Set<string>();
  const open = new Map<string, Unsubscribe[]>();
  let isRunning = false;

  const subscribe = (symbol: string): void => {
    if (open.has(symbol)) return;
    const candles = source.watchCandles(symbol, (candle) => handlers.candle(symbol, candle));
    try {
      const ticks = source.watchTicks(symbol, (tick) => handlers.tick({ ...tick, symbol }));
      open.set(symbol, [candles, ticks]);
    } catch (error) {
      candles();
      throw error;
    }
  };

  const stop = (): void => {
    isRunning = false;
    for (const unsubscribes of open.values()) for (const unsubscribe of unsubscribes) unsubscribe();
    open.clear();
  };

  return {
    get isRunning() {
      return isRunning;
    },
    symbols: () => [...followed],
    follow(symbol) {
      if (isRunning) subscribe(symbol);
      followed.add(symbol);
    },
    start() {
      isRunning = true;
      try {
        for (const symbol of followed) subscribe(symbol);
      } catch (error) {
        stop();
        throw error;
      }
    },
    stop,
  };
}
