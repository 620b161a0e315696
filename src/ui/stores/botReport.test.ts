import { describe, expect, it } from 'vitest';
import { createTestDb, sampleConfig, sampleFill, sampleOrder } from '../../db/testDb';
import { CLEAR_CODEC } from '../../db';
import { loadBotReport } from './botReport';

describe('loadBotReport', () => {
  it('builds the report from every equity point and fill the bot recorded', async () => {
    const db = createTestDb();
    const config = sampleConfig({ symbol: 'BTC/USDT', timeframe: '1m' });
    await db.bots.put({
      id: 'bot-1',
      shortId: 'abc123',
      config,
      configVersion: 1,
      status: 'running',
      createdAt: 0,
      updatedAt: 0,
    });
    const minute = 60_000;
    await db.equity.bulkPut(
      [1000, 1010, 990, 1030].map((equity, index) => ({
        botId: 'bot-1',
        time: index * minute,
        equity,
        price: 100 + index,
      })),
    );
    await db.equity.put({ botId: 'other', time: 0, equity: 5, price: 1 });
    await db.orders.bulkPut([
      sampleOrder({ clientOrderId: 'o-buy', botId: 'bot-1' }),
      sampleOrder({
        clientOrderId: 'o-sell',
        botId: 'bot-1',
        side: 'sell',
        tag: 'sma-cross-down',
        configVersion: 2,
      }),
    ]);
    await db.fills.bulkPut([
      {
        ...sampleFill({
          tradeId: 't1',
          clientOrderId: 'o-buy',
          time: 0,
          price: 100,
          amount: 1,
          fee: 0,
        }),
        accountId: 'a',
        botId: 'bot-1',
      },
      {
        ...sampleFill({
          tradeId: 't2',
          clientOrderId: 'o-sell',
          time: 3 * minute,
          side: 'sell',
          price: 103,
          amount: 1,
          fee: 0,
        }),
        accountId: 'a',
        botId: 'bot-1',
      },
    ]);
    const loaded = await loadBotReport(db, 'bot-1', CLEAR_CODEC);
    expect(loaded?.report.title).toBe('BTC crossover · BTC/USDT 1m');
    expect(loaded?.report.equity.values).toEqual([1000, 1010, 990, 1030]);
    expect(loaded?.report.metrics.totalReturn).toBeCloseTo(0.03, 12);
    // The buy was placed under config v1, the sell after an edit, under v2.
    expect(loaded?.report.trades).toMatchObject([
      { pnl: 3, exitReason: 'sma-cross-down', entryConfigVersion: 1, exitConfigVersion: 2 },
    ]);
    expect(await loadBotReport(db, 'missing', CLEAR_CODEC)).toBeUndefined();
  });
});
