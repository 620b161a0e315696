import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkExposure,
  exposureRoom,
  scanEquity,
  updateBreakers,
  validateBreakerConfig,
  type EquitySample,
} from './breakers';

const DAY = Date.UTC(2023, 2, 2);
const HOUR = 3_600_000;

const series = (points: [number, number][]): EquitySample[] =>
  points.map(([hours, equity]) => ({ time: DAY + hours * HOUR, equity }));

describe('validateBreakerConfig', () => {
  it('accepts nothing set, or valid limits', () => {
    expect(validateBreakerConfig(undefined)).toEqual({ ok: true, value: {} });
    expect(
      validateBreakerConfig({
        dailyLossPercent: 3,
        dailyLossQuote: 500,
        maxDrawdownPercent: 10,
        maxExposurePercent: 80,
      }).ok,
    ).toBe(true);
  });

  it('names each bad field and its range', () => {
    expect(
      validateBreakerConfig({ maxDrawdownPercent: 0, dailyLossQuote: -1, maxExposure: 50 }),
    ).toEqual({
      ok: false,
      errors: [
        { field: 'maxExposure', message: '"maxExposure" is not a risk setting' },
        { field: 'dailyLossQuote', message: 'Daily loss limit (quote) must be greater than 0' },
        { field: 'maxDrawdownPercent', message: 'Max drawdown (%) must be between 0.1 and 100' },
      ],
    });
    expect(validateBreakerConfig(5)).toMatchObject({ ok: false });
  });
});

describe('max drawdown', () => {
  it('trips when equity falls the limit below its running peak, with the figures', () => {
    const { trips } = scanEquity(
      series([
        [0, 1000],
        [1, 1100],
        [2, 1050],
        [3, 1200],
        [4, 1090],
        [5, 1079],
        [6, 1000],
      ]),
      { maxDrawdownPercent: 10 },
    );
    expect(trips).toHaveLength(1);
    expect(trips[0]).toEqual({
      kind: 'max_drawdown',
      time: DAY + 5 * HOUR,
      reason:
        'Max drawdown hit: equity 1079.00 is 10.08% below its peak of 1200.00 (2023-03-02 03:00 UTC); the limit is 10%.',
      peak: 1200,
      peakTime: DAY + 3 * HOUR,
      equity: 1079,
      drawdownPercent: expect.closeTo(10.0833, 3) as number,
      limitPercent: 10,
    });
  });

  it('trips exactly at the limit and not below it', () => {
    const at = scanEquity(
      series([
        [0, 100],
        [1, 90],
      ]),
      { maxDrawdownPercent: 10 },
    );
    expect(at.trips.map((trip) => trip.kind)).toEqual(['max_drawdown']);
    const under = scanEquity(
      series([
        [0, 100],
        [1, 90.01],
      ]),
      { maxDrawdownPercent: 10 },
    );
    expect(under.trips).toEqual([]);
  });

  it('trips iff the worst running drawdown reaches the limit (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 80 }),
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        (values, limit) => {
          let peak = -Infinity;
          let worst = 0;
          for (const value of values) {
            peak = Math.max(peak, value);
            worst = Math.max(worst, ((peak - value) / peak) * 100);
          }
          const points = values.map((equity, i) => ({ time: DAY + i * 60_000, equity }));
          const { trips } = scanEquity(points, { maxDrawdownPercent: limit });
          expect(trips.length === 1).toBe(worst >= limit);
        },
      ),
    );
  });
});

describe('daily loss limit', () => {
  it('measures from the last equity before midnight UTC and trips within the day', () => {
    const points = series([
      [-2, 1000],
      [-1, 1040], // the day starts here
      [1, 1030],
      [5, 1010.8],
      [6, 1008],
      [30, 990], // next day, measured from 1008
    ]);
    const { trips, state } = scanEquity(points, { dailyLossPercent: 3 });
    expect(trips).toEqual([
      {
        kind: 'daily_loss',
        time: DAY + 6 * HOUR,
        reason:
          "Daily loss limit hit: equity 1008.00 is 32.00 (3.08%) below the day's start of 1040.00; the limit is 3%.",
        dayStart: DAY,
        dayStartEquity: 1040,
        equity: 1008,
        loss: 32,
        lossPercent: expect.closeTo(3.0769, 3) as number,
        limitPercent: 3,
      },
    ]);
    expect(state?.dayStartEquity).toBe(1008);
    expect(state?.dayStart).toBe(DAY + 24 * HOUR);
  });

  it("uses the day's first sample when nothing came before, and a quote limit", () => {
    const { trips } = scanEquity(
      series([
        [1, 1000],
        [2, 960],
        [3, 949],
      ]),
      { dailyLossQuote: 50 },
    );
    expect(trips).toHaveLength(1);
    expect(trips[0]).toMatchObject({
      kind: 'daily_loss',
      time: DAY + 3 * HOUR,
      loss: 51,
      limitQuote: 50,
    });
  });

  it('resets at midnight: a new day gets a new start', () => {
    let state = updateBreakers(undefined, { time: DAY + HOUR, equity: 1000 }, {}).state;
    state = updateBreakers(state, { time: DAY + 23 * HOUR, equity: 900 }, {}).state;
    const next = updateBreakers(
      state,
      { time: DAY + 25 * HOUR, equity: 890 },
      { dailyLossPercent: 5 },
    );
    expect(next.trips).toEqual([]);
    expect(next.state.dayStartEquity).toBe(900);
  });
});

describe('exposure cap', () => {
  it('trips when positions exceed the cap of equity', () => {
    expect(checkExposure([6000, 3000], 10_000, { maxExposurePercent: 80 }, DAY)).toEqual({
      kind: 'exposure',
      time: DAY,
      reason:
        'Exposure cap exceeded: positions worth 9000.00 are 90.00% of equity 10000.00; the cap is 80%.',
      exposure: 9000,
      equity: 10_000,
      exposurePercent: 90,
      limitPercent: 80,
    });
    expect(checkExposure([4000, 4000], 10_000, { maxExposurePercent: 80 }, DAY)).toBeUndefined();
    expect(checkExposure([9000], 10_000, {}, DAY)).toBeUndefined();
    expect(checkExposure([], 0, { maxExposurePercent: 80 }, DAY)).toBeUndefined();
    expect(checkExposure([10], 0, { maxExposurePercent: 80 }, DAY)?.exposurePercent).toBe(Infinity);
  });

  it('says how much more fits under the cap', () => {
    expect(exposureRoom([6000], 10_000, { maxExposurePercent: 80 })).toBe(2000);
    expect(exposureRoom([9000], 10_000, { maxExposurePercent: 80 })).toBe(0);
    expect(exposureRoom([9000], 10_000, {})).toBe(Infinity);
  });
});
