import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runBacktest, type BacktestResult } from '../src/backtest/runBacktest';
import type { Candle } from '../src/core/market/candle';
import { parseCandlesCsv } from '../src/core/market/csv';
import type { OrderIntent } from '../src/core/orders/types';
import {
  defaultParams,
  validateParams,
  type OpenOrderView,
  type StrategyContext,
  type StrategyFill,
} from '../src/core/strategy';
import dcaSafetyOrders from './dcaSafetyOrders';

type Params = {
  baseOrder: number;
  safetyOrder: number;
  safetyOrders: number;
  deviation: number;
  stepScale: number;
  volumeScale: number;
  takeProfit: number;
};
type Ctx = StrategyContext<(typeof dcaSafetyOrders)['params']>;

const FIXTURE = new URL('../tests/fixtures/btcusdt-1m-2023-03-01_03.csv', import.meta.url);
const fixture = parseCandlesCsv(readFileSync(FIXTURE, 'utf8')).candles;
const DEFAULTS: Params = {
  baseOrder: 100,
  safetyOrder: 100,
  safetyOrders: 5,
  deviation: 1,
  stepScale: 1.5,
  volumeScale: 1.5,
  takeProfit: 1.5,
};

/** Cumulative deviations and quotes of the safety orders, computed by hand. */
const DEFAULT_DEVIATIONS = [1, 2.5, 4.75, 8.125, 13.1875];
const DEFAULT_QUOTES = [100, 150, 225, 337.5, 506.25];

function expectedLadder({ safetyOrders, deviation, stepScale, safetyOrder, volumeScale }: Params) {
  const out: { deviation: number; quote: number }[] = [];
  for (let k = 0; k < safetyOrders; k++) {
    let total = 0;
    for (let j = 0; j <= k; j++) total += deviation * Math.pow(stepScale, j);
    out.push({ deviation: total, quote: safetyOrder * Math.pow(volumeScale, k) });
  }
  return out;
}

