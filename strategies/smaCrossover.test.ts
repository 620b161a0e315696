import { describe, expect, it } from 'vitest';
import type { Candle } from '../src/core/market/candle';
import { defaultParams, validateParams } from '../src/core/strategy';
import { getStrategy, STRATEGIES } from './index';
import smaCrossover from './smaCrossover';
import { candlesFromCloses, fixture, runSignals, strategyContext } from './testSupport';

type Params = { fast: number; slow: number };
const DEFAULTS: Params = { fast: 9, slow: 21 };

const run = (candles: readonly Candle[], params: Params = DEFAULTS, tradeFrom = 0) =>
  runSignals(smaCrossover, candles, params, tradeFrom);

/** Naive SMA over closes[i - period + 1 .. i], undefined before it is warm. */
function naiveSma(closes: number[], i: number, period: number): number | undefined {
  if (i + 1 < period) return undefined;
  let sum = 0;
  for (let k = i - period + 1; k <= i; k++) sum += closes[k] ?? Number.NaN;
  return sum / period;
}

describe('smaCrossover definition', () => {
  it('declares its id, params, warm-up and cross-field rule', () => {
    expect(smaCrossover).toMatchObject({
      id: 'sma-crossover',
      name: 'SMA crossover',
      category: 'trend',
      timeframe: '1m',
    });
    expect(defaultParams(smaCrossover.params)).toEqual({ fast: 9, slow: 21 });
    expect(smaCrossover.warmup({ fast: 9, slow: 21 })).toBe(22);
    expect(validateParams(smaCrossover, { fast: 21, slow: 21 })).toEqual({
      ok: false,
      errors: [{ field: 'fast', message: 'Fast period (21) must be below slow period (21)' }],
    });
    expect(validateParams(smaCrossover, { fast: 1, slow: 21 })).toEqual({
      ok: false,
      errors: [{ field: 'fast', message: 'Fast period must be a whole number between 2 and 200' }],
    });
  });

  it('is listed in the catalogue', () => {
    expect(getStrategy('sma-crossover')).toBe(smaCrossover);
    expect(getStrategy('nope')).toBeUndefined();
    expect(new Set(STRATEGIES.map((s) => s.id)).size).toBe(STRATEGIES.length);
  });
});

describe('smaCrossover on synthetic series', () => {
  const params = { fast: 2, slow: 3 };

  it('enters on a strict cross up and exits on a strict cross down', () => {
    // fast(2) / slow(3) from index 2: 10/10, 15/13.3 (up), 20/16.7, 15/16.7 (down)
    const decisions = run(candlesFromCloses([10, 10, 10, 20, 20, 10, 10]), params);
    expect(decisions).toEqual([
      { index: 3, intent: { kind: 'enter_long', tag: 'sma-cross-up' } },
      { index: 5, intent: { kind: 'exit_long', fraction: 1, tag: 'sma-cross-down' } },
    ]);
  });

  it('does nothing when the averages only touch', () => {
    // Flat prices keep fast === slow: never a strict cross.
    expect(run(candlesFromCloses(Array.from({ length: 30 }, () => 100)), params)).toEqual([]);
    // Touching from below (fast == slow) and turning back down is no entry…
    expect(run(candlesFromCloses([10, 10, 10, 7, 13, 0.5]), params)).toEqual([]);
    // …and touching from above and turning back up is no exit (fast 10 == slow 10 at index 4).
    expect(run(candlesFromCloses([10, 10, 10, 13, 7, 19.5]), params)).toEqual([
      { index: 3, intent: { kind: 'enter_long', tag: 'sma-cross-up' } },
    ]);
  });

  it('stays silent until both averages and a previous value exist', () => {
    const state = smaCrossover.init(params);
    const ctx = strategyContext<(typeof smaCrossover)['params']>(params, 0);
    const out = candlesFromCloses([1, 1, 5, 9]).map((c) => smaCrossover.onCandle(state, c, ctx));
    expect(out.slice(0, 3)).toEqual([[], [], []]);
  });

  it('does not re-enter while holding, nor exit while flat', () => {
    const state = smaCrossover.init(params);
    const up = candlesFromCloses([10, 10, 10, 20]);
    const holding = strategyContext<(typeof smaCrossover)['params']>(params, 1);
    expect(up.map((c) => smaCrossover.onCandle(state, c, holding)).flat()).toEqual([]);
    const stateDown = smaCrossover.init(params);
    const down = candlesFromCloses([20, 20, 20, 10]);
    const flat = strategyContext<(typeof smaCrossover)['params']>(params, 0);
    expect(down.map((c) => smaCrossover.onCandle(stateDown, c, flat)).flat()).toEqual([]);
  });
});

describe('smaCrossover on three days of real BTC/USDT 1m candles', () => {
  const decisions = run(fixture);
  const closes = fixture.map((c) => c.close);

  it('trades, alternating entries and exits, starting with an entry', () => {
    expect(decisions.length).toBeGreaterThan(20);
    decisions.forEach((decision, i) => {
      expect(decision.intent.kind).toBe(i % 2 === 0 ? 'enter_long' : 'exit_long');
    });
  });

  it('enters only right after a strict cross up and exits only right after a strict cross down', () => {
    const entries = new Set<number>();
    const exits = new Set<number>();
    let isLong = false;
    for (let i = 1; i < closes.length; i++) {
      const [fast, slow] = [naiveSma(closes, i, 9), naiveSma(closes, i, 21)];
      const [prevFast, prevSlow] = [naiveSma(closes, i - 1, 9), naiveSma(closes, i - 1, 21)];
      if (fast === undefined || slow === undefined) continue;
      if (prevFast === undefined || prevSlow === undefined) continue;
      if (!isLong && prevFast <= prevSlow && fast > slow) {
        entries.add(i);
        isLong = true;
      } else if (isLong && prevFast >= prevSlow && fast < slow) {
        exits.add(i);
        isLong = false;
      }
    }
    expect(decisions.filter((d) => d.intent.kind === 'enter_long').map((d) => d.index)).toEqual([
      ...entries,
    ]);
    expect(decisions.filter((d) => d.intent.kind === 'exit_long').map((d) => d.index)).toEqual([
      ...exits,
    ]);
  });

  it('makes no decision before its warm-up', () => {
    const warmup = smaCrossover.warmup({ fast: 9, slow: 21 });
    expect(Math.min(...decisions.map((d) => d.index))).toBeGreaterThanOrEqual(warmup - 1);
  });

  it('is deterministic: two runs give identical decisions', () => {
    expect(run(fixture)).toEqual(decisions);
  });

  it('cannot see the future: a run over a prefix equals the prefix of the full run', () => {
    for (const n of [100, 1000, 2500, 4000]) {
      expect(run(fixture.slice(0, n))).toEqual(decisions.filter((d) => d.index < n));
    }
  });
});
