import { describe, expect, it } from 'vitest';
import {
  evaluateProtectiveExits,
  initialProtectiveState,
  protectiveLevels,
  roiRowFor,
  stopLossLevel,
  syncProtectiveState,
  type ProtectiveState,
} from './protectiveExits';
import type { RiskConfig } from './riskConfig';

const T0 = Date.UTC(2023, 2, 1);
const MINUTE = 60_000;

/** A 1m candle `minute` minutes after T0. */
const candle = (open: number, high: number, low: number, close: number, minute = 0) => ({
  time: T0 + minute * MINUTE,
  open,
  high,
  low,
  close,
});

/** Evaluates one candle for a position entered at 100 at T0, decided at the candle's close. */
function evaluate(
  config: RiskConfig,
  bar: ReturnType<typeof candle>,
  state: ProtectiveState = initialProtectiveState(100, T0),
) {
  return evaluateProtectiveExits(state, bar, config, bar.time + MINUTE);
}

const stop3: RiskConfig = { stopLoss: { kind: 'percent', percent: 3 } };
const scaled: RiskConfig = {
  takeProfit: {
    steps: [
      { percent: 2, fraction: 0.5 },
      { percent: 4, fraction: 0.5 },
    ],
  },
};

describe('initialProtectiveState / syncProtectiveState', () => {
  it('starts at the entry with nothing armed or taken', () => {
    expect(initialProtectiveState(100, T0)).toEqual({
      entryPrice: 100,
      entryTime: T0,
      highWater: 100,
      trailingActive: false,
      takeProfitStepsDone: 0,
    });
  });

  it('follows the position: opened, averaged, closed', () => {
    const opened = syncProtectiveState(undefined, { amount: 1, averageEntry: 100 }, T0);
    expect(opened).toEqual(initialProtectiveState(100, T0));
    const moved = { ...(opened as ProtectiveState), highWater: 104, takeProfitStepsDone: 1 };
    expect(syncProtectiveState(moved, { amount: 2, averageEntry: 98 }, T0 + MINUTE)).toEqual({
      ...moved,
      entryPrice: 98,
    });
    expect(syncProtectiveState(moved, { amount: 0, averageEntry: 0 }, T0)).toBeUndefined();
    expect(syncProtectiveState(undefined, { amount: 0, averageEntry: 0 }, T0)).toBeUndefined();
  });
});

describe('stop-loss', () => {
  it('exits the whole position at the stop when the low reaches it', () => {
    const { exit } = evaluate(stop3, candle(100, 101, 96, 99));
    expect(exit).toEqual({
      reason: 'stop_loss',
      fraction: 1,
      price: 97,
      legs: [{ reason: 'stop_loss', fraction: 1, price: 97, point: 2 }],
    });
  });

  it('triggers when the low touches the stop exactly, not a cent above', () => {
    expect(evaluate(stop3, candle(100, 101, 97, 99)).exit?.price).toBe(97);
    expect(evaluate(stop3, candle(100, 101, 97.01, 99)).exit).toBeUndefined();
  });

  it('fills at the open when the candle gaps below the stop', () => {
    const { exit } = evaluate(stop3, candle(95, 96, 94, 95.5));
    expect(exit?.price).toBe(95);
    expect(exit?.legs[0]?.point).toBe(0);
  });

  it('supports a fixed stop price, even above the entry (a locked-in stop)', () => {
    expect(stopLossLevel({ kind: 'price', price: 101 }, 100)).toBe(101);
    const { exit } = evaluate(
      { stopLoss: { kind: 'price', price: 101 } },
      candle(103, 104, 100, 100.5),
    );
    expect(exit).toMatchObject({ reason: 'stop_loss', price: 101, fraction: 1 });
  });

  it('measures a percent stop from the average entry', () => {
    const state = { ...initialProtectiveState(200, T0) };
    expect(evaluate(stop3, candle(199, 200, 193.9, 195), state).exit?.price).toBeCloseTo(194, 9);
  });

  it('does nothing without risk settings but still tracks the high', () => {
    const result = evaluate({}, candle(100, 110, 90, 105));
    expect(result.exit).toBeUndefined();
    expect(result.state.highWater).toBe(110);
    expect(result.state.trailingActive).toBe(false);
  });
});

