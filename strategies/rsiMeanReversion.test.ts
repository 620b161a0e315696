import { beforeAll, describe, expect, it } from 'vitest';
import { runBacktest, type BacktestResult } from '../src/backtest/runBacktest';
import type { Candle } from '../src/core/market/candle';
import { defaultParams, validateParams, type ParamValues } from '../src/core/strategy';
import rsiMeanReversion from './rsiMeanReversion';
import {
  backtestSignals,
  candlesFromCloses,
  fixture,
  runSignals,
  strategyContext,
} from './testSupport';

type Params = ParamValues<(typeof rsiMeanReversion)['params']>;
const DEFAULTS: Params = {
  period: 14,
  oversold: 30,
  overbought: 70,
  exitOn: 'overbought',
  exitLevel: 50,
};

const run = (candles: readonly Candle[], params: Params = DEFAULTS, tradeFrom = 0) =>
  runSignals(rsiMeanReversion, candles, params, tradeFrom);

/** Naive Wilder RSI: mean gain/loss of the first `period` changes, then avg += (x − avg) / n. */
function naiveRsi(closes: number[], period: number): (number | undefined)[] {
  let avgGain = 0;
  let avgLoss = 0;
  return closes.map((close, i) => {
    if (i === 0) return undefined;
    const change = close - (closes[i - 1] ?? Number.NaN);
    const [gain, loss] = [Math.max(change, 0), Math.max(-change, 0)];
    if (i <= period) {
      avgGain += gain / period;
      avgLoss += loss / period;
      if (i < period) return undefined;
    } else {
      avgGain += (gain - avgGain) / period;
      avgLoss += (loss - avgLoss) / period;
    }
    return avgLoss === 0 ? 100 : 100 - 100 / (1 + avgGain / avgLoss);
  });
}

describe('rsiMeanReversion definition', () => {
  it('declares its id, params and warm-up', () => {
    expect(rsiMeanReversion).toMatchObject({
      id: 'rsi-mean-reversion',
      name: 'RSI mean reversion',
      category: 'mean_reversion',
      timeframe: '1m',
    });
    expect(defaultParams(rsiMeanReversion.params)).toEqual(DEFAULTS);
    expect(rsiMeanReversion.warmup(DEFAULTS)).toBe(15);
  });

  it('validates its defaults and names the field and range of a bad value', () => {
    expect(validateParams(rsiMeanReversion, { ...DEFAULTS })).toEqual({
      ok: true,
      values: DEFAULTS,
    });
    expect(validateParams(rsiMeanReversion, { ...DEFAULTS, period: 1 })).toEqual({
      ok: false,
      errors: [{ field: 'period', message: 'RSI period must be a whole number between 2 and 100' }],
    });
    expect(validateParams(rsiMeanReversion, { ...DEFAULTS, oversold: 0 })).toEqual({
      ok: false,
      errors: [
        {
          field: 'oversold',
          message: 'Oversold level must be a number between 1 and 99 in steps of 0.5',
        },
      ],
    });
    expect(validateParams(rsiMeanReversion, { ...DEFAULTS, exitOn: 'never' })).toEqual({
      ok: false,
      errors: [
        {
          field: 'exitOn',
          message: 'Exit when must be one of "RSI above overbought", "RSI above exit level"',
        },
      ],
    });
  });

  it('requires oversold below overbought, and an exit level above oversold when used', () => {
    expect(validateParams(rsiMeanReversion, { ...DEFAULTS, oversold: 70 })).toEqual({
      ok: false,
      errors: [
        { field: 'oversold', message: 'Oversold level (70) must be below overbought level (70)' },
      ],
    });
    const exitLevel = { ...DEFAULTS, exitOn: 'exit_level', exitLevel: 30 };
    expect(validateParams(rsiMeanReversion, exitLevel)).toEqual({
      ok: false,
      errors: [
        { field: 'exitLevel', message: 'Exit level (30) must be above oversold level (30)' },
      ],
    });
    // An exit level that is not used is not checked against oversold.
    expect(validateParams(rsiMeanReversion, { ...DEFAULTS, exitLevel: 10 }).ok).toBe(true);
  });
});

