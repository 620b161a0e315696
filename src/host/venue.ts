/**
 * A venue: where a bot's orders go — an account in one mode. A simulated account is one venue;
 * an exchange account has up to two, its paper venue (pretend fills on real prices) and its live
 * venue (real orders), each with its own client, market-data hub and fill routing, so paper and
 * live bots on one account never see each other's orders.
 */
import type { BotMode } from '../core/bot/types';
import type { ExchangePort } from '../core/exchangePort';
import type { Market } from '../core/market/types';
import type { ExchangeOrder, ExchangeTrade } from '../core/orders/types';
import type { TradingPath } from '../exchange/ccxt/types';
import type { MarketHub } from '../exchange/marketHub';

/** Sends each fill and order update to the bot that owns its client order id. */
export interface AccountRouter {
  onTrade(trade: ExchangeTrade): void;
  onOrder(order: ExchangeOrder): void;
}

export interface Venue {
  /** venueKey(accountId, mode). */
  readonly key: string;
  readonly accountId: string;
  readonly mode: BotMode;
  /** The account's name, for messages. */
  readonly name: string;
  /** The port bot runtimes use (on exchange venues: with failures handled, see exchangeGuard). */
  readonly exchange: ExchangePort;
  readonly hub: MarketHub;
  readonly markets: Record<string, Market>;
  /** Live venues: how orders travel from the browser. */
  readonly tradingPath?: TradingPath;
  /** Follows `symbol`: its ticks are published, and a paper venue tracks its prices. */
  follow(symbol: string): Promise<void>;
  /** Stops feeds and timers and waits until the latest state is stored. */
  close(): Promise<void>;
}

/** The venue of a bot: the account itself when simulated, "<account>:paper" or "<account>:live". */
export function venueKey(accountId: string, mode: BotMode): string {
  return mode === 'simulated' ? accountId : `${accountId}:${mode}`;
}