describe('take-profit (scaled)', () => {
  it('sells 50% at +2%, then the rest at +4% on a later candle', () => {
    const first = evaluate(scaled, candle(100, 103, 99.5, 102.5));
    expect(first.exit).toEqual({
      reason: 'take_profit',
      fraction: 0.5,
      price: 102,
      step: 0,
      legs: [{ reason: 'take_profit', fraction: 0.5, price: 102, step: 0, point: 2 }],
    });
    expect(first.state.takeProfitStepsDone).toBe(1);

    const quiet = evaluate(scaled, candle(102.5, 103.5, 102, 103, 1), first.state);
    expect(quiet.exit).toBeUndefined();

    // The rest: the second step sells everything left, i.e. all of the current position.
    const second = evaluate(scaled, candle(103, 104.5, 102.8, 104.2, 2), quiet.state);
    expect(second.exit).toMatchObject({ reason: 'take_profit', fraction: 1, price: 104, step: 1 });
    expect(second.state.takeProfitStepsDone).toBe(2);
  });

  it('expresses later steps as a share of what is left', () => {
    const config: RiskConfig = {
      takeProfit: {
        steps: [
          { percent: 1, fraction: 0.3 },
          { percent: 2, fraction: 0.3 },
        ],
      },
    };
    const first = evaluate(config, candle(100, 101.5, 100, 101.2));
    expect(first.exit?.fraction).toBeCloseTo(0.3, 12);
    const second = evaluate(config, candle(101.2, 102.5, 101, 102, 1), first.state);
    expect(second.exit?.fraction).toBeCloseTo(0.3 / 0.7, 12);
    // 40% of the original position is left and no step remains.
    const after = evaluate(config, candle(102, 110, 101, 109, 2), second.state);
    expect(after.exit).toBeUndefined();
  });

  it('combines two steps reached in one candle into one exit', () => {
    const { exit, state } = evaluate(scaled, candle(100, 105, 99.8, 104.5));
    expect(exit?.reason).toBe('take_profit');
    expect(exit?.fraction).toBe(1);
    expect(exit?.step).toBe(1);
    expect(exit?.price).toBeCloseTo(103, 9); // half at 102, half at 104
    expect(exit?.legs.map((leg) => [leg.step, leg.fraction, leg.price])).toEqual([
      [0, 0.5, 102],
      [1, 0.5, 104],
    ]);
    expect(state.takeProfitStepsDone).toBe(2);
  });

  it('fills at the open when the candle gaps above a step', () => {
    const { exit } = evaluate(scaled, candle(103, 103.5, 102.9, 103.2));
    expect(exit).toMatchObject({ fraction: 0.5, price: 103, step: 0 });
    expect(exit?.legs[0]?.point).toBe(0);
  });

  it('reports no exit once every step is taken and the steps sold everything', () => {
    const done = { ...initialProtectiveState(100, T0), takeProfitStepsDone: 2 };
    expect(evaluate({ ...scaled, ...stop3 }, candle(90, 91, 80, 85), done).exit).toBeUndefined();
  });
});

describe('stop and take-profit in one candle: the path decides', () => {
  const both: RiskConfig = { ...stop3, ...scaled };

  it('up candle (open → low → high): the stop comes first and closes everything', () => {
    const { exit, state } = evaluate(both, candle(100, 105, 96, 104));
    expect(exit).toEqual({
      reason: 'stop_loss',
      fraction: 1,
      price: 97,
      legs: [{ reason: 'stop_loss', fraction: 1, price: 97, point: 1 }],
    });
    expect(state.takeProfitStepsDone).toBe(0);
  });

  it('down candle (open → high → low): the step fills, then the rest is stopped out', () => {
    const { exit, state } = evaluate(both, candle(100, 102.5, 96, 96.5));
    expect(exit?.reason).toBe('stop_loss');
    expect(exit?.fraction).toBe(1);
    expect(exit?.step).toBe(0);
    expect(exit?.price).toBeCloseTo(99.5, 9); // half at 102, half at 97
    expect(exit?.legs).toEqual([
      { reason: 'take_profit', fraction: 0.5, price: 102, step: 0, point: 1 },
      { reason: 'stop_loss', fraction: 0.5, price: 97, point: 2 },
    ]);
    expect(state.takeProfitStepsDone).toBe(1);
  });

  it('a single full take-profit in a down candle leaves nothing for the stop', () => {
    const config: RiskConfig = { ...stop3, takeProfit: { steps: [{ percent: 2, fraction: 1 }] } };
    const { exit } = evaluate(config, candle(100, 102.5, 96, 96.5));
    expect(exit).toMatchObject({ reason: 'take_profit', fraction: 1, price: 102 });
    expect(exit?.legs).toHaveLength(1);
  });
});