function context(params: Params, overrides: Partial<Ctx> = {}): Ctx {
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

const candle: Candle = { time: 0, open: 1, high: 1, low: 1, close: 1, volume: 1 };

function fill(tag: string, side: 'buy' | 'sell', price: number, amount: number): StrategyFill {
  return { clientOrderId: `id-${tag}`, side, price, amount, fee: 0, time: 0, tag };
}

function open(tag: string, side: 'buy' | 'sell', price: number, amount: number): OpenOrderView {
  return { clientOrderId: `id-${tag}`, side, type: 'limit', price, amount, filled: 0, tag };
}

describe('dcaSafetyOrders definition', () => {
  it('declares its id, defaults and warm-up', () => {
    expect(dcaSafetyOrders).toMatchObject({
      id: 'dca-safety-orders',
      category: 'dca',
      timeframe: '1m',
    });
    expect(defaultParams(dcaSafetyOrders.params)).toEqual(DEFAULTS);
    expect(validateParams(dcaSafetyOrders, DEFAULTS)).toEqual({ ok: true, values: DEFAULTS });
    expect(dcaSafetyOrders.warmup(DEFAULTS)).toBe(0);
  });

  it('names the field of a bad value', () => {
    expect(validateParams(dcaSafetyOrders, { ...DEFAULTS, deviation: 0.07 })).toEqual({
      ok: false,
      errors: [
        {
          field: 'deviation',
          message: 'First deviation must be a percentage between 0.1% and 50% in steps of 0.05%',
        },
      ],
    });
    // 1% × (1 + 1.5 + … + 1.5^9) = 113.33%: the tenth safety order would be below zero.
    expect(validateParams(dcaSafetyOrders, { ...DEFAULTS, safetyOrders: 10 })).toEqual({
      ok: false,
      errors: [
        {
          field: 'safetyOrders',
          message:
            'The last safety order would sit 113.33% below the base price; it must be less than 100%. Use fewer safety orders, a smaller first deviation or a smaller step scale.',
        },
      ],
    });
  });
});

describe('dcaSafetyOrders decisions', () => {
  it('opens a cycle with a market base order when flat, and waits while it is open', () => {
    const state = dcaSafetyOrders.init(DEFAULTS);
    expect(dcaSafetyOrders.onCandle(state, candle, context(DEFAULTS, { isWarmup: true }))).toEqual(
      [],
    );
    expect(dcaSafetyOrders.onCandle(state, candle, context(DEFAULTS))).toEqual([
      { kind: 'enter_long', quote: 100, tag: 'dca-base' },
    ]);
    const entering = context(DEFAULTS, {
      openOrders: [{ ...open('dca-base', 'buy', 0, 0.005), type: 'market', price: undefined }],
    });
    expect(dcaSafetyOrders.onCandle(state, candle, entering)).toEqual([]);
  });

  it('lays the safety orders at cumulative deviations with scaled sizes, and the take-profit', () => {
    const state = dcaSafetyOrders.init(DEFAULTS);
    const base = 20_000;
    const holding = context(DEFAULTS, { position: { amount: 0.005, averageEntry: base } });
    const intents = dcaSafetyOrders.onFill?.(state, fill('dca-base', 'buy', base, 0.005), holding);
    expect(intents).toHaveLength(6);
    expectedLadder(DEFAULTS).forEach(({ deviation, quote }, k) => {
      expect(deviation).toBeCloseTo(DEFAULT_DEVIATIONS[k] as number, 12);
      expect(quote).toBeCloseTo(DEFAULT_QUOTES[k] as number, 12);
      const intent = intents?.[k];
      expect(intent).toMatchObject({ kind: 'place_limit', side: 'buy', tag: `dca-so-${k + 1}` });
      if (intent?.kind !== 'place_limit') throw new Error('not a limit order');
      expect(intent.price).toBeCloseTo(base * (1 - deviation / 100), 6);
      expect(intent.amount * intent.price).toBeCloseTo(quote, 6);
    });
    expect(intents?.[5]).toEqual({
      kind: 'place_limit',
      side: 'sell',
      price: base * 1.015,
      amount: 0.005,
      tag: 'dca-tp',
    });
  });

  it('skips, and logs, the safety orders the bot cannot afford', () => {
    const logs: string[] = [];
    const state = dcaSafetyOrders.init(DEFAULTS);
    const poor = context(DEFAULTS, {
      cash: 300,
      position: { amount: 0.005, averageEntry: 20_000 },
      log: (m) => logs.push(m),
    });
    const intents = dcaSafetyOrders.onFill?.(state, fill('dca-base', 'buy', 20_000, 0.005), poor);
    // 100 and 150 (plus fee margin) fit in 300; 225, 337.5 and 506.25 do not.
    expect(intents?.map((i) => ('tag' in i ? i.tag : i.kind))).toEqual([
      'dca-so-1',
      'dca-so-2',
      'dca-tp',
    ]);
    expect(logs).toHaveLength(3);
    expect(logs[0]).toBe('Safety order 3 (225.00 at 19050.00) skipped: only 48.75 free.');
  });

  it('moves the take-profit to the new average after a safety fill, for the whole position', () => {
    const state = dcaSafetyOrders.init(DEFAULTS);
    const tp = open('dca-tp', 'sell', 20_300, 0.005);
    const after = context(DEFAULTS, {
      position: { amount: 0.01, averageEntry: 19_900 },
      openOrders: [tp],
    });
    expect(dcaSafetyOrders.onFill?.(state, fill('dca-so-1', 'buy', 19_800, 0.005), after)).toEqual([
      { kind: 'amend', clientOrderId: 'id-dca-tp', price: 19_900 * 1.015, amount: 0.01 },
    ]);
    // Already where it should be: nothing to do on the next candle.
    const moved = context(DEFAULTS, {
      position: { amount: 0.01, averageEntry: 19_900 },
      openOrders: [open('dca-tp', 'sell', 20_198.5, 0.01)],
    });
    expect(dcaSafetyOrders.onCandle(state, candle, moved)).toEqual([]);
  });

  it('cancels the remaining safety orders when the take-profit sold everything', () => {
    const state = dcaSafetyOrders.init(DEFAULTS);
    const flat = context(DEFAULTS, {
      openOrders: [open('dca-so-2', 'buy', 19_500, 0.007), open('dca-so-3', 'buy', 19_050, 0.01)],
    });
    expect(dcaSafetyOrders.onFill?.(state, fill('dca-tp', 'sell', 20_300, 0.01), flat)).toEqual([
      { kind: 'cancel', clientOrderId: 'id-dca-so-2' },
      { kind: 'cancel', clientOrderId: 'id-dca-so-3' },
    ]);
  });

  it('stops asking for a refused take-profit after three attempts, until the position changes', () => {
    const logs: string[] = [];
    const state = dcaSafetyOrders.init(DEFAULTS);
    const holding = (amount: number) =>
      context(DEFAULTS, {
        position: { amount, averageEntry: 20_000 },
        log: (m) => logs.push(m),
      });
    const tp = (amount: number): OrderIntent => ({
      kind: 'place_limit',
      side: 'sell',
      price: 20_000 * 1.015,
      amount,
      tag: 'dca-tp',
    });
    // The take-profit never shows up among the open orders: it was refused each time.
    for (let i = 0; i < 3; i++) {
      expect(dcaSafetyOrders.onCandle(state, candle, holding(0.01))).toEqual([tp(0.01)]);
    }
    expect(dcaSafetyOrders.onCandle(state, candle, holding(0.01))).toEqual([]);
    expect(dcaSafetyOrders.onCandle(state, candle, holding(0.01))).toEqual([]);
    expect(logs).toEqual([
      'Take-profit for 0.01 at 20300.00 was refused 3 times; not asking again until the position changes.',
    ]);
    expect(dcaSafetyOrders.onCandle(state, candle, holding(0.02))).toEqual([tp(0.02)]);
  });
});

/** 0.3% first deviation ×1.3 steps and a 0.6% take-profit: several cycles on the fixture. */
const ACTIVE: Params = { ...DEFAULTS, deviation: 0.3, stepScale: 1.3, takeProfit: 0.6 };

interface Placement {
  id: string;
  tag: string;
  side: string;
  type: string;
  price: number;
  amount: number;
}

/** Splits the event log at each fill: what the bot did in reaction to it (until the next fill). */
function reactions(result: BacktestResult) {
  const tags = new Map(result.orders.map((o) => [o.clientOrderId, o.tag ?? '']));
  const segments: {
    fill: { tag: string; price: number; amount: number };
    placed: Placement[];
    canceled: string[];
  }[] = [];
  for (const event of result.events) {
    const data = event.data ?? {};
    const id = String(data.clientOrderId);
    if (event.type === 'order_filled') {
      const fill = {
        tag: tags.get(id) ?? '',
        price: Number(data.price),
        amount: Number(data.amount),
      };
      segments.push({ fill, placed: [], canceled: [] });
    }
    const segment = segments.at(-1);
    if (!segment) continue;
    if (event.type === 'order_placed') {
      segment.placed.push({
        id,
        tag: String(data.tag),
        side: String(data.side),
        type: String(data.type),
        price: Number(data.price),
        amount: Number(data.amount),
      });
    }
    if (event.type === 'order_canceled') segment.canceled.push(tags.get(id) ?? '');
  }
  return segments;
}

describe('dcaSafetyOrders on three days of real BTC/USDT 1m candles', () => {
  const run = (params: Params) =>
    runBacktest({ strategy: dcaSafetyOrders, params, candles: fixture });

  it('runs full cycles: safety ladder, take-profit at avg × (1 + tp) moved after each safety fill', async () => {
    const result = await run(ACTIVE);
    expect(result.events.filter((e) => /rejected|error/.test(e.type))).toEqual([]);
    const ladder = expectedLadder(ACTIVE);
    const segments = reactions(result);
    let position = 0;
    let cost = 0;
    let openSafety = new Set<string>();
    let safetyFills = 0;
    let tpAfterSafety = 0;
    let cycles = 0;
    const expectTakeProfit = (segment: (typeof segments)[number]) => {
      const tp = segment.placed.filter((p) => p.tag === 'dca-tp');
      expect(tp).toHaveLength(1);
      const target = (cost / position) * (1 + ACTIVE.takeProfit / 100);
      expect(tp[0]?.side).toBe('sell');
      expect(tp[0]?.price).toBeGreaterThanOrEqual(target - 1e-9); // sells round up to the tick
      expect((tp[0]?.price ?? 0) - target).toBeLessThan(0.01);
      expect(tp[0]?.amount).toBeCloseTo(position, 12);
    };
    for (const segment of segments) {
      const { fill } = segment;
      if (fill.tag === 'dca-base') {
        cycles += 1;
        position = fill.amount;
        cost = fill.amount * fill.price;
        const safety = segment.placed.filter((p) => p.tag.startsWith('dca-so-'));
        expect(safety.map((p) => p.tag)).toEqual(ladder.map((_, k) => `dca-so-${k + 1}`));
        safety.forEach((p, k) => {
          const { deviation, quote } = ladder[k] as { deviation: number; quote: number };
          const raw = fill.price * (1 - deviation / 100);
          expect(p.side).toBe('buy');
          expect(p.price).toBeLessThanOrEqual(raw); // buys round down to the tick
          expect(raw - p.price).toBeLessThan(0.01);
          expect(p.amount).toBeLessThanOrEqual(quote / raw + 1e-12); // floored to the step
          expect(quote / raw - p.amount).toBeLessThan(0.00001);
        });
        openSafety = new Set(safety.map((p) => p.tag));
        expectTakeProfit(segment);
      } else if (fill.tag.startsWith('dca-so-')) {
        safetyFills += 1;
        openSafety.delete(fill.tag);
        position += fill.amount;
        cost += fill.amount * fill.price;
        expect(segment.canceled).toEqual(['dca-tp']); // the amend: cancel, then place
        expectTakeProfit(segment);
      } else {
        expect(fill.tag).toBe('dca-tp');
        expect(fill.amount).toBeCloseTo(position, 12);
        if (openSafety.size < ladder.length) tpAfterSafety += 1;
        expect(new Set(segment.canceled)).toEqual(openSafety);
        expect(segment.placed.map((p) => `${p.tag} ${p.type}`)).toEqual(['dca-base market']);
        position = 0;
        cost = 0;
      }
    }
    expect(cycles).toBeGreaterThanOrEqual(5);
    expect(safetyFills).toBeGreaterThanOrEqual(5);
    expect(tpAfterSafety).toBeGreaterThanOrEqual(2);
  });

  it('is deterministic: two runs give identical fills', async () => {
    const [a, b] = [await run(ACTIVE), await run(ACTIVE)];
    expect(b.fills).toEqual(a.fills);
    expect(b.orders).toEqual(a.orders);
  });
});
