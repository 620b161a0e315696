import { describe, expect, it } from 'vitest';
import { runBacktest } from '../src/backtest/runBacktest';
import type { Candle } from '../src/core/market/candle';
import { defaultParams, validateParams } from '../src/core/strategy';
import supertrend from './supertrendTrend';
import {
  candlesFromCloses,
  fixture,
  runSignals,
  strategyContext,
  type Decision,
} from './testSupport';

type Params = { atrPeriod: number; multiplier: number };

const DEFAULTS: Params = { atrPeriod: 10, multiplier: 3 };

/** Candles with a ±1 range around each close. */

const run = (candles: readonly Candle[], params: Params = DEFAULTS) =>
  runSignals(supertrend, candles, params);

/**
 * An independent Supertrend over a whole series, written the way charting packages do it
 * (arrays, the trend starting "down" at the first ATR value): ATR by the textbook Wilder
 * formula, final bands with the carry-over rules, the trend per candle.
 */
function referenceTrends(candles: readonly Candle[], { atrPeriod, multiplier }: Params) {
  const n = candles.length;
  const tr = candles.map((c, i) => {
    const prev = candles[i - 1];
    return prev
      ? Math.max(c.high - c.low, Math.abs(c.high - prev.close), Math.abs(c.low - prev.close))
      : c.high - c.low;
  });
  const atr: (number | undefined)[] = new Array<number | undefined>(n).fill(undefined);
  for (let i = atrPeriod - 1; i < n; i++) {
    const prev = atr[i - 1];
    atr[i] =
      prev === undefined
        ? tr.slice(0, atrPeriod).reduce((a, b) => a + b, 0) / atrPeriod
        : (prev * (atrPeriod - 1) + (tr[i] as number)) / atrPeriod;
  }
  const upper: number[] = [];
  const lower: number[] = [];
  const trend: ('up' | 'down' | undefined)[] = [];
  for (let i = 0; i < n; i++) {
    const c = candles[i] as Candle;
    const a = atr[i];
    if (a === undefined) {
      upper.push(Number.NaN);
      lower.push(Number.NaN);
      trend.push(undefined);
      continue;
    }
    const hl2 = (c.high + c.low) / 2;
    const bu = hl2 + multiplier * a;
    const bl = hl2 - multiplier * a;
    const first = atr[i - 1] === undefined;
    const pu = upper[i - 1] as number;
    const pl = lower[i - 1] as number;
    const pc = (candles[i - 1] as Candle | undefined)?.close ?? Number.NaN;
    const u = first || bu < pu || pc > pu ? bu : pu;
    const l = first || bl > pl || pc < pl ? bl : pl;
    upper.push(u);
    lower.push(l);
    const pt = trend[i - 1];
    if (first) trend.push('down');
    else if (pt === 'down') trend.push(c.close > u ? 'up' : 'down');
    else trend.push(c.close < l ? 'down' : 'up');
  }
  return { trend, lower };
}

/** Indexes where the reference trend turns up / down. */
function referenceFlips(candles: readonly Candle[], params: Params) {
  const { trend } = referenceTrends(candles, params);
  const ups: number[] = [];
  const downs: number[] = [];
  for (let i = 1; i < trend.length; i++) {
    if (trend[i - 1] === 'down' && trend[i] === 'up') ups.push(i);
    if (trend[i - 1] === 'up' && trend[i] === 'down') downs.push(i);
  }
  return { ups, downs };
}

describe('supertrend definition', () => {
  it('declares its id, params and exact warm-up', () => {
    expect(supertrend).toMatchObject({ id: 'supertrend', category: 'trend', timeframe: '1m' });
    expect(defaultParams(supertrend.params)).toEqual(DEFAULTS);
    expect(validateParams(supertrend, DEFAULTS)).toEqual({ ok: true, values: DEFAULTS });
    expect(supertrend.warmup(DEFAULTS)).toBe(10);
    expect(supertrend.warmup({ atrPeriod: 14, multiplier: 2 })).toBe(14);
  });

  it('names the field of a bad value', () => {
    expect(validateParams(supertrend, { atrPeriod: 10, multiplier: 3.05 })).toEqual({
      ok: false,
      errors: [
        {
          field: 'multiplier',
          message: 'ATR multiplier must be a number between 0.5 and 10 in steps of 0.1',
        },
      ],
    });
    expect(validateParams(supertrend, { atrPeriod: 0, multiplier: 3 })).toEqual({
      ok: false,
      errors: [
        { field: 'atrPeriod', message: 'ATR period must be a whole number between 1 and 200' },
      ],
    });
  });
});

