import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  evaluateProtectiveExits,
  initialProtectiveState,
  stopLossLevel,
  type ProtectiveState,
} from './protectiveExits';
import type { RiskConfig } from './riskConfig';

const T0 = Date.UTC(2023, 2, 1);
const MINUTE = 60_000;

interface Bar {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
}

/** One candle's shape relative to the previous close: gap at the open, body, wicks. */
const barShape = fc.record({
  gap: fc.oneof(
    fc.constant(0),
    fc.double({ min: -0.002, max: 0.002, noNaN: true }),
    fc.double({ min: -0.06, max: 0.06, noNaN: true }),
  ),
  body: fc.double({ min: -0.04, max: 0.04, noNaN: true }),
  upper: fc.double({ min: 0, max: 0.03, noNaN: true }),
  lower: fc.double({ min: 0, max: 0.03, noNaN: true }),
});

/** A sequence of valid 1m candles starting near `start`. */
const bars = (start: number, maxLength = 40) =>
  fc.array(barShape, { minLength: 1, maxLength }).map((shapes) => {
    let previous = start;
    return shapes.map((shape, index): Bar => {
      const open = previous * (1 + shape.gap);
      const close = open * (1 + shape.body);
      previous = close;
      return {
        time: T0 + index * MINUTE,
        open,
        close,
        high: Math.max(open, close) * (1 + shape.upper),
        low: Math.min(open, close) * (1 - shape.lower),
      };
    });
  });

const entryPrice = fc.double({ min: 0.01, max: 100_000, noNaN: true });

