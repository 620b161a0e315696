import { beforeAll, describe, expect, it } from 'vitest';
import { runBacktest, type BacktestResult } from '../src/backtest/runBacktest';
import type { Candle } from '../src/core/market/candle';
import { defaultParams, validateParams } from '../src/core/strategy';
import macdTrend from './macdTrend';
import {
  backtestSignals,
  candlesFromCloses,
  fixture,
  runSignals,
  strategyContext,
} from './testSupport';

type Params = { fast: number; slow: number; signal: number; requireAboveZero: boolean };
const DEFAULTS: Params = { fast: 12, slow: 26, signal: 9, requireAboveZero: false };

const run = (candles: readonly Candle[], params: Params = DEFAULTS, tradeFrom = 0) =>
  runSignals(macdTrend, candles, params, tradeFrom);

/** Naive MACD by the EMA recurrences; undefined until the signal EMA has `signal` values. */
function naiveMacd(closes: number[], { fast, slow, signal }: Params) {
  const [wf, ws, wg] = [2 / (fast + 1), 2 / (slow + 1), 2 / (signal + 1)];
  let [emaFast, emaSlow, emaSignal] = [0, 0, 0];
  return closes.map((close, i) => {
    emaFast = i === 0 ? close : wf * close + (1 - wf) * emaFast;
    emaSlow = i === 0 ? close : ws * close + (1 - ws) * emaSlow;
    if (i < slow - 1) return undefined;
    const line = emaFast - emaSlow;
    emaSignal = i === slow - 1 ? line : wg * line + (1 - wg) * emaSignal;
    return i < slow + signal - 2 ? undefined : { macd: line, signal: emaSignal };
  });
}

describe('macdTrend definition', () => {
  it('declares its id, params and warm-up', () => {
    expect(macdTrend).toMatchObject({
      id: 'macd-trend',
      name: 'MACD trend',
      category: 'trend',
      timeframe: '1m',
    });
    expect(defaultParams(macdTrend.params)).toEqual(DEFAULTS);
    expect(macdTrend.warmup(DEFAULTS)).toBe(35);
  });

  it('validates its defaults and names the field and range of a bad value', () => {
    expect(validateParams(macdTrend, { ...DEFAULTS })).toEqual({ ok: true, values: DEFAULTS });
    expect(validateParams(macdTrend, { ...DEFAULTS, signal: 1 })).toEqual({
      ok: false,
      errors: [
        { field: 'signal', message: 'Signal period must be a whole number between 2 and 200' },
      ],
    });
    expect(validateParams(macdTrend, { ...DEFAULTS, slow: 600 })).toEqual({
      ok: false,
      errors: [{ field: 'slow', message: 'Slow period must be a whole number between 3 and 500' }],
    });
    expect(validateParams(macdTrend, { ...DEFAULTS, requireAboveZero: 'yes' })).toEqual({
      ok: false,
      errors: [{ field: 'requireAboveZero', message: 'Only above zero must be true or false' }],
    });
    expect(validateParams(macdTrend, { ...DEFAULTS, fast: 26 })).toEqual({
      ok: false,
      errors: [{ field: 'fast', message: 'Fast period (26) must be below slow period (26)' }],
    });
  });
});

describe('macdTrend on synthetic series', () => {
  // fast 3 / slow 7 / signal 3: weights 1/2, 1/4, 1/2 — exact binary fractions, so touches are
  // exact. First reading at index 8 (slow + signal − 2), first possible decision at index 9.
  const params: Params = { fast: 3, slow: 7, signal: 3, requireAboveZero: false };
  const seed = Array.from({ length: 8 }, () => 16);

  it('enters on a strict cross above the signal line and exits on a strict cross below', () => {
    // index 8: 8 -> MACD −2, signal −1; 9: 24 -> 3/2 > 1/4 (up); 10: 8 -> below (down)
    expect(run(candlesFromCloses([...seed, 8, 24, 8]), params)).toEqual([
      { index: 9, intent: { kind: 'enter_long', tag: 'macd-cross-up' } },
      { index: 10, intent: { kind: 'exit_long', fraction: 1, tag: 'macd-cross-down' } },
    ]);
  });

  it('does nothing when the lines only touch', () => {
    expect(run(candlesFromCloses(Array.from({ length: 60 }, () => 100)), params)).toEqual([]);
    // From below: 8 -> −2 / −1; 14 -> −1 / −1 (touch); 10 -> −3/2 / −5/4. No entry.
    expect(run(candlesFromCloses([...seed, 8, 14, 10]), params)).toEqual([]);
    // From above: 24 -> 3/2 / 1/4 (enter); 14.5 -> 1/4 / 1/4 (touch); 24.5 -> 9/4 / 5/4. No exit.
    expect(run(candlesFromCloses([...seed, 8, 24, 14.5, 24.5]), params)).toEqual([
      { index: 9, intent: { kind: 'enter_long', tag: 'macd-cross-up' } },
    ]);
  });

  it('counts a touch followed by a move through as a cross', () => {
    // 14 -> −1 / −1 (touch); 24 -> 2 / 1/2: a cross up from equal lines.
    expect(run(candlesFromCloses([...seed, 8, 14, 24]), params)).toEqual([
      { index: 10, intent: { kind: 'enter_long', tag: 'macd-cross-up' } },
    ]);
    // 14.5 -> 1/4 / 1/4 (touch); 8 -> −15/8 / −13/16: a cross down from equal lines.
    expect(run(candlesFromCloses([...seed, 8, 24, 14.5, 8]), params)).toEqual([
      { index: 9, intent: { kind: 'enter_long', tag: 'macd-cross-up' } },
      { index: 11, intent: { kind: 'exit_long', fraction: 1, tag: 'macd-cross-down' } },
    ]);
  });

  it('only buys crosses above zero when asked', () => {
    // A bounce in a downtrend: MACD crosses its signal at index 13 while still below zero.
    const bounce = candlesFromCloses([
      40, 38, 36, 34, 32, 30, 28, 26, 24, 22, 20, 18, 16, 20, 22, 18, 14,
    ]);
    expect(run(bounce, params)).toEqual([
      { index: 13, intent: { kind: 'enter_long', tag: 'macd-cross-up' } },
      { index: 16, intent: { kind: 'exit_long', fraction: 1, tag: 'macd-cross-down' } },
    ]);
    const aboveZero = { ...params, requireAboveZero: true };
    expect(run(bounce, aboveZero)).toEqual([]);
    // The cross at index 9 above is at MACD 3/2 > 0: still taken.
    expect(run(candlesFromCloses([...seed, 8, 24]), aboveZero)).toEqual([
      { index: 9, intent: { kind: 'enter_long', tag: 'macd-cross-up' } },
    ]);
  });

  it('stays silent until the signal line and a previous reading exist', () => {
    // The jump at index 8 comes with the first reading: nothing to cross from.
    expect(run(candlesFromCloses([...seed, 24, 24]), params)).toEqual([]);
    // One candle later it is a cross (from equal lines).
    expect(run(candlesFromCloses([...seed, 16, 24]), params)).toEqual([
      { index: 9, intent: { kind: 'enter_long', tag: 'macd-cross-up' } },
    ]);
  });

  it('does not add while holding, nor exit while flat', () => {
    const holding = macdTrend.init(params);
    const up = candlesFromCloses([...seed, 8, 24]);
    expect(
      up.flatMap(
        (c) =>
          macdTrend.onCandle(
            holding,
            c,
            strategyContext<(typeof macdTrend)['params']>(params, 1),
          ) ?? [],
      ),
    ).toEqual([]);
    const flat = macdTrend.init(params);
    const down = candlesFromCloses([...seed, 8, 24, 8]);
    const flatCtx = strategyContext<(typeof macdTrend)['params']>(params, 0);
    const out = down.map((c) => macdTrend.onCandle(flat, c, flatCtx) ?? []);
    expect(out.at(-1)).toEqual([]);
  });
});

