import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCandlesCsv } from '../core/market/csv';
import { reconcileLedger } from '../core/portfolio/ledger';
import smaCrossover from '../../strategies/smaCrossover';
import { runBacktest } from './runBacktest';

const candles = parseCandlesCsv(
  readFileSync(
    new URL('../../tests/fixtures/btcusdt-1m-2023-03-01_03.csv', import.meta.url),
    'utf8',
  ),
).candles;

describe('runBacktest', () => {
  it('runs a template through the engine on the simulator, reproducibly', async () => {
    const run = () =>
      runBacktest({
        strategy: smaCrossover,
        params: { fast: 9, slow: 21 },
        candles,
        timeframe: '5m',
      });
    const first = await run();
    const second = await run();
    expect(first.fills.length).toBeGreaterThan(10);
    expect(second.fills).toEqual(first.fills);
    expect(first.equity.length).toBeGreaterThan(800);
    expect(Math.abs(reconcileLedger(first.ledger))).toBeLessThan(1e-6);
    // Market orders fill at the open of the candle after the decision: no look-ahead.
    const byTime = new Map(candles.map((candle) => [candle.time, candle]));
    for (const fill of first.fills) expect(fill.price).toBe(byTime.get(fill.time)?.open);
  });

  it('says when there is not enough data to warm up', async () => {
    await expect(
      runBacktest({
        strategy: smaCrossover,
        params: { fast: 9, slow: 21 },
        candles: candles.slice(0, 20),
      }),
    ).rejects.toThrow(/Not enough data/);
  });
});
