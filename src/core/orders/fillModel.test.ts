import { describe, expect, it } from 'vitest';
import { intrabarPath } from '../market/intrabarPath';
import { limitFillOnPath, limitFillPrice, marketFillPrice } from './fillModel';

const candle = (open: number, high: number, low: number, close: number) => ({
  open,
  high,
  low,
  close,
});

describe('marketFillPrice', () => {
  it('makes a buy pay up and a sell receive less by the slippage', () => {
    expect(marketFillPrice(20_000, 'buy', 5)).toBeCloseTo(20_010, 9);
    expect(marketFillPrice(20_000, 'sell', 5)).toBeCloseTo(19_990, 9);
  });

  it('is the reference price without slippage', () => {
    expect(marketFillPrice(23_140.48, 'buy', 0)).toBe(23_140.48);
    expect(marketFillPrice(23_140.48, 'sell', 0)).toBe(23_140.48);
  });
});

describe('limitFillPrice', () => {
  const up = candle(100, 110, 95, 105);

  it('fills a buy at its price when the path trades down to it', () => {
    expect(limitFillPrice({ side: 'buy', price: 96 }, up)).toBe(96);
    expect(limitFillPrice({ side: 'buy', price: 95 }, up)).toBe(95);
  });

  it('fills a sell at its price when the path trades up to it', () => {
    expect(limitFillPrice({ side: 'sell', price: 108 }, up)).toBe(108);
  });

  it('does not fill levels the candle never reaches', () => {
    expect(limitFillPrice({ side: 'buy', price: 94 }, up)).toBeUndefined();
    expect(limitFillPrice({ side: 'sell', price: 111 }, up)).toBeUndefined();
  });

  it('fills at the open when the candle gaps through the level', () => {
    const gapDown = candle(90, 92, 88, 91);
    expect(limitFillPrice({ side: 'buy', price: 95 }, gapDown)).toBe(90);
    const gapUp = candle(120, 125, 119, 121);
    expect(limitFillPrice({ side: 'sell', price: 110 }, gapUp)).toBe(120);
  });

  it('lets the path order decide when a buy and a sell level are both touched', () => {
    const buy = { side: 'buy' as const, price: 97 };
    const sell = { side: 'sell' as const, price: 108 };

    // Up candle: open -> low first, so the buy fills before the sell.
    const upPath = intrabarPath(up);
    const upBuy = limitFillOnPath(buy, upPath);
    const upSell = limitFillOnPath(sell, upPath);
    expect(upBuy && upSell && upBuy.distance < upSell.distance).toBe(true);

    // Down candle with the same range: open -> high first, so the sell fills first.
    const downPath = intrabarPath(candle(100, 110, 95, 99));
    const downBuy = limitFillOnPath(buy, downPath);
    const downSell = limitFillOnPath(sell, downPath);
    expect(downBuy && downSell && downSell.distance < downBuy.distance).toBe(true);
    expect([downSell?.price, downBuy?.price]).toEqual([108, 97]);
  });
});

describe('limitFillOnPath from a later point', () => {
  it('skips the part of the path before an order placed mid-candle', () => {
    const path = intrabarPath(candle(100, 110, 95, 105)); // 100 -> 95 -> 110 -> 105
    expect(limitFillOnPath({ side: 'buy', price: 97 }, path)?.price).toBe(97);
    expect(limitFillOnPath({ side: 'buy', price: 97 }, path, 2)).toBeUndefined();
    expect(limitFillOnPath({ side: 'sell', price: 108 }, path, 1)?.price).toBe(108);
  });
});