describe('macdTrend on three days of real BTC/USDT 1m candles', () => {
  const closes = fixture.map((c) => c.close);
  const decisions = run(fixture);
  const aboveZeroParams: Params = { ...DEFAULTS, requireAboveZero: true };
  let first: BacktestResult;
  let second: BacktestResult;
  let aboveZero: BacktestResult;

  beforeAll(async () => {
    first = await runBacktest({ strategy: macdTrend, candles: fixture });
    second = await runBacktest({ strategy: macdTrend, candles: fixture });
    aboveZero = await runBacktest({
      strategy: macdTrend,
      candles: fixture,
      params: aboveZeroParams,
    });
  });

  it('trades through the real engine, alternating buys and sells', () => {
    for (const result of [first, aboveZero]) {
      const signals = backtestSignals(result);
      expect(signals.filter((s) => s.side === 'buy').length).toBeGreaterThan(0);
      signals.forEach((signal, i) => expect(signal.side).toBe(i % 2 === 0 ? 'buy' : 'sell'));
    }
    expect(backtestSignals(aboveZero).length).toBeLessThan(backtestSignals(first).length);
  });

  it('buys only on a strict cross up and sells only on a strict cross down (recomputed)', () => {
    const macd = naiveMacd(closes, DEFAULTS);
    const check = (result: BacktestResult, requireAboveZero: boolean) => {
      for (const { index, side, tag } of backtestSignals(result)) {
        const [now, before] = [macd[index], macd[index - 1]];
        if (!now || !before) throw new Error(`decision at ${index} before the MACD was warm`);
        if (side === 'buy') {
          expect(tag).toBe('macd-cross-up');
          expect(before.macd).toBeLessThanOrEqual(before.signal);
          expect(now.macd).toBeGreaterThan(now.signal);
          if (requireAboveZero) expect(now.macd).toBeGreaterThan(0);
        } else {
          expect(tag).toBe('macd-cross-down');
          expect(before.macd).toBeGreaterThanOrEqual(before.signal);
          expect(now.macd).toBeLessThan(now.signal);
        }
      }
    };
    check(first, false);
    check(aboveZero, true);
  });

  it('decides in the engine exactly what it decides when driven directly', () => {
    // The engine replays the first warm-up + 1 candles without trading (startIndex).
    for (const [result, params] of [
      [first, DEFAULTS],
      [aboveZero, aboveZeroParams],
    ] as const) {
      const direct = run(fixture, params, result.startIndex)
        .filter((d) => d.index < fixture.length - 1)
        .map((d) => ({ index: d.index, side: d.intent.kind === 'enter_long' ? 'buy' : 'sell' }));
      expect(backtestSignals(result).map(({ index, side }) => ({ index, side }))).toEqual(direct);
    }
  });

  it('is deterministic: two runs give identical fills', () => {
    expect(second.fills).toEqual(first.fills);
    expect(run(fixture)).toEqual(decisions);
  });

  it('makes no decision before its warm-up', () => {
    const warmup = macdTrend.warmup(DEFAULTS);
    expect(Math.min(...decisions.map((d) => d.index))).toBeGreaterThanOrEqual(warmup - 1);
  });

  it('cannot see the future: a run over a prefix equals the prefix of the full run', () => {
    for (const n of [40, 500, 1500, 2500, 4000]) {
      expect(run(fixture.slice(0, n))).toEqual(decisions.filter((d) => d.index < n));
    }
  });
});
