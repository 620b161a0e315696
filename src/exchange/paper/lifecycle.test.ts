import { describe, expect, it } from 'vitest';
import type { ExchangeTrade, OrderRequest } from '../../core/orders/types';
import { createManualClock } from '../../core/time';
import { createPaperExchange } from './paperExchange';
import type { PaperState } from './state';
import { PaperStateError } from './stateCheck';
import { START_INDEX } from '../simulated/simulatedExchange';
import { committedSamples, createTestExchange } from '../simulated/testSupport';
import { createFixtureSource, createTestPaper, fixtureCandles } from './testSupport';

const SYMBOL = 'BTC/USDT';
const limitBuy = (price: number, clientOrderId: string): OrderRequest => ({
  symbol: SYMBOL,
  type: 'limit',
  side: 'buy',
  amount: 0.1,
  price,
  clientOrderId,
});

describe('start and stop', () => {
  it('follows the source only while started; an unknown symbol is refused', async () => {
    const { paper, source } = createTestPaper();
    const candles: number[] = [];
    paper.watchCandles(SYMBOL, (candle) => candles.push(candle.time));
    expect(() => paper.balances()).toThrow(/await start\(\) first/);
    expect(source.subscriptionCount()).toBe(0);
    await expect(paper.start(['ETH/USDT'])).rejects.toMatchObject({ kind: 'invalid_order' });
    await paper.start([SYMBOL]);
    expect(source.subscriptionCount()).toBe(2); // candles and ticks
    expect(paper.balances()).toEqual({
      BTC: { free: 0, used: 0, total: 0 },
      USDT: { free: 10_000, used: 0, total: 10_000 },
    });
    const trades: ExchangeTrade[] = [];
    paper.watchMyTrades((trade) => trades.push(trade));
    await paper.createOrder({ ...limitBuy(0, 'm'), type: 'market', price: undefined });
    paper.stop();
    expect(source.subscriptionCount()).toBe(0);
    source.closeNext();
    expect(candles).toEqual([]);
    expect(trades).toEqual([]);
    await paper.start([SYMBOL]);
    source.closeNext();
    expect(candles).toEqual([fixtureCandles[101]?.time]);
    expect(trades.map((trade) => trade.price)).toEqual([fixtureCandles[101]?.open]);
  });

  it('relays a repeated candle without playing it again', async () => {
    const { paper, source } = createTestPaper();
    const candles: number[] = [];
    paper.watchCandles(SYMBOL, (candle) => candles.push(candle.time));
    await paper.start([SYMBOL]);
    source.closeNext();
    const played = fixtureCandles[100];
    if (!played) throw new Error('fixture too short');
    // A limit the repeated candle's low would reach if it were played again.
    await paper.createOrder(limitBuy(played.low, 'again'));
    source.repeat(100);
    expect(candles).toEqual([played.time, played.time]);
    expect(await paper.fetchOpenOrders()).toHaveLength(1);
    expect(paper.getState().playedUntil).toEqual({ [SYMBOL]: played.time });
  });
});

describe('any ExchangePort as the source', () => {
  it('runs on the built-in simulator: its ticks make an order fill at the price showing', async () => {
    const { exchange: source, clock } = createTestExchange({ speed: 60 });
    const paper = createPaperExchange({
      source,
      clock,
      timers: clock,
      balances: { USDT: 10_000 },
      slippageBps: 10,
    });
    const trades: ExchangeTrade[] = [];
    paper.watchMyTrades((trade) => trades.push(trade));
    await paper.start([SYMBOL]);
    expect(paper.exchangeId).toBe('paper:simulated');
    source.start(); // shows candle START_INDEX's open as a tick
    clock.advance(1_000); // plays it; the next candle's open shows at once
    const next = committedSamples()[SYMBOL]?.[START_INDEX + 1];
    if (!next) throw new Error('sample too short');
    expect(source.getLastPrice(SYMBOL)).toBe(next.open);
    await paper.createOrder({ ...limitBuy(0, 'sim-src'), type: 'market', price: undefined });
    clock.advance(1_000);
    expect(trades).toHaveLength(1);
    expect(trades[0]?.price).toBeCloseTo(next.open * (1 + 10 / 10_000), 9);
    expect(await source.fetchOpenOrders()).toEqual([]); // nothing reached the source
  });
});

describe('the saved state', () => {
  it('is JSON-safe and versioned, and reported after every change', async () => {
    const states: PaperState[] = [];
    const { paper, source } = createTestPaper({ onStateChange: (state) => states.push(state) });
    await paper.start([SYMBOL]);
    await paper.createOrder(limitBuy(20_000, 'l-1'));
    source.closeNext();
    await paper.cancelOrder('paper-o-1', SYMBOL);
    expect(states).toHaveLength(3);
    const last = states.at(-1);
    expect(last).toEqual(paper.getState());
    expect(JSON.parse(JSON.stringify(last))).toEqual(last);
    expect(last).toMatchObject({ version: 1, source: 'fixture', nextOrderSeq: 2 });
    expect(states[0]?.openOrders).toHaveLength(1);
    expect(last?.openOrders).toEqual([]);
  });

  it('is refused with the reason when it cannot be resumed', async () => {
    const { paper } = createTestPaper();
    await paper.start([SYMBOL]);
    await paper.createOrder(limitBuy(20_000, 'l-1'));
    const good = paper.getState();
    const resume = (state: unknown, exchangeId = 'fixture') => {
      const clock = createManualClock();
      const source = createFixtureSource({
        samples: { [SYMBOL]: fixtureCandles },
        clock,
        exchangeId,
      });
      const state_ = state as PaperState;
      return createPaperExchange({ source, clock, timers: clock, balances: {}, state: state_ });
    };
    expect(() => resume({ ...good, version: 2 })).toThrow(
      'Cannot resume the paper exchange: version 2 is not supported (this version reads 1)',
    );
    expect(() => resume(good, 'binance')).toThrow(/belongs to paper:fixture, not paper:binance/);
    const damaged = JSON.parse(JSON.stringify(good)) as PaperState;
    (damaged.openOrders[0]?.order as unknown as Record<string, unknown>)['amount'] = '0.1';
    expect(() => resume(damaged)).toThrow(PaperStateError);
    expect(() => resume(damaged)).toThrow(
      /openOrders\[0\]\.order\.amount must be a finite number \(got 0\.1\)/,
    );
    expect(() => resume({ ...good, seenClientOrderIds: [] })).toThrow(
      /openOrders\[0\]\.order\.clientOrderId is missing from seenClientOrderIds/,
    );
    expect(() => resume({ ...good, balances: { USDT: null } })).toThrow(/balances\.USDT/);
    expect(() => resume(null)).toThrow(/state must be an object/);
    expect(() => resume(good)).not.toThrow();
    // An open order on a market the source does not have is refused once markets load.
    const foreign = JSON.parse(JSON.stringify(good)) as PaperState;
    if (foreign.openOrders[0]) foreign.openOrders[0].order.symbol = 'DOGE/USDT';
    await expect(resume(foreign).start([SYMBOL])).rejects.toThrow(
      /openOrders\[0\]\.order\.symbol DOGE\/USDT is not a market of fixture/,
    );
  });
});
