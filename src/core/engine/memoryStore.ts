/**
 * An in-memory BotStore with the same semantics as the IndexedDB one (a fill is recorded once
 * per account and trade id, atomically with its order and ledger). Backtests and previews use
 * it: nothing they do is persisted. Its writes and fill lookups complete synchronously. Equity points
 * are kept as columns of numbers (an EquitySeries of every point appended, whichever bot's): a
 * backtest appends one per candle, and a million retained objects would cost the garbage
 * collector more than the rest of the run.
 */
import type { EquitySeries } from '../bot/equitySeries';
import type { BotEvent } from '../bot/types';
import type { OrderRecord } from '../orders/journal';
import type { Fill, Ledger } from '../portfolio/types';
import type { BotRuntimeState, BotStore } from './store';
import { withGetters } from '../withGetters';

export interface MemoryBotStore extends BotStore {
  readonly orders: Map<string, OrderRecord>;
  readonly fills: Fill[];
  readonly events: BotEvent[];
  /** Every equity point appended, in order, as columns (views: later appends do not show). */
  readonly equity: EquitySeries;
  readonly ledgers: Map<string, Ledger>;
}

export interface MemoryBotStoreOptions {
  /**
   * How many equity points to make room for at once (a backtest knows: one per candle), so
   * the columns are not grown and copied as they fill. More are still taken.
   */
  equityCapacity?: number;
}

export function createMemoryBotStore(options: MemoryBotStoreOptions = {}): MemoryBotStore {
  const orders = new Map<string, OrderRecord>();
  const fills: Fill[] = [];
  const fillKeys = new Set<string>();
  const fillBots: string[] = [];
  const events: BotEvent[] = [];
  const equity = createEquityColumns(options.equityCapacity);
  const ledgers = new Map<string, Ledger>();
  const runtime = new Map<string, BotRuntimeState>();
  const store: Omit<MemoryBotStore, 'equity'> = {
    orders,
    fills,
    events,
    ledgers,
    putOrder(order) {
      orders.set(order.clientOrderId, order);
    },
    recordFill(accountId, botId, fill, order, ledger) {
      const key = `${accountId}\u0000${fill.tradeId}`;
      if (fillKeys.has(key)) return false;
      fillKeys.add(key);
      fills.push(fill);
      fillBots.push(botId);
      orders.set(order.clientOrderId, order);
      ledgers.set(botId, ledger);
      return true;
    },
    hasFill(accountId, tradeId) {
      return fillKeys.has(`${accountId}\u0000${tradeId}`);
    },
    async loadOrders(botId) {
      return [...orders.values()].filter((order) => order.botId === botId);
    },
    async loadRecentFills(botId, count) {
      const own = fills.filter((_, index) => fillBots[index] === botId);
      return count > 0 ? own.slice(-count) : [];
    },
    async loadLedger(botId) {
      return ledgers.get(botId);
    },
    async saveLedger(botId, ledger) {
      ledgers.set(botId, ledger);
    },
    appendEvent(event) {
      const { botId, time, type, message, data } = event;
      events.push({ botId, time, type, message, data, seq: events.length + 1 });
    },
    appendEquity(point) {
      equity.append(point.time, point.equity, point.price, point.plots);
    },
    appendEquityValues(_botId, time, value, price) {
      equity.append(time, value, price, undefined);
    },
    async loadRuntimeState(botId) {
      return runtime.get(botId);
    },
    saveRuntimeState(state) {
      runtime.set(state.botId, state);
    },
  };
  return withGetters(store, { equity: () => equity.series() });
}

/** Equity points as growing columns: numbers in typed arrays, plots beside them. */
function createEquityColumns(initialCapacity = 1_024) {
  let capacity = Math.max(1, Math.ceil(initialCapacity));
  let times = new Float64Array(capacity);
  let values = new Float64Array(capacity);
  let prices = new Float64Array(capacity);
  /** Plots by point index (only points that have them). */
  const plots = new Map<number, Record<string, number>>();
  let length = 0;

  const grow = (): void => {
    capacity *= 2;
    const copy = (column: Float64Array) => {
      const larger = new Float64Array(capacity);
      larger.set(column);
      return larger;
    };
    times = copy(times);
    values = copy(values);
    prices = copy(prices);
  };

  return {
    append(
      time: number,
      value: number,
      price: number,
      pointPlots: Record<string, number> | undefined,
    ): void {
      if (length === capacity) grow();
      times[length] = time;
      values[length] = value;
      prices[length] = price;
      if (pointPlots !== undefined) plots.set(length, pointPlots);
      length += 1;
    },
    series(): EquitySeries {
      return {
        length,
        times: times.subarray(0, length),
        values: values.subarray(0, length),
        prices: prices.subarray(0, length),
        plots: new Map(plots),
      };
    },
  };
}