describe('trailing stop', () => {
  const trail3: RiskConfig = { trailingStop: { percent: 3, activationPercent: 0 } };

  it('is armed from entry with activation 0 and trails the high', () => {
    expect(evaluate(trail3, candle(100, 101, 97.5, 100)).exit).toBeUndefined();
    const { exit } = evaluate(trail3, candle(100, 101, 96.5, 97));
    // Down candle: the high (101) comes first, so the level is 97.97.
    expect(exit?.reason).toBe('trailing_stop');
    expect(exit?.price).toBeCloseTo(97.97, 9);
  });

  it('rises with the price and exits on the way back down in the same up candle', () => {
    // Up candle: open → low → high (110, level 106.7) → close 105.
    const { exit, state } = evaluate(trail3, candle(100, 110, 99, 105));
    expect(exit?.price).toBeCloseTo(106.7, 9);
    expect(exit?.legs[0]?.point).toBe(3);
    expect(state.highWater).toBe(110);
  });

  it('waits for the activation price before trailing', () => {
    const config: RiskConfig = { trailingStop: { percent: 1, activationPercent: 2 } };
    // Up 1.5% and back: not armed, no exit (a 1% trail from 101.5 would have fired).
    const flat = evaluate(config, candle(100, 101.5, 99, 100.2));
    expect(flat.exit).toBeUndefined();
    expect(flat.state.trailingActive).toBe(false);
    // Up 3% (armed at 102), then back below 103 × 0.99 = 101.97.
    const armed = evaluate(config, candle(100.2, 103, 100.1, 101.6, 1), flat.state);
    expect(armed.state.trailingActive).toBe(true);
    expect(armed.exit?.reason).toBe('trailing_stop');
    expect(armed.exit?.price).toBeCloseTo(101.97, 9);
  });

  it('stays armed and keeps its high across candles; gaps fill at the open', () => {
    const config: RiskConfig = { trailingStop: { percent: 2, activationPercent: 1 } };
    const up = evaluate(config, candle(100, 105, 100, 104.9));
    expect(up.exit).toBeUndefined();
    expect(up.state).toMatchObject({ highWater: 105, trailingActive: true });
    const gap = evaluate(config, candle(102, 103, 101, 102.5, 1), up.state);
    expect(gap.exit).toMatchObject({ reason: 'trailing_stop', price: 102, fraction: 1 });
  });

  it('the higher of stop-loss and trailing level fires first', () => {
    const config: RiskConfig = { ...stop3, trailingStop: { percent: 5, activationPercent: 0 } };
    // Trailing from 100 at 95, stop at 97: the stop is higher.
    expect(evaluate(config, candle(100, 100.5, 94, 95)).exit?.reason).toBe('stop_loss');
    // After a run to 110 the trailing level (104.5) is above the stop.
    const run = evaluate(config, candle(100, 110, 100, 109.5));
    const exit = evaluate(config, candle(109.5, 109.5, 100, 101, 1), run.state).exit;
    expect(exit?.reason).toBe('trailing_stop');
    expect(exit?.price).toBeCloseTo(104.5, 9);
  });
});

