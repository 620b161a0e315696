/**
 * Save and resume: a paper exchange created from a state saved part-way through a run continues
 * with the same balances, open orders (resting, and just placed ones still waiting for their
 * first candle), ids and trades, and ends where an uninterrupted run ends.
 */
import { describe, expect, it } from 'vitest';
import type { Candle } from '../../core/market/candle';
import type { ExchangeTrade } from '../../core/orders/types';
import type { PaperExchange } from './paperExchange';
import type { PaperState } from './state';
import { createTestPaper, FIXTURE_START, fixtureCandles } from './testSupport';
import type { FixtureSource } from './testSupport';

const SYMBOL = 'BTC/USDT';
const cents = (price: number) => Math.round(price * 100) / 100;

/**
 * A scripted bot: market orders, limits on both sides, stops, and a cancel now and then, on
 * candle closes. It acts synchronously inside the callbacks (once the exchange is started its
 * requests do not wait), so both runs issue the same requests at the same times.
 */
function attachBot(paper: PaperExchange): ExchangeTrade[] {
  const trades: ExchangeTrade[] = [];
  const open = paper.getState().openOrders.map((entry) => entry.order.id);
  paper.watchMyTrades((trade) => trades.push(trade));
  paper.watchOrders((order) => {
    if (order.status === 'open') {
      if (!open.includes(order.id)) open.push(order.id);
    } else open.splice(open.indexOf(order.id), 1);
  });
  const ignore = () => undefined;
  paper.watchCandles(SYMBOL, (candle) => {
    const index = (candle.time - FIXTURE_START) / 60_000;
    const base = { symbol: SYMBOL, amount: 0.01 } as const;
    const place = (request: Parameters<PaperExchange['createOrder']>[0]) =>
      void paper.createOrder(request).catch(ignore);
    if (index % 7 === 0)
      place({ ...base, type: 'market', side: 'buy', clientOrderId: `mb${index}` });
    if (index % 11 === 0) {
      place({ ...base, type: 'market', side: 'sell', clientOrderId: `ms${index}` });
    }
    if (index % 5 === 0) {
      const [below, above] = [cents(candle.close * 0.9995), cents(candle.close * 1.0005)];
      place({ ...base, type: 'limit', side: 'buy', price: below, clientOrderId: `lb${index}` });
      place({ ...base, type: 'limit', side: 'sell', price: above, clientOrderId: `ls${index}` });
    }
    if (index % 9 === 0) {
      const triggerPrice = cents(candle.close * 0.999);
      place({ ...base, type: 'market', side: 'sell', triggerPrice, clientOrderId: `st${index}` });
    }
    if (index % 13 === 0 && open[0]) paper.cancelOrder(open[0], SYMBOL).catch(ignore);
  });
  return trades;
}

/** Plays candles `from`..`to - 1`, with a live tick at an extreme of every third one. */
function drive(source: FixtureSource, from: number, to: number): void {
  for (let index = from; index < to; index++) {
    const candle = fixtureCandles[index] as Candle;
    if (index % 3 === 0) source.tick(SYMBOL, index % 2 ? candle.low : candle.high, 20_000);
    source.closeNext();
  }
}

const START = 100;
const SAVE_AT = 251; // the bot places limits on candle 250
const END = 400;

describe('save and resume', () => {
  it('continues exactly as an uninterrupted run: balances, open orders, ids and trades', async () => {
    const options = { start: START, balances: { USDT: 10_000, BTC: 0.5 }, slippageBps: 3 };
    const uninterrupted = createTestPaper(options);
    const tradesA = attachBot(uninterrupted.paper);
    await uninterrupted.paper.start([SYMBOL]);
    drive(uninterrupted.source, START, SAVE_AT);
    await Promise.resolve(); // let the last cancel settle
    const saved = JSON.parse(JSON.stringify(uninterrupted.paper.getState())) as PaperState;
    const waiting = saved.openOrders.filter((open) => open.entryPoint !== undefined);
    expect(saved.openOrders.length).toBeGreaterThan(waiting.length);
    expect(waiting.length).toBeGreaterThan(0); // placed on the last candle, not yet matched
    drive(uninterrupted.source, SAVE_AT, END);

    const resumed = createTestPaper({ ...options, start: SAVE_AT, balances: {}, state: saved });
    const tradesB = attachBot(resumed.paper);
    await resumed.paper.start([SYMBOL]);
    expect(resumed.paper.balances()).toEqual(
      Object.fromEntries(
        Object.entries(saved.balances).map(([currency, total]) => [
          currency,
          expect.objectContaining({ total }),
        ]),
      ),
    );
    expect(await resumed.paper.fetchOpenOrders()).toEqual(saved.openOrders.map((o) => o.order));
    drive(resumed.source, SAVE_AT, END);
    await Promise.resolve();

    const afterSave = tradesA.filter((trade) => Number(trade.id.slice(8)) >= saved.nextTradeSeq);
    expect(afterSave.length).toBeGreaterThan(20);
    expect(afterSave.some((trade) => trade.takerOrMaker === 'maker')).toBe(true);
    // Some filled on live ticks (20 s into their candle), some stops inside a candle.
    expect(afterSave.some((trade) => trade.timestamp % 60_000 === 20_000)).toBe(true);
    const isStop = (trade: ExchangeTrade) =>
      trade.type === 'market' && trade.timestamp % 60_000 > 0;
    expect(afterSave.some(isStop)).toBe(true);
    expect(tradesB).toEqual(afterSave);
    expect(resumed.paper.getState()).toEqual(uninterrupted.paper.getState());
    expect(await resumed.paper.fetchBalance()).toEqual(await uninterrupted.paper.fetchBalance());
  });
});
