import { describe, expect, it } from 'vitest';
import { drawdownSeries, priceData } from './displaySeries';

describe('display series', () => {
  it('draws the drawdown as a fraction of the running peak', () => {
    expect([...drawdownSeries([100, 120, 90, 130])]).toEqual([0, 0, 90 / 120 - 1, 0]);
  });

  it('merges fill markers into the price series on one sorted x axis', () => {
    const data = priceData(
      [60_000, 120_000, 180_000],
      [10, 11, 12],
      [
        { time: 120_000, side: 'buy', price: 11.1, amount: 1 },
        { time: 150_000, side: 'sell', price: 11.5, amount: 1 },
      ],
      100,
    );
    expect([...(data[0] as Float64Array)]).toEqual([60, 120, 150, 180]);
    expect(data[1]).toEqual([10, 11, null, 12]);
    expect(data[2]).toEqual([null, 11.1, null, null]);
    expect(data[3]).toEqual([null, null, 11.5, null]);
  });
});
