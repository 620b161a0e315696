/**
 * Subscriber lists for the watch* streams of the simulated and the paper exchange. Delivery is
 * synchronous and in order; a subscriber that throws is reported (under `name`) and does not
 * stop the others or the replay.
 */
import type { PriceTick, Unsubscribe } from '../../core/exchangePort';
import type { Candle } from '../../core/market/candle';
import type { ExchangeOrder, ExchangeTrade } from '../../core/orders/types';
import { copyOrder, copyTrade } from './state';

type Listener<T> = (value: T) => void;

/** Candles are never changed (see Candle): every subscriber gets the same one. */
const shareCandle = (candle: Candle): Candle => candle;
const copyTick = (tick: PriceTick): PriceTick => ({ ...tick });

function createTopic<T>(name: string) {
  // Replaced (never changed in place) on every change: an emit walks the list it started with.
  let listeners: readonly { listener: Listener<T> }[] = [];
  return {
    add(listener: Listener<T>): Unsubscribe {
      // Wrapped so the same function subscribed twice gets two independent subscriptions.
      const entry = { listener };
      listeners = [...listeners, entry];
      return () => {
        listeners = listeners.filter((candidate) => candidate !== entry);
      };
    },
    // A method, not a getter: a literal with a getter is a slow object on Node 20 (withGetters.ts).
    isEmpty: (): boolean => listeners.length === 0,
    /** Gives every listener `copy(value)`: its own copy, or the value itself if never changed. */
    emit(value: T, copy: (value: T) => T): void {
      const list = listeners;
      for (let at = 0; at < list.length; at++) {
        const { listener } = list[at] as { listener: Listener<T> };
        try {
          listener(copy(value));
        } catch (error) {
          console.error(`${name}: a subscriber failed`, error);
        }
      }
    },
  };
}

export function createListeners(name = 'Simulated exchange') {
  const candles = new Map<string, ReturnType<typeof createTopic<Candle>>>();
  const ticks = new Map<string, ReturnType<typeof createTopic<PriceTick>>>();
  const trades = createTopic<ExchangeTrade>(name);
  const orders = createTopic<ExchangeOrder>(name);
  const topicOf = <T>(map: Map<string, ReturnType<typeof createTopic<T>>>, symbol: string) => {
    let topic = map.get(symbol);
    if (!topic) {
      topic = createTopic<T>(name);
      map.set(symbol, topic);
    }
    return topic;
  };

  return {
    onCandle: (symbol: string, listener: Listener<Candle>) =>
      topicOf(candles, symbol).add(listener),
    onTick: (symbol: string, listener: Listener<PriceTick>) => topicOf(ticks, symbol).add(listener),
    onTrade: (listener: Listener<ExchangeTrade>) => trades.add(listener),
    onOrder: (listener: Listener<ExchangeOrder>) => orders.add(listener),
    candle: (candle: Candle, symbol: string) => candles.get(symbol)?.emit(candle, shareCandle),
    tick: (tick: PriceTick) => ticks.get(tick.symbol)?.emit(tick, copyTick),
    /** Whether anyone watches `symbol`'s ticks (the replay makes none for nobody). */
    hasTickListeners: (symbol: string) => ticks.size > 0 && ticks.get(symbol)?.isEmpty() === false,
    trade: (trade: ExchangeTrade) => trades.emit(trade, copyTrade),
    order: (order: ExchangeOrder) => orders.emit(order, copyOrder),
  };
}
