import { describe, expect, it } from 'vitest';
import type { Candle } from '../../core/market/candle';
import { intrabarPath } from '../../core/market/intrabarPath';
import { createReplaySeries } from './replaySeries';
import { createTestExchange } from './testSupport';

const MINUTE = 60_000;
const START = Date.UTC(2023, 2, 1);
const sample: Candle[] = [
  { time: START, open: 100, high: 104, low: 99, close: 103, volume: 1 },
  { time: START + MINUTE, open: 103, high: 103.5, low: 97, close: 98, volume: 2 },
  { time: START + 2 * MINUTE, open: 98, high: 101, low: 97.5, close: 100, volume: 3 },
];

describe('replay series', () => {
  it("hands out the sample's own candles on the first loop and scaled copies after it", () => {
    const series = createReplaySeries({ 'BTC/USDT': sample });
    sample.forEach((candle, index) => expect(series.candleAt('BTC/USDT', index)).toBe(candle));
    const looped = series.candleAt('BTC/USDT', sample.length);
    expect(looped).not.toBe(sample[0]);
    expect(looped.time).toBe(START + 3 * MINUTE);
    expect(looped.open).toBeCloseTo(100 * (100 / 100), 8);
    expect(series.candleAt('BTC/USDT', sample.length + 1).close).toBeCloseTo(98, 8);
  });

  it('writes each path into one array per symbol, with the values of the candle asked for', () => {
    const series = createReplaySeries({ 'BTC/USDT': sample });
    const first = series.pathAt('BTC/USDT', 0);
    expect([...first]).toEqual(intrabarPath(sample[0] as Candle));
    const second = series.pathAt('BTC/USDT', 1);
    expect(second).toBe(first);
    expect([...second]).toEqual(intrabarPath(sample[1] as Candle));
    // Asked again for the same index: the same values, not recomputed from another candle.
    expect([...series.pathAt('BTC/USDT', 1)]).toEqual([103, 103.5, 97, 98]);
    expect([...series.pathAt('BTC/USDT', 0)]).toEqual([100, 99, 104, 103]);
  });

  it('gives every candle subscriber the same, unchanged candle', () => {
    const { exchange } = createTestExchange();
    const seen: Candle[][] = [[], []];
    exchange.watchCandles('BTC/USDT', (candle) => seen[0]?.push(candle));
    exchange.watchCandles('BTC/USDT', (candle) => seen[1]?.push(candle));
    exchange.playNext();
    exchange.playNext();
    expect(seen[0]).toHaveLength(2);
    expect(seen[1]?.[0]).toBe(seen[0]?.[0]);
    expect(seen[1]?.[1]).toBe(seen[0]?.[1]);
  });
});
