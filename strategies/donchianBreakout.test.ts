import { beforeAll, describe, expect, it } from 'vitest';
import { runBacktest, type BacktestResult } from '../src/backtest/runBacktest';
import type { Candle } from '../src/core/market/candle';
import { defaultParams, validateParams } from '../src/core/strategy';
import donchianBreakout from './donchianBreakout';
import { backtestSignals, fixture, runSignals, strategyContext } from './testSupport';

type Params = { entryPeriod: number; exitPeriod: number };
const DEFAULTS: Params = { entryPeriod: 20, exitPeriod: 10 };

/** Candles from [high, low, close] triples. */
function candles(rows: [number, number, number][]): Candle[] {
  return rows.map(([high, low, close], i) => ({
    time: i * 60_000,
    open: close,
    high,
    low,
    close,
    volume: 1,
  }));
}

const run = (candles: readonly Candle[], params: Params = DEFAULTS, tradeFrom = 0) =>
  runSignals(donchianBreakout, candles, params, tradeFrom);

/** Highest high and lowest low of the `period` candles before index i (i itself excluded). */
function previousHigh(series: readonly Candle[], i: number, period: number): number {
  if (i < period) return Number.NaN;
  return Math.max(...series.slice(i - period, i).map((c) => c.high));
}
function previousLow(series: readonly Candle[], i: number, period: number): number {
  if (i < period) return Number.NaN;
  return Math.min(...series.slice(i - period, i).map((c) => c.low));
}

describe('donchianBreakout definition', () => {
  it('declares its id, params and warm-up', () => {
    expect(donchianBreakout).toMatchObject({
      id: 'donchian-breakout',
      name: 'Donchian breakout',
      category: 'breakout',
      timeframe: '1m',
    });
    expect(defaultParams(donchianBreakout.params)).toEqual(DEFAULTS);
    expect(donchianBreakout.warmup(DEFAULTS)).toBe(21);
    expect(donchianBreakout.warmup({ entryPeriod: 10, exitPeriod: 30 })).toBe(31);
  });

  it('validates its defaults and names the field and range of a bad value', () => {
    expect(validateParams(donchianBreakout, { ...DEFAULTS })).toEqual({
      ok: true,
      values: DEFAULTS,
    });
    expect(validateParams(donchianBreakout, { ...DEFAULTS, entryPeriod: 1 })).toEqual({
      ok: false,
      errors: [
        { field: 'entryPeriod', message: 'Entry channel must be a whole number between 2 and 500' },
      ],
    });
    expect(validateParams(donchianBreakout, { ...DEFAULTS, exitPeriod: 10.5 })).toEqual({
      ok: false,
      errors: [
        { field: 'exitPeriod', message: 'Exit channel must be a whole number between 1 and 500' },
      ],
    });
    // A longer exit channel than entry channel is allowed (a looser trailing exit).
    expect(validateParams(donchianBreakout, { entryPeriod: 10, exitPeriod: 20 }).ok).toBe(true);
  });
});

