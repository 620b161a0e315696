/**
 * The paper exchange's live side: plays the source's closed candles and live ticks against the
 * simulated account (the rules are in paperExchange.ts's header), relays them after their
 * fills, keeps the last price per symbol, and says how an order placed now joins the market.
 */
import type { PriceTick } from '../../core/exchangePort';
import type { Candle } from '../../core/market/candle';
import { intrabarPath } from '../../core/market/intrabarPath';
import type { Account, AccountChanges } from '../simulated/account';
import type { createListeners } from '../simulated/listeners';
import type { PaperState } from './state';

const MINUTE_MS = 60_000;
/** The path point an order placed mid-candle joins: that candle's close. */
const CLOSE_POINT = 3;

export interface LiveMarket {
  onCandle(symbol: string, candle: Candle): void;
  onTick(tick: PriceTick): void;
  /** The last price shown: a tick, the last candle's close, or a seeded price. */
  lastPrice(symbol: string): number | undefined;
  /** Takes `price` as the last price of `symbol` unless one is known already. */
  seed(symbol: string, price: number): void;
  /**
   * Where an order placed now on `symbol` joins the next played candle: at its open (0), or —
   * after a tick of the forming candle — at its close, at the tick's price (not for stops).
   */
  entryFor(symbol: string, isStop: boolean): { entryPoint: number; fillPrice?: number };
}

interface LivePrice {
  last?: number;
  /** Whether a tick of the forming candle has been seen (orders now are mid-candle). */
  isMidCandle: boolean;
}

export interface LiveMarketDeps {
  state: PaperState;
  /** The account, once the markets are loaded (before, nothing is played). */
  account(): Account | undefined;
  listeners: ReturnType<typeof createListeners>;
  reportState(): void;
}

export function createLiveMarket(deps: LiveMarketDeps): LiveMarket {
  const { state, listeners } = deps;
  const prices = new Map<string, LivePrice>();
  const priceOf = (symbol: string): LivePrice => {
    let live = prices.get(symbol);
    if (!live) prices.set(symbol, (live = { isMidCandle: false }));
    return live;
  };
  const emit = (changes: AccountChanges): void => {
    // Each trade before its order's update, so an order seen closed has its fill known.
    for (const trade of changes.trades) listeners.trade(trade);
    for (const order of changes.orders) listeners.order(order);
  };

  return {
    onCandle(symbol, candle) {
      const account = deps.account();
      const played = state.playedUntil[symbol];
      if (account && (played === undefined || candle.time > played)) {
        const changes = account.playCandle(symbol, intrabarPath(candle), candle.time);
        state.playedUntil[symbol] = candle.time;
        Object.assign(priceOf(symbol), { last: candle.close, isMidCandle: false });
        emit(changes);
        listeners.candle(candle, symbol);
        deps.reportState();
        return;
      }
      listeners.candle(candle, symbol);
    },

    onTick(tick) {
      const { symbol, price, time } = tick;
      const account = deps.account();
      const played = state.playedUntil[symbol];
      const isCurrent = played === undefined || time >= played + MINUTE_MS;
      if (account && isCurrent && Number.isFinite(price) && price > 0) {
        const live = priceOf(symbol);
        const from = live.last;
        Object.assign(live, { last: price, isMidCandle: true });
        const changes =
          from === undefined ? undefined : account.playTick(symbol, from, price, time);
        if (changes && changes.orders.length > 0) {
          emit(changes);
          deps.reportState();
        }
      }
      listeners.tick(tick);
    },

    lastPrice: (symbol) => prices.get(symbol)?.last,

    seed(symbol, price) {
      const live = priceOf(symbol);
      if (live.last === undefined) live.last = price;
    },

    entryFor(symbol, isStop) {
      const live = prices.get(symbol);
      if (!live?.isMidCandle) return { entryPoint: 0 };
      return isStop || live.last === undefined
        ? { entryPoint: CLOSE_POINT }
        : { entryPoint: CLOSE_POINT, fillPrice: live.last };
    },
  };
}
