import { beforeAll, describe, expect, it } from 'vitest';
import { runBacktest, type BacktestResult } from '../src/backtest/runBacktest';
import type { Candle } from '../src/core/market/candle';
import { defaultParams, validateParams } from '../src/core/strategy';
import emaCrossover from './emaCrossover';
import {
  backtestSignals,
  candlesFromCloses,
  fixture,
  runSignals,
  strategyContext,
} from './testSupport';

type Params = { fast: number; slow: number };
const DEFAULTS: Params = { fast: 9, slow: 21 };

const run = (candles: readonly Candle[], params: Params = DEFAULTS, tradeFrom = 0) =>
  runSignals(emaCrossover, candles, params, tradeFrom);

/** Naive EMA seeded with the first value, reported from the period-th value. */
function naiveEma(values: number[], period: number): (number | undefined)[] {
  const weight = 2 / (period + 1);
  let ema = 0;
  return values.map((value, i) => {
    ema = i === 0 ? value : weight * value + (1 - weight) * ema;
    return i >= period - 1 ? ema : undefined;
  });
}

describe('emaCrossover definition', () => {
  it('declares its id, params and warm-up', () => {
    expect(emaCrossover).toMatchObject({
      id: 'ema-crossover',
      name: 'EMA crossover',
      category: 'trend',
      timeframe: '1m',
    });
    expect(defaultParams(emaCrossover.params)).toEqual(DEFAULTS);
    expect(emaCrossover.warmup(DEFAULTS)).toBe(22);
    expect(emaCrossover.warmup({ fast: 3, slow: 7 })).toBe(8);
  });

  it('validates its defaults and names the field and range of a bad value', () => {
    expect(validateParams(emaCrossover, { ...DEFAULTS })).toEqual({ ok: true, values: DEFAULTS });
    expect(validateParams(emaCrossover, { fast: 1, slow: 21 })).toEqual({
      ok: false,
      errors: [{ field: 'fast', message: 'Fast period must be a whole number between 2 and 200' }],
    });
    expect(validateParams(emaCrossover, { fast: 9, slow: 501 })).toEqual({
      ok: false,
      errors: [{ field: 'slow', message: 'Slow period must be a whole number between 3 and 500' }],
    });
    expect(validateParams(emaCrossover, { fast: 21, slow: 21 })).toEqual({
      ok: false,
      errors: [{ field: 'fast', message: 'Fast period (21) must be below slow period (21)' }],
    });
  });
});

describe('emaCrossover on synthetic series', () => {
  // fast 3 (weight 1/2) and slow 7 (weight 1/4): exact binary fractions, so touches are exact.
  const params = { fast: 3, slow: 7 };
  const seed = Array.from({ length: 7 }, () => 16);

  it('enters on a strict cross up and exits on a strict cross down', () => {
    // index 7: 24 -> fast 20 / slow 18 (up); 8: 24 -> 22 / 19.5; 9: 8 -> 15 / 16.625 (down)
    expect(run(candlesFromCloses([...seed, 24, 24, 8]), params)).toEqual([
      { index: 7, intent: { kind: 'enter_long', tag: 'ema-cross-up' } },
      { index: 9, intent: { kind: 'exit_long', fraction: 1, tag: 'ema-cross-down' } },
    ]);
  });

  it('does nothing when the averages only touch', () => {
    expect(run(candlesFromCloses(Array.from({ length: 40 }, () => 100)), params)).toEqual([]);
    // From below: 8 -> 12 / 14; 18 -> 15 / 15 (touch); 10 -> 12.5 / 13.75. No entry.
    expect(run(candlesFromCloses([...seed, 8, 18, 10]), params)).toEqual([]);
    // From above: 24 -> 20 / 18 (enter); 14 -> 17 / 17 (touch); 30 -> 23.5 / 20.25. No exit.
    expect(run(candlesFromCloses([...seed, 24, 14, 30]), params)).toEqual([
      { index: 7, intent: { kind: 'enter_long', tag: 'ema-cross-up' } },
    ]);
  });

  it('counts a touch followed by a move through as a cross', () => {
    // 18 -> 15 / 15 (touch); 30 -> 22.5 / 18.75: a cross up from equal averages.
    expect(run(candlesFromCloses([...seed, 8, 18, 30]), params)).toEqual([
      { index: 9, intent: { kind: 'enter_long', tag: 'ema-cross-up' } },
    ]);
    // 14 -> 17 / 17 (touch); 6 -> 11.5 / 14.25: a cross down from equal averages.
    expect(run(candlesFromCloses([...seed, 24, 14, 6]), params)).toEqual([
      { index: 7, intent: { kind: 'enter_long', tag: 'ema-cross-up' } },
      { index: 9, intent: { kind: 'exit_long', fraction: 1, tag: 'ema-cross-down' } },
    ]);
  });

  it('stays silent until both averages and a previous value exist', () => {
    // The jump at index 6 happens as the slow EMA gets its first value: no previous value to
    // cross from, and by index 7 fast is already above slow — no decision at all…
    expect(run(candlesFromCloses([10, 10, 10, 10, 10, 10, 40, 40]), params)).toEqual([]);
    // …while the same jump one candle later is a cross.
    expect(run(candlesFromCloses([10, 10, 10, 10, 10, 10, 10, 40]), params)).toEqual([
      { index: 7, intent: { kind: 'enter_long', tag: 'ema-cross-up' } },
    ]);
  });

  it('does not re-enter while holding, nor exit while flat', () => {
    const holding = strategyContext<(typeof emaCrossover)['params']>(params, 1);
    const up = emaCrossover.init(params);
    const upOut = candlesFromCloses([...seed, 24]).map((c) =>
      emaCrossover.onCandle(up, c, holding),
    );
    expect(upOut.flat()).toEqual([]);
    const flat = strategyContext<(typeof emaCrossover)['params']>(params, 0);
    const down = emaCrossover.init(params);
    const downOut = candlesFromCloses([...seed, 8]).map((c) =>
      emaCrossover.onCandle(down, c, flat),
    );
    expect(downOut.flat()).toEqual([]);
  });
});