describe('donchianBreakout on synthetic series', () => {
  const params = { entryPeriod: 3, exitPeriod: 2 };
  // [high, low, close]
  const rows: [number, number, number][] = [
    [10, 8, 9],
    [11, 9, 10],
    [12, 10, 11],
    [13, 11, 12], // 3: previous highs 10 11 12 -> close 12 only equals 12: no entry
    [14, 12, 13.5], // 4: previous highs 11 12 13 -> 13.5 > 13: enter (own high 14 not counted)
    [14, 12.5, 13], // 5: previous lows 11 12 -> 13: hold
    [13, 11, 12], // 6: previous lows 12 12.5 -> close 12 only equals 12: no exit
    [12, 10, 11.5], // 7: previous lows 12.5 11 -> hold
    [11, 9, 9.5], // 8: previous lows 11 10 -> 9.5 < 10: exit
  ];

  it('enters on a strict close above the previous highs and exits below the previous lows', () => {
    expect(run(candles(rows), params)).toEqual([
      { index: 4, intent: { kind: 'enter_long', tag: 'donchian-breakout' } },
      { index: 8, intent: { kind: 'exit_long', fraction: 1, tag: 'donchian-breakdown' } },
    ]);
  });

  it('ignores closes equal to the channel edge', () => {
    expect(run(candles(rows.slice(0, 4)), params)).toEqual([]);
    expect(run(candles(rows.slice(0, 8)), params).map((d) => d.index)).toEqual([4]);
  });

  it('looks back exactly N candles, not counting the current one', () => {
    const same = { entryPeriod: 3, exitPeriod: 3 };
    // The 20 high is 4 candles back: outside the window of 3, so 13 > 12 breaks out.
    const outside = candles([
      [20, 9, 10],
      [12, 9, 10],
      [11, 9, 10],
      [10, 9, 10],
      [13, 9, 13],
    ]);
    expect(run(outside, same).map((d) => d.intent.kind)).toEqual(['enter_long']);
    // The 13 high is exactly 3 candles back: inside the window, so 12.5 is no breakout.
    const inside = candles([
      [10, 9, 10],
      [13, 9, 10],
      [11, 9, 10],
      [10, 9, 10],
      [14, 9, 12.5],
    ]);
    expect(run(inside, same)).toEqual([]);
  });

  it('needs full previous windows before deciding', () => {
    // Warm-up max(3, 2) + 1 = 4: a breakout at index 2 (only 2 previous candles) is ignored.
    expect(
      run(
        candles([
          [10, 9, 10],
          [10, 9, 10],
          [30, 9, 30],
        ]),
        params,
      ),
    ).toEqual([]);
    // …while at index 3 = warm-up − 1 it is taken.
    expect(donchianBreakout.warmup(params)).toBe(4);
    expect(
      run(
        candles([
          [10, 9, 10],
          [10, 9, 10],
          [10, 9, 10],
          [30, 9, 30],
        ]),
        params,
      ),
    ).toEqual([{ index: 3, intent: { kind: 'enter_long', tag: 'donchian-breakout' } }]);
  });

  it('does not add while holding, nor exit while flat', () => {
    const holding = donchianBreakout.init(params);
    const ctxHolding = strategyContext<(typeof donchianBreakout)['params']>(params, 1);
    const out = candles(rows.slice(0, 5)).flatMap(
      (c) => donchianBreakout.onCandle(holding, c, ctxHolding) ?? [],
    );
    expect(out).toEqual([]);
    const flat = donchianBreakout.init(params);
    const ctxFlat = strategyContext<(typeof donchianBreakout)['params']>(params, 0);
    const crash = candles([
      [10, 9, 10],
      [10, 9, 10],
      [10, 9, 10],
      [10, 9, 10],
      [5, 1, 2],
    ]);
    expect(crash.flatMap((c) => donchianBreakout.onCandle(flat, c, ctxFlat) ?? [])).toEqual([]);
  });
});

describe('donchianBreakout on three days of real BTC/USDT 1m candles', () => {
  const decisions = run(fixture);
  let first: BacktestResult;
  let second: BacktestResult;

  beforeAll(async () => {
    first = await runBacktest({ strategy: donchianBreakout, candles: fixture });
    second = await runBacktest({ strategy: donchianBreakout, candles: fixture });
  });

  it('trades through the real engine, alternating buys and sells', () => {
    const signals = backtestSignals(first);
    expect(signals.filter((s) => s.side === 'buy').length).toBeGreaterThan(0);
    signals.forEach((signal, i) => expect(signal.side).toBe(i % 2 === 0 ? 'buy' : 'sell'));
  });

  it('buys only on a strict breakout and sells only on a strict breakdown (recomputed)', () => {
    for (const { index, side, tag } of backtestSignals(first)) {
      const close = fixture[index]?.close ?? Number.NaN;
      if (side === 'buy') {
        expect(tag).toBe('donchian-breakout');
        expect(close).toBeGreaterThan(previousHigh(fixture, index, DEFAULTS.entryPeriod));
      } else {
        expect(tag).toBe('donchian-breakdown');
        expect(close).toBeLessThan(previousLow(fixture, index, DEFAULTS.exitPeriod));
      }
    }
  });

  it('acts on the first breakout once flat and the first breakdown once holding', () => {
    const signals = backtestSignals(first);
    signals.forEach((signal, i) => {
      const from = signals[i - 1]?.index ?? first.startIndex - 1;
      for (let k = from + 1; k < signal.index; k++) {
        const close = fixture[k]?.close ?? Number.NaN;
        if (signal.side === 'buy') {
          expect(close).toBeLessThanOrEqual(previousHigh(fixture, k, DEFAULTS.entryPeriod));
        } else {
          expect(close).toBeGreaterThanOrEqual(previousLow(fixture, k, DEFAULTS.exitPeriod));
        }
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
    for (const n of [30, 500, 1500, 2500, 4000]) {
      expect(run(fixture.slice(0, n))).toEqual(decisions.filter((d) => d.index < n));
    }
  });
});
