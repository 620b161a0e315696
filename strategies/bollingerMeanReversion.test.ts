import { beforeAll, describe, expect, it } from 'vitest';
import { runBacktest, type BacktestResult } from '../src/backtest/runBacktest';
import type { Candle } from '../src/core/market/candle';
import { defaultParams, validateParams, type ParamValues } from '../src/core/strategy';
import bollingerMeanReversion from './bollingerMeanReversion';
import {
  backtestSignals,
  candlesFromCloses,
  fixture,
  runSignals,
  strategyContext,
} from './testSupport';

type Params = ParamValues<(typeof bollingerMeanReversion)['params']>;
const DEFAULTS: Params = { period: 20, stdDev: 2, exitAt: 'middle' };

const run = (candles: readonly Candle[], params: Params = DEFAULTS, tradeFrom = 0) =>
  runSignals(bollingerMeanReversion, candles, params, tradeFrom);

/** Naive bands over closes[i − period + 1 .. i] with the population σ. */
function naiveBands(closes: number[], i: number, period: number, k: number) {
  if (i + 1 < period) return undefined;
  const window = closes.slice(i - period + 1, i + 1);
  const mean = window.reduce((sum, x) => sum + x, 0) / period;
  const sigma = Math.sqrt(window.reduce((sum, x) => sum + (x - mean) ** 2, 0) / period);
  return { lower: mean - k * sigma, middle: mean, upper: mean + k * sigma };
}

describe('bollingerMeanReversion definition', () => {
  it('declares its id, params and warm-up', () => {
    expect(bollingerMeanReversion).toMatchObject({
      id: 'bollinger-mean-reversion',
      name: 'Bollinger mean reversion',
      category: 'mean_reversion',
      timeframe: '1m',
    });
    expect(defaultParams(bollingerMeanReversion.params)).toEqual(DEFAULTS);
    expect(bollingerMeanReversion.warmup(DEFAULTS)).toBe(20);
  });

  it('validates its defaults and names the field and range of a bad value', () => {
    expect(validateParams(bollingerMeanReversion, { ...DEFAULTS })).toEqual({
      ok: true,
      values: DEFAULTS,
    });
    expect(validateParams(bollingerMeanReversion, { ...DEFAULTS, period: 1 })).toEqual({
      ok: false,
      errors: [{ field: 'period', message: 'Period must be a whole number between 2 and 500' }],
    });
    expect(validateParams(bollingerMeanReversion, { ...DEFAULTS, stdDev: 2.05 })).toEqual({
      ok: false,
      errors: [
        {
          field: 'stdDev',
          message:
            'Band width (standard deviations) must be a number between 0.5 and 5 in steps of 0.1',
        },
      ],
    });
    expect(validateParams(bollingerMeanReversion, { ...DEFAULTS, exitAt: 'lower' })).toEqual({
      ok: false,
      errors: [{ field: 'exitAt', message: 'Exit at must be one of "Middle band", "Upper band"' }],
    });
    expect(validateParams(bollingerMeanReversion, { ...DEFAULTS, stdDev: 0.7 }).ok).toBe(true);
  });
});

