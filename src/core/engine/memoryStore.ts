/**
 * An in-memory BotStore with the same semantics as the IndexedDB one (a fill is recorded once
 * per account and trade id, atomically with its order and ledger). Backtests and previews use
 * it: nothing they do is persisted. Its appending writes complete synchronously.
 */
import type { BotEvent, EquityPoint } from '../bot/types';
import type { OrderRecord } from '../orders/journal';
import type { Fill, Ledger } from '../portfolio/types';
import type { BotRuntimeState, BotStore } from './store';

export interface MemoryBotStore extends BotStore {
  readonly orders: Map<string, OrderRecord>;
  readonly fills: Fill[];
  readonly events: BotEvent[];
  readonly equity: EquityPoint[];
  readonly ledgers: Map<string, Ledger>;
}

export function createMemoryBotStore(): MemoryBotStore {
  const orders = new Map<string, OrderRecord>();
  const fills: Fill[] = [];
  const fillKeys = new Set<string>();
  const fillBots: string[] = [];
  const events: BotEvent[] = [];
  const equity: EquityPoint[] = [];
  const ledgers = new Map<string, Ledger>();
  const runtime = new Map<string, BotRuntimeState>();
  return {
    orders,
    fills,
    events,
    equity,
    ledgers,
    async putOrder(order) {
      orders.set(order.clientOrderId, order);
    },
    async recordFill(accountId, botId, fill, order, ledger) {
      const key = `${accountId}\u0000${fill.tradeId}`;
      if (fillKeys.has(key)) return false;
      fillKeys.add(key);
      fills.push(fill);
      fillBots.push(botId);
      orders.set(order.clientOrderId, order);
      ledgers.set(botId, ledger);
      return true;
    },
    async hasFill(accountId, tradeId) {
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
      events.push({ ...event, seq: events.length + 1 });
    },
    appendEquity(point) {
      equity.push(point);
    },
    async loadRuntimeState(botId) {
      return runtime.get(botId);
    },
    saveRuntimeState(state) {
      runtime.set(state.botId, state);
    },
  };
}
