import { describe, expect, it } from 'vitest';
import type { BotConfig } from '../core/bot/types';
import type { ExchangePort } from '../core/exchangePort';
import type { OrderIntent } from '../core/orders/types';
import { defineStrategy } from '../core/strategy/defineStrategy';
import { createOrdersRepository } from '../db';
import { STRATEGIES } from '../../strategies';
import { startTestHost } from './testHost';

/** Buys at market when it holds nothing and has no order open, and then holds. */
const buyOnce = defineStrategy({
  id: 'buy-once-test',
  name: 'Buy once',
  description: 'One market buy, then nothing.',
  category: 'benchmark',
  timeframe: '1m',
  params: {},
  warmup: () => 1,
  init: () => ({}),
  onCandle(_state, _candle, ctx): OrderIntent[] {
    if (ctx.isWarmup || ctx.position.amount > 0 || ctx.openOrders.length > 0) return [];
    return [{ kind: 'enter_long', quote: 100, tag: 'once' }];
  },
});

const BOT: BotConfig = {
  name: 'Buy once',
  mode: 'simulated',
  accountId: 'sim-default',
  symbol: 'BTC/USDT',
  strategyId: 'buy-once-test',
  timeframe: '1m',
  params: {},
  allocation: 1_000,
};

describe('a fill while a bot is loading', { timeout: 30_000 }, () => {
  it('reaches the bot: the order is not left open with its fill lost', async () => {
    const strategies = [...STRATEGIES, buyOnce];
    const first = await startTestHost({ strategies });
    const created = await first.host.createBot(BOT, { start: true });
    if (!created.ok) throw new Error(created.error);
    const botId = created.value.id;
    const orders = createOrdersRepository(first.db);
    // Stop the host with the market buy placed and not yet filled (it fills on the next candle).
    for (let minute = 0; minute < 10 && (await orders.listOpenOrders(botId)).length === 0; minute++)
      await first.play(1);
    expect((await orders.listOpenOrders(botId)).map((order) => order.state)).toEqual(['open']);
    await first.host.shutdown();

    // Reopened, the simulator plays on while the bot loads: here the candle that fills the buy
    // is played just after the bot has looked for fills it missed, before it is running.
    let hasPlayed = false;
    const wrapExchange = (exchange: ExchangePort): ExchangePort =>
      Object.assign(Object.create(exchange) as ExchangePort, {
        async fetchMyTrades(...args: Parameters<ExchangePort['fetchMyTrades']>) {
          const trades = await exchange.fetchMyTrades(...args);
          if (!hasPlayed) {
            hasPlayed = true;
            first.clock.advance(300);
          }
          return trades;
        },
      });
    const second = await startTestHost({
      db: first.db,
      clock: first.clock,
      strategies,
      wrapExchange,
    });
    await second.play(3);
    expect(hasPlayed).toBe(true);
    const repo = createOrdersRepository(second.db);
    expect(await repo.listOpenOrders(botId)).toEqual([]);
    const fills = await repo.listFills(botId, 10);
    expect(fills.map((fill) => fill.side)).toEqual(['buy']);
    expect((await second.db.ledgers.get(botId))?.ledger.position).toBeCloseTo(
      fills[0]?.amount ?? NaN,
      10,
    );
    await second.host.shutdown();
  });
});