describe('bollingerMeanReversion on synthetic series', () => {
  it('enters strictly below the lower band and exits at the middle band', () => {
    // Period 2: bands of [12, 8] are mean 10 ± k·2. k 0.5: lower 9 > 8, enter at 1.
    // [8, 7]: middle 7.5 > 7, hold; [7, 7.5]: middle 7.25 <= 7.5, exit at 3.
    const params: Params = { period: 2, stdDev: 0.5, exitAt: 'middle' };
    expect(run(candlesFromCloses([12, 8, 7, 7.5, 8]), params)).toEqual([
      { index: 1, intent: { kind: 'enter_long', tag: 'bb-below-lower' } },
      { index: 3, intent: { kind: 'exit_long', fraction: 1, tag: 'bb-middle' } },
    ]);
  });

  it('does nothing on a close equal to the lower band or on a flat window', () => {
    // Period 2, k 1: the lower band of [a, b] with b < a is exactly b — never strictly below.
    const params: Params = { period: 2, stdDev: 1, exitAt: 'middle' };
    expect(run(candlesFromCloses([12, 8, 4, 2, 1]), params)).toEqual([]);
    // A flat window has zero width: close == lower == middle == upper.
    expect(run(candlesFromCloses(Array.from({ length: 30 }, () => 100)), DEFAULTS)).toEqual([]);
  });

  it('exits on a close equal to the middle band', () => {
    // Period 2, k 0.5: enter at 1 (8 < 9); [8, 8]: middle 8 == close, exit at 2.
    const params: Params = { period: 2, stdDev: 0.5, exitAt: 'middle' };
    expect(run(candlesFromCloses([12, 8, 8]), params)).toEqual([
      { index: 1, intent: { kind: 'enter_long', tag: 'bb-below-lower' } },
      { index: 2, intent: { kind: 'exit_long', fraction: 1, tag: 'bb-middle' } },
    ]);
  });

  it('holds for the upper band when asked', () => {
    // Period 3, k 1. [10 10 7]: mean 9, σ √2, lower 7.59 > 7: enter at 3.
    // [10 7 9]: middle 8.67 <= 9 (a middle exit) but upper 9.91 > 9; [7 9 10]: upper 9.91 <= 10.
    const closes = candlesFromCloses([10, 10, 10, 7, 9, 10, 12]);
    const middle: Params = { period: 3, stdDev: 1, exitAt: 'middle' };
    expect(run(closes, middle).map((d) => d.index)).toEqual([3, 4]);
    expect(run(closes, { ...middle, exitAt: 'upper' })).toEqual([
      { index: 3, intent: { kind: 'enter_long', tag: 'bb-below-lower' } },
      { index: 5, intent: { kind: 'exit_long', fraction: 1, tag: 'bb-upper' } },
    ]);
  });

  it('does not add while holding, nor exit while flat', () => {
    const params: Params = { period: 2, stdDev: 0.5, exitAt: 'middle' };
    const holding = bollingerMeanReversion.init(params);
    const down = candlesFromCloses([12, 8, 4, 2]);
    const ctxHolding = strategyContext<(typeof bollingerMeanReversion)['params']>(params, 1);
    expect(
      down.flatMap((c) => bollingerMeanReversion.onCandle(holding, c, ctxHolding) ?? []),
    ).toEqual([]);
    const flat = bollingerMeanReversion.init(params);
    const up = candlesFromCloses([1, 2, 4, 8]);
    const ctxFlat = strategyContext<(typeof bollingerMeanReversion)['params']>(params, 0);
    expect(up.flatMap((c) => bollingerMeanReversion.onCandle(flat, c, ctxFlat) ?? [])).toEqual([]);
  });
});

describe('bollingerMeanReversion on three days of real BTC/USDT 1m candles', () => {
  const closes = fixture.map((c) => c.close);
  const decisions = run(fixture);
  const upperParams: Params = { ...DEFAULTS, exitAt: 'upper' };
  let first: BacktestResult;
  let second: BacktestResult;
  let atUpper: BacktestResult;

  beforeAll(async () => {
    first = await runBacktest({ strategy: bollingerMeanReversion, candles: fixture });
    second = await runBacktest({ strategy: bollingerMeanReversion, candles: fixture });
    atUpper = await runBacktest({
      strategy: bollingerMeanReversion,
      candles: fixture,
      params: upperParams,
    });
  });

  it('trades through the real engine, alternating buys and sells', () => {
    for (const result of [first, atUpper]) {
      const signals = backtestSignals(result);
      expect(signals.filter((s) => s.side === 'buy').length).toBeGreaterThan(0);
      signals.forEach((signal, i) => expect(signal.side).toBe(i % 2 === 0 ? 'buy' : 'sell'));
    }
  });

  it('buys only below the lower band and sells only at or above the exit band (recomputed)', () => {
    const check = (result: BacktestResult, exitAt: 'middle' | 'upper') => {
      for (const { index, side, tag } of backtestSignals(result)) {
        const bands = naiveBands(closes, index, DEFAULTS.period, DEFAULTS.stdDev);
        const close = closes[index] ?? Number.NaN;
        if (bands === undefined) throw new Error(`decision at ${index} before the bands were warm`);
        if (side === 'buy') {
          expect(tag).toBe('bb-below-lower');
          expect(close).toBeLessThan(bands.lower);
        } else {
          expect(tag).toBe(exitAt === 'upper' ? 'bb-upper' : 'bb-middle');
          expect(close).toBeGreaterThanOrEqual(bands[exitAt]);
        }
      }
    };
    check(first, 'middle');
    check(atUpper, 'upper');
  });

  it('buys on the first close below the band once flat and sells on the first close back', () => {
    const signals = backtestSignals(first);
    signals.forEach((signal, i) => {
      const from = (signals[i - 1]?.index ?? first.startIndex - 1) + 1;
      for (let k = from; k < signal.index; k++) {
        const bands = naiveBands(closes, k, DEFAULTS.period, DEFAULTS.stdDev);
        const close = closes[k] ?? Number.NaN;
        if (signal.side === 'buy') expect(close).toBeGreaterThanOrEqual(bands?.lower ?? Number.NaN);
        else expect(close).toBeLessThan(bands?.middle ?? Number.NaN);
      }
    });
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

  it('cannot see the future: a run over a prefix equals the prefix of the full run', () => {
    for (const n of [25, 500, 1500, 2500, 4000]) {
      expect(run(fixture.slice(0, n))).toEqual(decisions.filter((d) => d.index < n));
    }
  });
});
