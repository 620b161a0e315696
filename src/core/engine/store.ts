/**
 * The persistence port the bot runtime writes through. The Dexie implementation lives in
 * src/db; tests may use the same one on fake-indexeddb. Every method is atomic. The appending
 * writes, the journal's and the fills' may complete synchronously (the in-memory store of
 * backtests): callers await them only when they return a promise.
 */
import type { BotEvent, EquityPoint } from '../bot/types';
import type { OrderRecord } from '../orders/journal';
import type { Fill, Ledger } from '../portfolio/types';
import type { ProtectiveState } from '../risk/protectiveExits';
import type { TradeRecord } from '../risk/tradeLog';
import type { TimestampMs } from '../time';
import type { MaybePromise } from './maybePromise';

/** What a bot runtime needs to resume where it stopped. */
export interface BotRuntimeState {
  botId: string;
  /** Open time of the last closed candle the strategy processed. */
  lastCandleTime: TimestampMs;
  /** Protective-exit state of the open position (bots with a risk section). */
  protective?: ProtectiveState;
  /** The bot's recent round trips, for the pre-trade limits (bots with a risk section). */
  trades?: TradeRecord[];
  /**
   * How many of the bot's fills (its ledger's tradeCount) the strategy has been told about
   * (onFill) and acted on. Fills beyond it were recorded by a host that died before telling
   * the strategy, or arrived while no host ran: the next start tells it. Absent: all of them.
   */
  notifiedTradeCount?: number;
}

export interface BotStore {
  /** Inserts or replaces a journal record (keyed by client order id). */
  putOrder(order: OrderRecord): MaybePromise<void>;
  /**
   * Records a fill with the order and ledger it produced, in one transaction. Returns false
   * (and writes nothing) when a fill with the same account and trade id already exists.
   */
  recordFill(
    accountId: string,
    botId: string,
    fill: Fill,
    order: OrderRecord,
    ledger: Ledger,
  ): MaybePromise<boolean>;
  /** Whether a fill with this account and trade id is already recorded. */
  hasFill(accountId: string, tradeId: string): MaybePromise<boolean>;
  loadOrders(botId: string): Promise<OrderRecord[]>;
  /** The bot's last `count` fills, oldest first, in the order they were recorded. */
  loadRecentFills(botId: string, count: number): Promise<Fill[]>;
  loadLedger(botId: string): Promise<Ledger | undefined>;
  saveLedger(botId: string, ledger: Ledger): Promise<void>;
  appendEvent(event: BotEvent): MaybePromise<void>;
  appendEquity(point: EquityPoint): MaybePromise<void>;
  /**
   * Appends an equity point without plots, given as its numbers: the same as appendEquity with
   * `{ botId, time, equity, price }`. Optional; the in-memory store has it, so a backtest makes
   * no point object per candle. The runtime uses appendEquity where it is missing.
   */
  appendEquityValues?(
    botId: string,
    time: TimestampMs,
    equity: number,
    price: number,
  ): MaybePromise<void>;
  loadRuntimeState(botId: string): Promise<BotRuntimeState | undefined>;
  saveRuntimeState(state: BotRuntimeState): MaybePromise<void>;
}
