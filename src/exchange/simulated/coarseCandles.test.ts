/**
 * The simulator replaying coarser candles with gaps, as a backtest of daily stock data does:
 * times and indexes across gaps and loops, fetchOHLCV by candle count, and a market order
 * placed after Friday's candle filling at Monday's open.
 */
import { describe, expect, it } from 'vitest';
import type { Candle } from '../../core/market/candle';
import { fetchClosedCandles } from './ohlcv';
import { createReplaySeries } from './replaySeries';
import { createTestExchange } from './testSupport';

const DAY = 86_400_000;
/** Wednesday 1 March 2023. */
const WED = Date.UTC(2023, 2, 1);
/** Days (from WED) of two trading weeks: Wed–Fri, then Mon–Fri, then Mon. */
const TRADING_DAYS = [0, 1, 2, 5, 6, 7, 8, 9, 12];

function dailySample(): Candle[] {
  return TRADING_DAYS.map((day, index) => {
    const price = 100 + index;
    return {
      time: WED + day * DAY,
      open: price,
      high: price + 2,
      low: price - 2,
      close: price + 1,
      volume: 10,
    };
  });
}

describe('a daily series with weekend gaps', () => {
  const series = createReplaySeries({ 'GOOG/USD': dailySample() }, DAY);

  it('takes each candle time from the sample and loops after its span', () => {
    expect(series.timeOf(3)).toBe(WED + 5 * DAY);
    const span = 13 * DAY;
    expect(series.timeOf(TRADING_DAYS.length)).toBe(WED + span);
    expect(series.timeOf(TRADING_DAYS.length + 3)).toBe(WED + span + 5 * DAY);
    expect(series.indexAtOrAfter(WED + 3 * DAY)).toBe(3);
    expect(series.indexAtOrAfter(WED + 5 * DAY)).toBe(3);
    expect(series.indexAtOrAfter(WED + span + 3 * DAY)).toBe(TRADING_DAYS.length + 3);
    expect(series.indexAtOrAfter(WED - DAY)).toBe(-1);
  });

  it('returns the requested number of closed daily candles despite the gaps', () => {
    const latest = fetchClosedCandles(series, 'GOOG/USD', 6, { timeframe: '1d', limit: 4 });
    expect(latest.map((candle) => candle.time)).toEqual([2, 5, 6, 7].map((day) => WED + day * DAY));
    const since = fetchClosedCandles(series, 'GOOG/USD', 8, {
      timeframe: '1d',
      since: WED + 3 * DAY,
      limit: 3,
    });
    expect(since.map((candle) => candle.time)).toEqual([5, 6, 7].map((day) => WED + day * DAY));
  });

  it('refuses a timeframe finer than its candles', () => {
    expect(() => fetchClosedCandles(series, 'GOOG/USD', 6, { timeframe: '1h' })).toThrow(
      /1h cannot be made of the market's 1d candles/,
    );
  });

  it('refuses samples that are out of step or not on the same days', () => {
    const sample = dailySample();
    expect(() => createReplaySeries({ A: [...sample].reverse() }, DAY)).toThrow(/increasing/);
    const shifted = sample.map((candle, index) =>
      index === 4 ? { ...candle, time: candle.time + DAY } : candle,
    );
    expect(() => createReplaySeries({ A: sample, B: shifted }, DAY)).toThrow(/other samples/);
    expect(() => createReplaySeries({ A: sample }, 7 * DAY)).toThrow(/steps/);
  });
});

describe('the simulator on daily candles', () => {
  it("fills a market order placed after Friday's candle at Monday's open, at Monday's time", async () => {
    const { exchange, clock } = createTestExchange({
      samples: { 'GOOG/USD': dailySample() },
      candleMs: DAY,
      speed: DAY,
      startIndex: 2,
      balances: { USD: 1_000 },
    });
    const played: number[] = [];
    exchange.watchCandles('GOOG/USD', (candle) => played.push(candle.time));
    exchange.start();
    clock.advance(3); // Friday (day 2) completes when Monday (day 5) opens
    expect(played).toEqual([WED + 2 * DAY]);
    expect(exchange.getMarketTime()).toBe(WED + 5 * DAY);
    const order = await exchange.createOrder({
      symbol: 'GOOG/USD',
      side: 'buy',
      type: 'market',
      amount: 1,
      clientOrderId: 'monday-open',
    });
    expect(order.timestamp).toBe(WED + 5 * DAY);
    clock.advance(1);
    const [trade] = await exchange.fetchMyTrades('GOOG/USD');
    expect(trade).toMatchObject({ price: 103, amount: 1, timestamp: WED + 5 * DAY });
    const daily = await exchange.fetchOHLCV('GOOG/USD', '1d', undefined, 2);
    expect(daily.map((candle) => candle.time)).toEqual([WED + 2 * DAY, WED + 5 * DAY]);
  });
});
