/**
 * Read side of the trading history for the UI and reports: the order journal, fills and the
 * equity curve of one bot. Writes go through the BotStore (dexieBotStore.ts).
 */
import type { EquityPoint } from '../core/bot/types';
import type { OrderRecord } from '../core/orders/journal';
import type { OrderState } from '../core/orders/types';
import type { TimestampMs } from '../core/time';
import { botRange } from './keyRanges';
import type { FillRow, FlotillaDb } from './schema';
import { requireNumber } from './validation';

/** Journal states in which an order may still fill or be canceled. */
export const OPEN_ORDER_STATES: readonly OrderState[] = ['new', 'sent', 'open', 'partially_filled'];

export interface OrdersRepository {
  /** A bot's orders, oldest first. */
  listOrders(botId: string): Promise<OrderRecord[]>;
  /** A bot's orders in a non-final state (new, sent, open, partially filled), oldest first. */
  listOpenOrders(botId: string): Promise<OrderRecord[]>;
  /** A bot's latest `limit` fills, newest first. */
  listFills(botId: string, limit?: number): Promise<FillRow[]>;
  /** A bot's equity curve from `since` (inclusive), oldest first. */
  listEquity(botId: string, since?: TimestampMs): Promise<EquityPoint[]>;
}

const byCreation = (a: OrderRecord, b: OrderRecord) => a.createdAt - b.createdAt;

export function createOrdersRepository(db: FlotillaDb): OrdersRepository {
  return {
    async listOrders(botId) {
      return (await db.orders.where('botId').equals(botId).toArray()).sort(byCreation);
    },
    async listOpenOrders(botId) {
      const keys = OPEN_ORDER_STATES.map((state) => [botId, state]);
      return (await db.orders.where('[botId+state]').anyOf(keys).toArray()).sort(byCreation);
    },
    async listFills(botId, limit = 200) {
      requireNumber(limit, 'limit', { min: 1 });
      return db.fills
        .where('[botId+time]')
        .between(...botRange(botId))
        .reverse()
        .limit(limit)
        .toArray();
    },
    async listEquity(botId, since) {
      if (since !== undefined) requireNumber(since, 'since');
      return db.equity
        .where('[botId+time]')
        .between(...botRange(botId, since))
        .toArray();
    },
  };
}