/** Take-profit steps with increasing levels and fractions adding up to at most 1. */
const takeProfit = fc
  .array(
    fc.record({
      gain: fc.double({ min: 0.1, max: 5, noNaN: true }),
      weight: fc.double({ min: 0.05, max: 1, noNaN: true }),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .chain((raw) =>
    fc.double({ min: 0.3, max: 1, noNaN: true }).map((total) => {
      const weights = raw.reduce((sum, step) => sum + step.weight, 0);
      let percent = 0;
      return {
        steps: raw.map((step) => {
          percent += step.gain;
          return { percent, fraction: (step.weight / weights) * total };
        }),
      };
    }),
  );

const config: fc.Arbitrary<RiskConfig> = fc.record(
  {
    stopLoss: fc.oneof(
      fc.record({
        kind: fc.constant('percent' as const),
        percent: fc.double({ min: 0.1, max: 20, noNaN: true }),
      }),
      fc.record({
        kind: fc.constant('price' as const),
        // As a share of the entry; scaled when the entry is drawn.
        price: fc.double({ min: 0.8, max: 1.02, noNaN: true }),
      }),
    ),
    takeProfit,
    trailingStop: fc.record({
      percent: fc.double({ min: 0.1, max: 10, noNaN: true }),
      activationPercent: fc.double({ min: 0, max: 5, noNaN: true }),
    }),
    roiTable: fc
      .uniqueArray(
        fc.record({
          afterMinutes: fc.integer({ min: 0, max: 40 }),
          percent: fc.double({ min: -3, max: 8, noNaN: true }),
        }),
        { selector: (row) => row.afterMinutes, maxLength: 3 },
      )
      .map((rows) => rows.sort((a, b) => a.afterMinutes - b.afterMinutes)),
  },
  { requiredKeys: [] },
);

/** Scales a relative price stop to the entry. */
function forEntry(raw: RiskConfig, entry: number): RiskConfig {
  const stop = raw.stopLoss;
  return stop?.kind === 'price'
    ? { ...raw, stopLoss: { kind: 'price', price: stop.price * entry } }
    : raw;
}

const TOLERANCE = 1e-9;

describe('evaluateProtectiveExits properties', () => {
  it('a stop fills at min(stop, open): never above the stop, at the open on a gap', () => {
    fc.assert(
      fc.property(
        entryPrice,
        fc.double({ min: 0.1, max: 99, noNaN: true }),
        bars(1, 1),
        fc.double({ min: 0.5, max: 1.5, noNaN: true }),
        (entry, percent, [shape], scale) => {
          const bar = shape as Bar;
          const candle = {
            time: T0,
            open: bar.open * entry * scale,
            high: bar.high * entry * scale,
            low: bar.low * entry * scale,
            close: bar.close * entry * scale,
          };
          const rule: RiskConfig = { stopLoss: { kind: 'percent', percent } };
          const stop = stopLossLevel(rule.stopLoss, entry) as number;
          const { exit } = evaluateProtectiveExits(
            initialProtectiveState(entry, T0),
            candle,
            rule,
            T0 + MINUTE,
          );
          expect(exit !== undefined).toBe(candle.low <= stop);
          if (exit) {
            expect(exit.reason).toBe('stop_loss');
            expect(exit.fraction).toBe(1);
            expect(exit.price).toBe(Math.min(stop, candle.open));
            expect(exit.price).toBeLessThanOrEqual(Math.max(stop, candle.open));
            expect(exit.price).toBeGreaterThanOrEqual(candle.low);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('every fill is inside its candle, on the right side of its level, in path order', () => {
    fc.assert(
      fc.property(entryPrice, config, bars(1), (entry, raw, shapes) => {
        const rule = forEntry(raw, entry);
        let state: ProtectiveState = initialProtectiveState(entry, T0);
        for (const shape of shapes) {
          const bar = {
            ...shape,
            open: shape.open * entry,
            high: shape.high * entry,
            low: shape.low * entry,
            close: shape.close * entry,
          };
          const stop = stopLossLevel(rule.stopLoss, state.entryPrice);
          const result = evaluateProtectiveExits(state, bar, rule, bar.time + MINUTE);
          const slack = TOLERANCE * bar.high;
          for (const [index, leg] of (result.exit?.legs ?? []).entries()) {
            expect(leg.price).toBeGreaterThanOrEqual(bar.low - slack);
            expect(leg.price).toBeLessThanOrEqual(bar.high + slack);
            expect(leg.fraction).toBeGreaterThan(0);
            if (index > 0)
              expect(leg.point).toBeGreaterThanOrEqual(result.exit?.legs[index - 1]?.point ?? 0);
            if (leg.reason === 'stop_loss') {
              expect(leg.price).toBeLessThanOrEqual(Math.max(stop as number, bar.open));
              expect(leg.price).toBeLessThanOrEqual(stop as number);
            }
            if (leg.reason === 'take_profit') {
              const step = rule.takeProfit?.steps[leg.step as number];
              const level = state.entryPrice * (1 + (step?.percent ?? 0) / 100);
              expect(leg.price).toBeGreaterThanOrEqual(level);
            }
            if (leg.reason === 'trailing_stop') {
              const trail = rule.trailingStop?.percent ?? 0;
              expect(leg.price).toBeLessThanOrEqual(
                result.state.highWater * (1 - trail / 100) + slack,
              );
              expect(result.state.trailingActive).toBe(true);
            }
          }
          // The state only moves forward.
          expect(result.state.highWater).toBeGreaterThanOrEqual(state.highWater);
          expect(result.state.takeProfitStepsDone).toBeGreaterThanOrEqual(
            state.takeProfitStepsDone,
          );
          expect(result.state.takeProfitStepsDone).toBeLessThanOrEqual(
            rule.takeProfit?.steps.length ?? 0,
          );
          if (state.trailingActive) expect(result.state.trailingActive).toBe(true);
          state = result.state;
          if (result.exit?.fraction === 1) break;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('exits never sell more than the position; take-profit sells exactly its fractions', () => {
    fc.assert(
      fc.property(entryPrice, config, bars(1, 60), (entry, raw, shapes) => {
        const rule = forEntry(raw, entry);
        let state: ProtectiveState = initialProtectiveState(entry, T0);
        let held = 1; // share of the original position still held
        let soldByTakeProfit = 0;
        for (const shape of shapes) {
          const bar = {
            ...shape,
            open: shape.open * entry,
            high: shape.high * entry,
            low: shape.low * entry,
            close: shape.close * entry,
          };
          const { exit, state: next } = evaluateProtectiveExits(
            state,
            bar,
            rule,
            bar.time + MINUTE,
          );
          state = next;
          if (!exit) continue;
          expect(exit.fraction).toBeGreaterThan(0);
          expect(exit.fraction).toBeLessThanOrEqual(1);
          const legTotal = exit.legs.reduce((sum, leg) => sum + leg.fraction, 0);
          expect(legTotal).toBeLessThanOrEqual(1 + TOLERANCE);
          expect(exit.fraction).toBeCloseTo(Math.min(1, legTotal), 9);
          for (const leg of exit.legs) {
            if (leg.reason === 'take_profit') soldByTakeProfit += leg.fraction * held;
          }
          held *= 1 - exit.fraction;
          expect(held).toBeGreaterThanOrEqual(0);
          if (exit.fraction === 1) break;
        }
        const steps = rule.takeProfit?.steps ?? [];
        const promised = steps
          .slice(0, state.takeProfitStepsDone)
          .reduce((sum, step) => sum + step.fraction, 0);
        expect(soldByTakeProfit).toBeLessThanOrEqual(1 + TOLERANCE);
        expect(soldByTakeProfit).toBeCloseTo(promised, 9);
      }),
      { numRuns: 300 },
    );
  });

  it('with a stop below and a take-profit above the open, the candle direction decides', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 10, noNaN: true }),
        fc.double({ min: 0.5, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.boolean(),
        (stopPercent, takePercent, extra, isUp) => {
          const rule: RiskConfig = {
            stopLoss: { kind: 'percent', percent: stopPercent },
            takeProfit: { steps: [{ percent: takePercent, fraction: 1 }] },
          };
          const high = 100 * (1 + (takePercent + extra) / 100);
          const low = 100 * (1 - (stopPercent + extra) / 100);
          const bar = { time: T0, open: 100, high, low, close: isUp ? 100.0001 : 99.9999 };
          const { exit } = evaluateProtectiveExits(
            initialProtectiveState(100, T0),
            bar,
            rule,
            T0 + MINUTE,
          );
          expect(exit?.reason).toBe(isUp ? 'stop_loss' : 'take_profit');
          expect(exit?.legs).toHaveLength(1);
        },
      ),
    );
  });
});
