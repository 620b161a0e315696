/**
 * The engine's BotStore port on Dexie. Each method is one transaction; recordFill is
 * idempotent on [accountId+tradeId], so replaying a trade stream after a reload or a
 * reconnect never counts a fill twice.
 */
import type { EquityPoint } from '../core/bot/types';
import type { BotRuntimeState, BotStore } from '../core/engine/store';
import type { OrderRecord } from '../core/orders/journal';
import type { Fill } from '../core/portfolio/types';
import type { Clock } from '../core/time';
import { insertEvent } from './eventsRepository';
import { botRange } from './keyRanges';
import type { FlotillaDb } from './schema';
import { requireNumber, requireString, ValidationError } from './validation';

export interface DexieBotStoreOptions {
  /** Stamps `updatedAt` of saved ledgers; defaults to the wall clock. */
  clock?: Clock;
}

function validateOrder(order: OrderRecord): void {
  requireString(order.clientOrderId, 'order.clientOrderId');
  requireString(order.botId, 'order.botId');
  requireString(order.accountId, 'order.accountId');
  requireNumber(order.amount, 'order.amount', { min: 0, isMinExclusive: true });
  requireNumber(order.filled, 'order.filled', { min: 0 });
}

function validateFill(accountId: string, botId: string, fill: Fill, order: OrderRecord): void {
  requireString(accountId, 'accountId');
  requireString(botId, 'botId');
  requireString(fill.tradeId, 'fill.tradeId');
  requireNumber(fill.time, 'fill.time', { min: 0 });
  requireNumber(fill.price, 'fill.price', { min: 0, isMinExclusive: true });
  requireNumber(fill.amount, 'fill.amount', { min: 0, isMinExclusive: true });
  requireNumber(fill.fee, 'fill.fee');
  validateOrder(order);
  // A fill written under the wrong bot or account would corrupt another bot's ledger.
  if (fill.clientOrderId !== order.clientOrderId) {
    throw new ValidationError('fill.clientOrderId', `does not match order ${order.clientOrderId}`);
  }
  if (order.botId !== botId) {
    throw new ValidationError('order.botId', `does not match bot ${botId}`);
  }
  if (order.accountId !== accountId) {
    throw new ValidationError('order.accountId', `does not match account ${accountId}`);
  }
}

export function validateEquityPoint(point: EquityPoint): void {
  requireString(point.botId, 'point.botId');
  requireNumber(point.time, 'point.time', { min: 0 });
  requireNumber(point.equity, 'point.equity');
  requireNumber(point.price, 'point.price');
}

export function validateRuntimeState(state: BotRuntimeState): void {
  requireString(state.botId, 'state.botId');
  requireNumber(state.lastCandleTime, 'state.lastCandleTime');
}

export function createDexieBotStore(db: FlotillaDb, options: DexieBotStoreOptions = {}): BotStore {
  const clock = options.clock ?? { now: () => Date.now() };

  return {
    async putOrder(order) {
      validateOrder(order);
      await db.orders.put(order);
    },

    async recordFill(accountId, botId, fill, order, ledger) {
      validateFill(accountId, botId, fill, order);
      const updatedAt = clock.now();
      return db.transaction('rw', [db.fills, db.orders, db.ledgers], async () => {
        if (await db.fills.get([accountId, fill.tradeId])) return false;
        await db.fills.add({
          ...fill,
          accountId,
          botId,
          configVersion: order.configVersion,
          seq: ledger.tradeCount,
        });
        await db.orders.put(order);
        await db.ledgers.put({ botId, ledger, updatedAt });
        return true;
      });
    },

    async hasFill(accountId, tradeId) {
      return (await db.fills.get([accountId, tradeId])) !== undefined;
    },

    async loadOrders(botId) {
      const orders = await db.orders.where('botId').equals(botId).toArray();
      return orders.sort((a, b) => a.createdAt - b.createdAt);
    },

    async loadRecentFills(botId, count) {
      if (count <= 0) return [];
      const latest = await db.fills
        .where('[botId+time]')
        .between(...botRange(botId))
        .reverse()
        .limit(count)
        .toArray();
      const since = Math.min(...latest.map((row) => row.time));
      // Fills of one candle share a time: `seq` (the ledger's trade count) keeps their order.
      const rows = await db.fills
        .where('[botId+time]')
        .between(...botRange(botId, since))
        .toArray();
      return rows
        .sort((a, b) => a.time - b.time || (a.seq ?? 0) - (b.seq ?? 0))
        .slice(-count)
        .map(({ accountId: _a, botId: _b, configVersion: _c, seq: _s, ...fill }) => fill);
    },

    async loadLedger(botId) {
      return (await db.ledgers.get(botId))?.ledger;
    },

    async saveLedger(botId, ledger) {
      requireString(botId, 'botId');
      await db.ledgers.put({ botId, ledger, updatedAt: clock.now() });
    },

    async appendEvent(event) {
      await insertEvent(db, event);
    },

    async appendEquity(point) {
      validateEquityPoint(point);
      // Keyed by [botId+time]: a snapshot re-taken for the same time replaces the first.
      await db.equity.put(point);
    },

    loadRuntimeState: (botId) => db.runtime.get(botId),

    async saveRuntimeState(state) {
      validateRuntimeState(state);
      await db.runtime.put(state);
    },
  };
}
