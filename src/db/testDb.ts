/**
 * Test helpers: a FlotillaDb on fake-indexeddb with a unique name, closed when the test ends,
 * and sample domain objects. Used only by *.test.ts files.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { onTestFinished } from 'vitest';
import type { BotConfig } from '../core/bot/types';
import type { OrderRecord } from '../core/orders/journal';
import type { Fill, Ledger } from '../core/portfolio/types';
import { FlotillaDb } from './schema';

export const testDependencies = { indexedDB, IDBKeyRange };

let counter = 0;

/** A unique database name, so tests never share state. */
export function uniqueDbName(): string {
  counter += 1;
  return `flotilla-test-${counter}-${crypto.randomUUID()}`;
}

export function createTestDb(name = uniqueDbName()): FlotillaDb {
  const db = new FlotillaDb(name, testDependencies);
  onTestFinished(() => db.close());
  return db;
}

export function sampleConfig(overrides: Partial<BotConfig> = {}): BotConfig {
  return {
    name: 'BTC crossover',
    mode: 'simulated',
    accountId: 'sim-default',
    symbol: 'BTC/USDT',
    strategyId: 'sma-cross',
    timeframe: '1h',
    params: { fast: 9, slow: 21 },
    allocation: 1000,
    ...overrides,
  };
}

export function sampleOrder(overrides: Partial<OrderRecord> = {}): OrderRecord {
  return {
    clientOrderId: 'fltabc1230001',
    botId: 'bot-1',
    accountId: 'sim-default',
    symbol: 'BTC/USDT',
    side: 'buy',
    type: 'market',
    amount: 0.01,
    state: 'new',
    filled: 0,
    fee: 0,
    configVersion: 1,
    createdAt: 1_000,
    updatedAt: 1_000,
    history: [{ state: 'new', time: 1_000 }],
    ...overrides,
  };
}

export function sampleFill(overrides: Partial<Fill> = {}): Fill {
  return {
    tradeId: 'trade-1',
    clientOrderId: 'fltabc1230001',
    time: 2_000,
    side: 'buy',
    price: 30_000,
    amount: 0.01,
    fee: 0.3,
    feeCurrency: 'USDT',
    takerOrMaker: 'taker',
    ...overrides,
  };
}

export function sampleLedger(overrides: Partial<Ledger> = {}): Ledger {
  return {
    base: 'BTC',
    quote: 'USDT',
    initialCash: 1000,
    cash: 699.7,
    position: 0.01,
    averageEntry: 30_000,
    realizedPnl: 0,
    feesPaid: 0.3,
    tradeCount: 1,
    ...overrides,
  };
}
