import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runBacktest } from '../src/backtest/runBacktest';
import type { Candle } from '../src/core/market/candle';
import { parseCandlesCsv } from '../src/core/market/csv';
import type { OrderIntent } from '../src/core/orders/types';
import type { Fill } from '../src/core/portfolio/types';
import { defaultParams, validateParams, type StrategyContext } from '../src/core/strategy';
import recurringDca from './recurringDca';

type Params = { quote: number; interval: number; maxBuys: number; takeProfit: number };

const FIXTURE = new URL('../tests/fixtures/btcusdt-1m-2023-03-01_03.csv', import.meta.url);
const fixture = parseCandlesCsv(readFileSync(FIXTURE, 'utf8')).candles;
const DEFAULTS: Params = { quote: 100, interval: 60, maxBuys: 0, takeProfit: 0 };
const MINUTE = 60_000;
const HOUR = 3_600_000;

function context(
  params: Params,
  overrides: Partial<StrategyContext<(typeof recurringDca)['params']>> = {},
): StrategyContext<(typeof recurringDca)['params']> {
  return {
    params,
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

function candleAt(time: number, close = 100): Candle {
  return { time, open: close, high: close, low: close, close, volume: 1 };
}

/** Feeds candles to a fresh instance (as flat, with plenty of cash); the buy decisions' times. */
function buyTimes(candles: readonly Candle[], params: Params = DEFAULTS): number[] {
  const state = recurringDca.init(params);
  const times: number[] = [];
  for (const candle of candles) {
    const intents: OrderIntent[] = recurringDca.onCandle(state, candle, context(params)) ?? [];
    if (intents.some((i) => i.kind === 'enter_long')) times.push(candle.time);
  }
  return times;
}

describe('recurringDca definition', () => {
  it('declares its id, defaults and warm-up', () => {
    expect(recurringDca).toMatchObject({ id: 'recurring-dca', category: 'dca', timeframe: '1m' });
    expect(defaultParams(recurringDca.params)).toEqual(DEFAULTS);
    expect(validateParams(recurringDca, DEFAULTS)).toEqual({ ok: true, values: DEFAULTS });
    expect(recurringDca.warmup(DEFAULTS)).toBe(1);
  });

  it('names the field of a bad value', () => {
    expect(validateParams(recurringDca, { ...DEFAULTS, interval: 0 })).toEqual({
      ok: false,
      errors: [
        {
          field: 'interval',
          message: 'Interval (candles) must be a whole number between 1 and 100000',
        },
      ],
    });
    expect(validateParams(recurringDca, { ...DEFAULTS, takeProfit: -1 })).toEqual({
      ok: false,
      errors: [
        { field: 'takeProfit', message: 'Take profit must be a percentage between 0% and 1000%' },
      ],
    });
  });
});

describe('recurringDca schedule', () => {
  const minutes = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => candleAt(from + i * MINUTE));

  it('decides at the close of the candle that ends each interval, anchored to UTC', () => {
    // Starts at 00:17; hourly on 1m: the 00:59, 01:59, 02:59 candles decide (fills at the hour).
    const start = 17 * MINUTE;
    expect(buyTimes(minutes(start, 180))).toEqual([59, 119, 179].map((m) => m * MINUTE));
    // Every 15 candles of 5m: on the 5m candles ending at 01:15, 02:30, …
    const fiveMinutes = Array.from({ length: 40 }, (_, i) => candleAt(i * 5 * MINUTE));
    expect(buyTimes(fiveMinutes, { ...DEFAULTS, interval: 15 })).toEqual([
      70 * MINUTE,
      145 * MINUTE,
    ]);
  });

  it('never buys on its first candle, and a restart neither adds nor skips a buy', () => {
    expect(buyTimes([candleAt(59 * MINUTE)])).toEqual([]);
    const full = buyTimes(minutes(0, 600));
    for (const restartAt of [1, 59, 60, 61, 200, 479]) {
      const resumed = buyTimes(minutes(restartAt * MINUTE, 600 - restartAt));
      expect(resumed).toEqual(full.filter((t) => t > restartAt * MINUTE));
    }
  });

  it('buys on the next candle when the exchange skipped the one ending the interval', () => {
    const candles = minutes(0, 120).filter((c) => c.time !== 59 * MINUTE);
    expect(buyTimes(candles)).toEqual([60 * MINUTE, 119 * MINUTE]);
  });

  it('skips and logs a buy the bot cannot afford', () => {
    const logs: string[] = [];
    const state = recurringDca.init(DEFAULTS);
    const poor = context(DEFAULTS, { cash: 99.5, log: (m) => logs.push(m) });
    recurringDca.onCandle(state, candleAt(58 * MINUTE), poor);
    expect(recurringDca.onCandle(state, candleAt(59 * MINUTE), poor)).toEqual([]);
    expect(logs).toEqual(['DCA buy skipped: it needs 100, the bot has 99.50 free.']);
  });

  it('ignores warm-up candles', () => {
    const state = recurringDca.init(DEFAULTS);
    const warm = context(DEFAULTS, { isWarmup: true });
    recurringDca.onCandle(state, candleAt(58 * MINUTE), warm);
    expect(recurringDca.onCandle(state, candleAt(59 * MINUTE), warm)).toEqual([]);
  });
});

describe('recurringDca on three days of real BTC/USDT 1m candles', () => {
  const run = (params: Params) => runBacktest({ strategy: recurringDca, params, candles: fixture });
  const openAt = new Map(fixture.map((c) => [c.time, c.open]));

  /** Checks that every buy spent about `quote` (sized at the last close, filled at the next open). */
  const expectQuoteSpent = (fill: Fill, quote: number) => {
    expect(fill.side).toBe('buy');
    // A market buy sized at the last close fills at the next open: within half a percent.
    expect(fill.amount * fill.price + fill.fee).toBeLessThanOrEqual(quote * 1.005);
    expect(fill.amount * fill.price).toBeGreaterThan(quote * 0.995);
  };

  it('buys the configured quote at the open of every hour, and nothing else', async () => {
    const result = await run(DEFAULTS);
    const first = fixture[0] as Candle;
    const last = fixture.at(-1) as Candle;
    const hours: number[] = [];
    for (let t = first.time + HOUR; t <= last.time; t += HOUR) hours.push(t);
    expect(result.fills.map((f) => f.time)).toEqual(hours);
    for (const fill of result.fills) {
      expect(fill.price).toBe(openAt.get(fill.time));
      expectQuoteSpent(fill, 100);
    }
    expect(result.orders.every((o) => o.tag === 'dca-buy' && o.type === 'market')).toBe(true);
    expect(result.events.filter((e) => /rejected|error/.test(e.type))).toEqual([]);
  });

  it('stops after the maximum number of buys', async () => {
    const result = await run({ ...DEFAULTS, quote: 250, interval: 30, maxBuys: 5 });
    const start = (fixture[0] as Candle).time;
    expect(result.fills.map((f) => f.time)).toEqual(
      [1, 2, 3, 4, 5].map((k) => start + k * 30 * MINUTE),
    );
    for (const fill of result.fills) expectQuoteSpent(fill, 250);
  });

  it('sells the whole position at the first close at or above average entry × (1 + take-profit)', async () => {
    const params: Params = { quote: 250, interval: 30, maxBuys: 0, takeProfit: 1 };
    const result = await run(params);
    const sells = result.fills.filter((f) => f.side === 'sell');
    expect(sells.length).toBeGreaterThanOrEqual(2);

    // Replay the fills against the candles: where must the take-profit have triggered?
    const expectedSellTimes: number[] = [];
    let position = 0;
    let cost = 0;
    let pendingSell = false;
    let next = 0;
    for (let i = result.startIndex; i < fixture.length - 1; i++) {
      const candle = fixture[i] as Candle;
      while (next < result.fills.length && (result.fills[next] as Fill).time <= candle.time) {
        const fill = result.fills[next++] as Fill;
        if (fill.side === 'buy') {
          position += fill.amount;
          cost += fill.amount * fill.price;
        } else {
          expect(fill.amount).toBeCloseTo(position, 12); // the whole position
          position = 0;
          cost = 0;
          pendingSell = false;
        }
      }
      if (position > 0 && !pendingSell && candle.close >= (cost / position) * 1.01) {
        expectedSellTimes.push((fixture[i + 1] as Candle).time);
        pendingSell = true;
      }
    }
    expect(sells.map((f) => f.time)).toEqual(expectedSellTimes);
    // Buys stay on schedule around the sells.
    const buys = result.fills.filter((f) => f.side === 'buy');
    for (const fill of buys) expect(fill.time % (30 * MINUTE)).toBe(0);
  });

  it('is deterministic: two runs give identical fills', async () => {
    const params = { ...DEFAULTS, takeProfit: 0.5 };
    const [a, b] = [await run(params), await run(params)];
    expect(b.fills).toEqual(a.fills);
  });
});