describe('rsiMeanReversion on synthetic series', () => {
  // RSI(2) with levels whose RSI values are exact binary fractions (RS 1/4 -> 20, RS 4 -> 80).
  // closes  10  11  10   8.5   7.5     11.375  12.375
  // gain     –   –  .5   .25   .125    2       1.5
  // loss     –   –  .5   1     1       .5      .25
  // RSI      –   –  50   20    11.1    80      85.7
  const params: Params = { ...DEFAULTS, period: 2, oversold: 20, overbought: 80 };
  const closes = [10, 11, 10, 8.5, 7.5, 11.375, 12.375];

  it('enters only strictly below oversold and exits only strictly above overbought', () => {
    expect(run(candlesFromCloses(closes), params)).toEqual([
      { index: 4, intent: { kind: 'enter_long', tag: 'rsi-oversold' } },
      { index: 6, intent: { kind: 'exit_long', fraction: 1, tag: 'rsi-overbought' } },
    ]);
  });

  it('does nothing on a value equal to a level', () => {
    // Stops at RSI 20 (== oversold): no entry.
    expect(run(candlesFromCloses(closes.slice(0, 4)), params)).toEqual([]);
    // Stops at RSI 80 (== overbought) while holding: no exit.
    expect(run(candlesFromCloses(closes.slice(0, 6)), params)).toEqual([
      { index: 4, intent: { kind: 'enter_long', tag: 'rsi-oversold' } },
    ]);
  });

  it('can exit earlier, strictly above the exit level', () => {
    // After the entry (gain .125, loss 1): 8.375 -> gain .5, loss .5, RSI 50 (== exit level);
    // 9.375 -> gain .75, loss .25, RSI 75: above 50, below 80.
    const series = candlesFromCloses([10, 11, 10, 8.5, 7.5, 8.375, 9.375]);
    const withExitLevel: Params = { ...params, exitOn: 'exit_level', exitLevel: 50 };
    expect(run(series, withExitLevel)).toEqual([
      { index: 4, intent: { kind: 'enter_long', tag: 'rsi-oversold' } },
      { index: 6, intent: { kind: 'exit_long', fraction: 1, tag: 'rsi-exit-level' } },
    ]);
    expect(run(series, params)).toEqual([
      { index: 4, intent: { kind: 'enter_long', tag: 'rsi-oversold' } },
    ]);
  });

  it('does not add while holding, nor exit while flat', () => {
    const holding = rsiMeanReversion.init(params);
    const down = candlesFromCloses([10, 11, 10, 8.5, 7.5, 6]);
    expect(
      down.flatMap(
        (c) =>
          rsiMeanReversion.onCandle(
            holding,
            c,
            strategyContext<(typeof rsiMeanReversion)['params']>(params, 1),
          ) ?? [],
      ),
    ).toEqual([]);
    const flat = rsiMeanReversion.init(params);
    const up = candlesFromCloses([10, 11, 12, 13, 14]); // RSI 100
    expect(
      up.flatMap(
        (c) =>
          rsiMeanReversion.onCandle(
            flat,
            c,
            strategyContext<(typeof rsiMeanReversion)['params']>(params, 0),
          ) ?? [],
      ),
    ).toEqual([]);
  });

  it('stays silent during warm-up even on a crash', () => {
    // RSI(2) needs 3 closes; a crash on the first two changes is only seen at index 2.
    expect(run(candlesFromCloses([10, 5, 2, 2]), params)).toEqual([
      { index: 2, intent: { kind: 'enter_long', tag: 'rsi-oversold' } },
    ]);
  });
});

describe('rsiMeanReversion on three days of real BTC/USDT 1m candles', () => {
  const closes = fixture.map((c) => c.close);
  const rsi = naiveRsi(closes, DEFAULTS.period);
  const decisions = run(fixture);
  const exitLevelParams: Params = { ...DEFAULTS, exitOn: 'exit_level', exitLevel: 50 };
  let first: BacktestResult;
  let second: BacktestResult;
  let withExitLevel: BacktestResult;

  beforeAll(async () => {
    first = await runBacktest({ strategy: rsiMeanReversion, candles: fixture });
    second = await runBacktest({ strategy: rsiMeanReversion, candles: fixture });
    withExitLevel = await runBacktest({
      strategy: rsiMeanReversion,
      candles: fixture,
      params: exitLevelParams,
    });
  });

  it('trades through the real engine, alternating buys and sells', () => {
    for (const result of [first, withExitLevel]) {
      const signals = backtestSignals(result);
      expect(signals.filter((s) => s.side === 'buy').length).toBeGreaterThan(0);
      signals.forEach((signal, i) => expect(signal.side).toBe(i % 2 === 0 ? 'buy' : 'sell'));
    }
  });

  it('buys only below oversold and sells only above the exit threshold (RSI recomputed)', () => {
    for (const { index, side, tag } of backtestSignals(first)) {
      const value = rsi[index];
      if (value === undefined) throw new Error(`decision at ${index} before the RSI was warm`);
      if (side === 'buy') {
        expect(tag).toBe('rsi-oversold');
        expect(value).toBeLessThan(DEFAULTS.oversold);
      } else {
        expect(tag).toBe('rsi-overbought');
        expect(value).toBeGreaterThan(DEFAULTS.overbought);
      }
    }
    const exits = backtestSignals(withExitLevel).filter((s) => s.side === 'sell');
    expect(exits.length).toBeGreaterThan(0);
    for (const { index, tag } of exits) {
      expect(tag).toBe('rsi-exit-level');
      expect(rsi[index]).toBeGreaterThan(exitLevelParams.exitLevel);
    }
  });

  it('buys on the first oversold candle once flat and sells on the first candle above', () => {
    // Level rules: no candle between a sell and the next buy was oversold, and none between a
    // buy and its sell was above the exit threshold.
    const signals = backtestSignals(first);
    signals.forEach((signal, i) => {
      const from = (signals[i - 1]?.index ?? first.startIndex - 1) + 1;
      for (let k = from; k < signal.index; k++) {
        const value = rsi[k] ?? Number.NaN;
        if (signal.side === 'buy') expect(value).toBeGreaterThanOrEqual(DEFAULTS.oversold);
        else expect(value).toBeLessThanOrEqual(DEFAULTS.overbought);
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
    for (const n of [20, 500, 1500, 2500, 4000]) {
      expect(run(fixture.slice(0, n))).toEqual(decisions.filter((d) => d.index < n));
    }
  });
});