describe('ROI table', () => {
  const roi: RiskConfig = {
    roiTable: [
      { afterMinutes: 0, percent: 5 },
      { afterMinutes: 30, percent: 2 },
      { afterMinutes: 60, percent: 0 },
    ],
  };
  const at = (minute: number, bar: ReturnType<typeof candle>) =>
    evaluateProtectiveExits(initialProtectiveState(100, T0), bar, roi, T0 + minute * MINUTE);

  it('picks the row with the largest age not above the trade age', () => {
    expect(roiRowFor(roi.roiTable, 29 * MINUTE)?.percent).toBe(5);
    expect(roiRowFor(roi.roiTable, 30 * MINUTE)?.percent).toBe(2);
    expect(roiRowFor(roi.roiTable, 600 * MINUTE)?.percent).toBe(0);
    expect(roiRowFor([{ afterMinutes: 10, percent: 1 }], 5 * MINUTE)).toBeUndefined();
    expect(roiRowFor(undefined, 5 * MINUTE)).toBeUndefined();
  });

  it('exits everything once the profit reaches the row for the trade age', () => {
    expect(at(10, candle(100, 103, 99.5, 102.5, 9)).exit).toBeUndefined();
    expect(at(40, candle(100, 103, 99.5, 102.5, 39)).exit).toMatchObject({
      reason: 'roi',
      fraction: 1,
      price: 102,
    });
  });

  it('fills at the open when the price is already above the level', () => {
    const { exit } = at(61, candle(100.5, 100.8, 100.1, 100.2, 60));
    expect(exit).toMatchObject({ reason: 'roi', price: 100.5 });
  });

  it('a negative row exits at a bounded loss after a while', () => {
    const config: RiskConfig = { roiTable: [{ afterMinutes: 120, percent: -1 }] };
    const bar = candle(98, 99.5, 97.5, 99.2, 130);
    const { exit } = evaluateProtectiveExits(
      initialProtectiveState(100, T0),
      bar,
      config,
      T0 + 131 * MINUTE,
    );
    expect(exit).toMatchObject({ reason: 'roi', price: 99 });
  });

  it('a ROI level below the next take-profit step exits everything first', () => {
    const config: RiskConfig = { ...scaled, roiTable: [{ afterMinutes: 0, percent: 1 }] };
    const { exit } = evaluate(config, candle(100, 103, 99.9, 102.9));
    expect(exit).toMatchObject({ reason: 'roi', fraction: 1, price: 101 });
    expect(exit?.legs).toHaveLength(1);
  });

  it('after a take-profit step, ROI takes the rest', () => {
    const config: RiskConfig = { ...scaled, roiTable: [{ afterMinutes: 0, percent: 3 }] };
    const { exit } = evaluate(config, candle(100, 103.5, 99.9, 103.4));
    expect(exit?.reason).toBe('roi');
    expect(exit?.legs.map((leg) => [leg.reason, leg.fraction, leg.price])).toEqual([
      ['take_profit', 0.5, 102],
      ['roi', 0.5, 103],
    ]);
  });
});

describe('evaluateProtectiveExits housekeeping', () => {
  it('judges a candle that opened before the entry on its close alone', () => {
    const state = initialProtectiveState(100, T0 + 30_000); // filled mid-candle
    const bar = candle(105, 106, 90, 99); // its low came before the fill
    expect(evaluateProtectiveExits(state, bar, stop3, T0 + MINUTE).exit).toBeUndefined();
    const crash = candle(105, 106, 90, 96);
    expect(evaluateProtectiveExits(state, crash, stop3, T0 + MINUTE).exit?.price).toBe(96);
  });

  it('does not change the state it is given', () => {
    const state = initialProtectiveState(100, T0);
    const copy = { ...state };
    evaluate(
      { ...stop3, ...scaled, trailingStop: { percent: 1, activationPercent: 0 } },
      candle(100, 103, 99, 102),
      state,
    );
    expect(state).toEqual(copy);
  });
});

describe('protectiveLevels', () => {
  it('lists where each exit sits', () => {
    const config: RiskConfig = {
      ...stop3,
      ...scaled,
      trailingStop: { percent: 2, activationPercent: 1 },
      roiTable: [{ afterMinutes: 0, percent: 10 }],
    };
    const state = initialProtectiveState(100, T0);
    expect(protectiveLevels(state, config, T0)).toEqual({
      stopLoss: 97,
      trailingActivation: 101,
      takeProfit: { step: 0, price: 102, fraction: 0.5 },
      roi: expect.closeTo(110, 9) as number,
    });
    const later = { ...state, highWater: 105, trailingActive: true, takeProfitStepsDone: 2 };
    expect(protectiveLevels(later, { ...config, roiTable: undefined }, T0)).toEqual({
      stopLoss: 97,
      trailingStop: expect.closeTo(102.9, 9) as number,
    });
  });
});
