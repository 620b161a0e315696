import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runBacktest } from '../src/backtest/runBacktest';
import type { Candle } from '../src/core/market/candle';
import { parseCandlesCsv } from '../src/core/market/csv';
import { defaultParams, validateParams, type StrategyContext } from '../src/core/strategy';
import buyAndHold from './buyAndHold';

type Ctx = StrategyContext<(typeof buyAndHold)['params']>;

const FIXTURE = new URL('../tests/fixtures/btcusdt-1m-2023-03-01_03.csv', import.meta.url);
const fixture = parseCandlesCsv(readFileSync(FIXTURE, 'utf8')).candles;

function context(overrides: Partial<Ctx> = {}): Ctx {
  return {
    params: {},
    position: { amount: 0, averageEntry: 0 },
    openOrders: [],
    allocation: 10_000,
    cash: 10_000,
    equity: 10_000,
    isWarmup: false,
    log: () => undefined,
    plot: () => undefined,
    ...overrides,
  };
}

describe('buyAndHold definition', () => {
  it('declares its id, no parameters and no warm-up', () => {
    expect(buyAndHold).toMatchObject({
      id: 'buy-and-hold',
      category: 'benchmark',
      timeframe: '1m',
    });
    expect(defaultParams(buyAndHold.params)).toEqual({});
    expect(validateParams(buyAndHold, {})).toEqual({ ok: true, values: {} });
    expect(buyAndHold.warmup({})).toBe(0);
  });

  it('names the field of a bad value', () => {
    expect(validateParams(buyAndHold, { quote: 100 })).toEqual({
      ok: false,
      errors: [{ field: 'quote', message: '"quote" is not a parameter of Buy and hold' }],
    });
  });
});

describe('buyAndHold decisions', () => {
  const candle = fixture[0] as Candle;

  it('buys with all its cash on its first live candle, then never again', () => {
    const state = buyAndHold.init({});
    expect(buyAndHold.onCandle(state, candle, context({ isWarmup: true }))).toEqual([]);
    expect(buyAndHold.onCandle(state, candle, context())).toEqual([
      { kind: 'enter_long', tag: 'buy-and-hold' },
    ]);
    for (let i = 0; i < 5; i++) expect(buyAndHold.onCandle(state, candle, context())).toEqual([]);
  });

  it('does not buy again after a restart while it holds', () => {
    const state = buyAndHold.init({});
    const holding = context({ position: { amount: 0.4, averageEntry: 23_000 } });
    expect(buyAndHold.onCandle(state, candle, holding)).toEqual([]);
    expect(buyAndHold.onCandle(state, candle, context())).toEqual([]);
  });
});

describe('buyAndHold on three days of real BTC/USDT 1m candles', () => {
  it('buys once, at the open after its first candle, and holds to the end', async () => {
    const result = await runBacktest({ strategy: buyAndHold, candles: fixture });
    expect(result.fills).toHaveLength(1);
    const [fill] = result.fills;
    const next = fixture[result.startIndex + 1] as Candle;
    expect(fill).toMatchObject({ side: 'buy', time: next.time, price: next.open });
    // All the cash but the engine's ~1% market-buy headroom went in.
    const spent = (fill?.amount ?? 0) * (fill?.price ?? 0) + (fill?.fee ?? 0);
    expect(spent).toBeLessThanOrEqual(10_000);
    expect(spent).toBeGreaterThan(9_850);
    expect(result.orders).toHaveLength(1);
    expect(result.orders[0]).toMatchObject({
      tag: 'buy-and-hold',
      type: 'market',
      state: 'filled',
    });
    // Equity follows the price from then on.
    const { values, prices } = result.equity;
    expect(values.at(-1)).toBeCloseTo(
      result.ledger.cash + result.ledger.position * (prices.at(-1) ?? 0),
      6,
    );
  });

  it('is deterministic: two runs give identical fills', async () => {
    const run = () => runBacktest({ strategy: buyAndHold, candles: fixture });
    const [a, b] = [await run(), await run()];
    expect(b.fills).toEqual(a.fills);
  });
});