describe('emaCrossover on three days of real BTC/USDT 1m candles', () => {
  const closes = fixture.map((c) => c.close);
  const decisions = run(fixture);
  let first: BacktestResult;
  let second: BacktestResult;

  beforeAll(async () => {
    first = await runBacktest({ strategy: emaCrossover, candles: fixture });
    second = await runBacktest({ strategy: emaCrossover, candles: fixture });
  });

  it('trades through the real engine, alternating buys and sells', () => {
    const signals = backtestSignals(first);
    expect(signals.filter((s) => s.side === 'buy').length).toBeGreaterThan(0);
    signals.forEach((signal, i) => expect(signal.side).toBe(i % 2 === 0 ? 'buy' : 'sell'));
  });

  it('enters only right after a strict cross up and exits only right after a strict cross down', () => {
    const fast = naiveEma(closes, DEFAULTS.fast);
    const slow = naiveEma(closes, DEFAULTS.slow);
    for (const { index, side, tag } of backtestSignals(first)) {
      const [f, s, pf, ps] = [fast[index], slow[index], fast[index - 1], slow[index - 1]];
      if (f === undefined || s === undefined || pf === undefined || ps === undefined) {
        throw new Error(`decision at ${index} before the averages were warm`);
      }
      if (side === 'buy') {
        expect(tag).toBe('ema-cross-up');
        expect(pf).toBeLessThanOrEqual(ps);
        expect(f).toBeGreaterThan(s);
      } else {
        expect(tag).toBe('ema-cross-down');
        expect(pf).toBeGreaterThanOrEqual(ps);
        expect(f).toBeLessThan(s);
      }
    }
  });

  it('decides in the engine exactly what it decides when driven directly', () => {
    // The engine replays the first warm-up + 1 candles without trading (startIndex).
    const direct = run(fixture, DEFAULTS, first.startIndex)
      .filter((d) => d.index < fixture.length - 1)
      .map((d) => ({ index: d.index, side: d.intent.kind === 'enter_long' ? 'buy' : 'sell' }));
    expect(backtestSignals(first).map(({ index, side }) => ({ index, side }))).toEqual(direct);
  });

  it('is deterministic: two runs give identical fills', () => {
    expect(second.fills).toEqual(first.fills);
    expect(run(fixture)).toEqual(decisions);
  });

  it('makes no decision before its warm-up', () => {
    const warmup = emaCrossover.warmup(DEFAULTS);
    expect(Math.min(...decisions.map((d) => d.index))).toBeGreaterThanOrEqual(warmup - 1);
  });

  it('cannot see the future: a run over a prefix equals the prefix of the full run', () => {
    for (const n of [50, 500, 1500, 2500, 4000]) {
      expect(run(fixture.slice(0, n))).toEqual(decisions.filter((d) => d.index < n));
    }
  });
});