describe('supertrend on synthetic series', () => {
  const params = { atrPeriod: 1, multiplier: 1 };

  it('enters when a close breaks the upper band and exits below the rising lower band', () => {
    // ATR(1) is the true range. i0: bands 98/102. i1: same, inside -> no trend.
    // i2: close 110 > final upper 102 (carried) -> up, enter. Lower band 99, then 108, 108.
    // i5: close 100 < lower band 108 (basic 89 is lower, so the band holds) -> down, exit.
    const decisions = run(candlesFromCloses([100, 100, 110, 110, 110, 100, 100]), params);
    expect(decisions).toEqual([
      { index: 2, intent: { kind: 'enter_long', tag: 'supertrend-up' } },
      { index: 5, intent: { kind: 'exit_long', fraction: 1, tag: 'supertrend-down' } },
    ]);
  });

  it('can decide on the candle right after its warm-up, not before', () => {
    const decisions = run(candlesFromCloses([100, 110]), params);
    expect(decisions).toEqual([{ index: 1, intent: { kind: 'enter_long', tag: 'supertrend-up' } }]);
    expect(supertrend.warmup(params)).toBe(1);
    // A period-3 ATR gives its first bands at index 2, so index 3 is the first possible entry.
    const later = run(candlesFromCloses([100, 100, 100, 200]), { atrPeriod: 3, multiplier: 1 });
    expect(later.map((d) => d.index)).toEqual([3]);
  });

  it('stays out while flat and in a downtrend, and does not re-enter while holding', () => {
    const down = candlesFromCloses([100, 100, 90, 80, 70, 60]);
    expect(run(down, params)).toEqual([]);
    const state = supertrend.init(params);
    const holding = strategyContext<(typeof supertrend)['params']>(params, 1);
    const up = candlesFromCloses([100, 100, 110, 120, 130]);
    expect(up.flatMap((c) => supertrend.onCandle(state, c, holding) ?? [])).toEqual([]);
  });

  it('is flat-price silent', () => {
    expect(run(candlesFromCloses(Array.from({ length: 50 }, () => 100)), params)).toEqual([]);
  });
});

describe('supertrend on three days of real BTC/USDT 1m candles', () => {
  const decisions = run(fixture);

  it('enters on every up-turn while flat and exits on every down-turn of an independent Supertrend', () => {
    const { ups, downs } = referenceFlips(fixture, DEFAULTS);
    expect(ups.length).toBeGreaterThan(10);
    expect(decisions.filter((d) => d.intent.kind === 'enter_long').map((d) => d.index)).toEqual(
      ups,
    );
    expect(decisions.filter((d) => d.intent.kind === 'exit_long').map((d) => d.index)).toEqual(
      downs.filter((i) => i > (ups[0] ?? Infinity)),
    );
    decisions.forEach((decision, i) => {
      expect(decision.intent.kind).toBe(i % 2 === 0 ? 'enter_long' : 'exit_long');
    });
  });

  it('exits only when the close is below a lower band that never fell while long', () => {
    const { lower } = referenceTrends(fixture, DEFAULTS);
    const entries = decisions.filter((d) => d.intent.kind === 'enter_long');
    const exits = decisions.filter((d) => d.intent.kind === 'exit_long');
    exits.forEach((exit, k) => {
      const entry = (entries[k] as Decision).index;
      expect((fixture[exit.index] as Candle).close).toBeLessThan(lower[exit.index] as number);
      for (let i = entry + 1; i < exit.index; i++) {
        expect(lower[i] as number).toBeGreaterThanOrEqual(lower[i - 1] as number);
      }
    });
  });

  it('makes no decision before its warm-up', () => {
    expect(Math.min(...decisions.map((d) => d.index))).toBeGreaterThanOrEqual(
      supertrend.warmup(DEFAULTS),
    );
  });

  it('cannot see the future: a run over a prefix equals the prefix of the full run', () => {
    expect(run(fixture)).toEqual(decisions);
    for (const n of [50, 700, 2500, 4000]) {
      expect(run(fixture.slice(0, n))).toEqual(decisions.filter((d) => d.index < n));
    }
  });

  it('trades through the engine: buys after each up-turn, sells after each down-turn, reproducibly', async () => {
    const first = await runBacktest({ strategy: supertrend, candles: fixture });
    const second = await runBacktest({ strategy: supertrend, candles: fixture });
    expect(second.fills).toEqual(first.fills);
    expect(first.events.filter((e) => e.type === 'risk_rejected' || e.type === 'error')).toEqual(
      [],
    );

    // Expected from the reference: decisions on candles the engine trades (warm-up ones are
    // ignored), each filled at the next candle's open.
    const { ups, downs } = referenceFlips(fixture, DEFAULTS);
    const expected: { side: 'buy' | 'sell'; time: number; price: number }[] = [];
    let isLong = false;
    const flips = [
      ...ups.map((i) => ({ i, up: true })),
      ...downs.map((i) => ({ i, up: false })),
    ].sort((a, b) => a.i - b.i);
    for (const { i, up } of flips) {
      if (i < first.startIndex || i + 1 >= fixture.length) continue;
      if (up === isLong) continue;
      const next = fixture[i + 1] as Candle;
      expected.push({ side: up ? 'buy' : 'sell', time: next.time, price: next.open });
      isLong = up;
    }
    expect(expected.length).toBeGreaterThan(10);
    expect(first.fills.map((f) => ({ side: f.side, time: f.time, price: f.price }))).toEqual(
      expected,
    );
    const tags = new Set(first.orders.map((o) => o.tag));
    expect(tags).toEqual(new Set(['supertrend-up', 'supertrend-down']));
  });
});
