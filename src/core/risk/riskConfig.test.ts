import { describe, expect, it } from 'vitest';
import { validateRiskConfig } from './riskConfig';

function errorsOf(raw: unknown) {
  const result = validateRiskConfig(raw);
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.value)}`);
  return result.errors;
}

describe('validateRiskConfig', () => {
  it('accepts no risk section at all', () => {
    expect(validateRiskConfig(undefined)).toEqual({ ok: true, value: {} });
    expect(validateRiskConfig(null)).toEqual({ ok: true, value: {} });
    expect(validateRiskConfig({})).toEqual({ ok: true, value: {} });
  });

  it('accepts a full section and normalizes its order', () => {
    const result = validateRiskConfig({
      stopLoss: { kind: 'percent', percent: 3 },
      takeProfit: {
        steps: [
          { percent: 4, fraction: 0.5 },
          { percent: 2, fraction: 0.5 },
        ],
      },
      trailingStop: { percent: 1.5, activationPercent: 1 },
      roiTable: [
        { afterMinutes: 60, percent: 0 },
        { afterMinutes: 0, percent: 5 },
        { afterMinutes: 30, percent: 2 },
      ],
      maxPositionQuote: 5000,
      maxPositionPercentOfAllocation: 50,
      maxOpenOrders: 10,
      maxTradesPerDay: 5,
      cooldownMinutesAfterLoss: 30,
    });
    expect(result).toEqual({
      ok: true,
      value: {
        stopLoss: { kind: 'percent', percent: 3 },
        takeProfit: {
          steps: [
            { percent: 2, fraction: 0.5 },
            { percent: 4, fraction: 0.5 },
          ],
        },
        trailingStop: { percent: 1.5, activationPercent: 1 },
        roiTable: [
          { afterMinutes: 0, percent: 5 },
          { afterMinutes: 30, percent: 2 },
          { afterMinutes: 60, percent: 0 },
        ],
        maxPositionQuote: 5000,
        maxPositionPercentOfAllocation: 50,
        maxOpenOrders: 10,
        maxTradesPerDay: 5,
        cooldownMinutesAfterLoss: 30,
      },
    });
  });

  it('treats null sections as off and a missing trailing activation as 0', () => {
    expect(
      validateRiskConfig({ stopLoss: null, roiTable: null, trailingStop: { percent: 2 } }),
    ).toEqual({ ok: true, value: { trailingStop: { percent: 2, activationPercent: 0 } } });
  });

  it('takes stop-loss onExchange as a boolean, and names the field otherwise', () => {
    expect(
      validateRiskConfig({ stopLoss: { kind: 'price', price: 19_000, onExchange: true } }),
    ).toEqual({
      ok: true,
      value: { stopLoss: { kind: 'price', price: 19_000, onExchange: true } },
    });
    expect(
      validateRiskConfig({ stopLoss: { kind: 'percent', percent: 3, onExchange: null } }),
    ).toEqual({ ok: true, value: { stopLoss: { kind: 'percent', percent: 3 } } });
    expect(errorsOf({ stopLoss: { kind: 'percent', percent: 3, onExchange: 'yes' } })).toEqual([
      { field: 'stopLoss.onExchange', message: 'Stop-loss on the exchange must be true or false' },
    ]);
  });

  it('names the field and the range for a stop-loss percent out of range', () => {
    expect(errorsOf({ stopLoss: { kind: 'percent', percent: 150 } })).toEqual([
      { field: 'stopLoss.percent', message: 'Stop-loss percent must be between 0.1 and 99' },
    ]);
    expect(errorsOf({ stopLoss: { kind: 'percent', percent: 0.05 } })[0]?.message).toBe(
      'Stop-loss percent must be between 0.1 and 99',
    );
    expect(errorsOf({ stopLoss: { kind: 'percent' } })[0]?.message).toBe(
      'Stop-loss percent is missing; it must be between 0.1 and 99',
    );
    expect(errorsOf({ stopLoss: { kind: 'percent', percent: '3' } })[0]?.message).toBe(
      'Stop-loss percent must be a number between 0.1 and 99',
    );
    expect(errorsOf({ stopLoss: { kind: 'percent', percent: Number.NaN } })[0]?.field).toBe(
      'stopLoss.percent',
    );
  });

  it('accepts the edges of each range', () => {
    expect(validateRiskConfig({ stopLoss: { kind: 'percent', percent: 0.1 } }).ok).toBe(true);
    expect(validateRiskConfig({ stopLoss: { kind: 'percent', percent: 99 } }).ok).toBe(true);
    expect(validateRiskConfig({ maxOpenOrders: 1, maxTradesPerDay: 1000 }).ok).toBe(true);
    expect(validateRiskConfig({ cooldownMinutesAfterLoss: 0 }).ok).toBe(true);
    expect(validateRiskConfig({ maxPositionPercentOfAllocation: 100 }).ok).toBe(true);
  });

  it('checks a price stop and the stop kind', () => {
    expect(validateRiskConfig({ stopLoss: { kind: 'price', price: 21_000 } }).ok).toBe(true);
    expect(errorsOf({ stopLoss: { kind: 'price', price: 0 } })).toEqual([
      { field: 'stopLoss.price', message: 'Stop-loss price must be greater than 0' },
    ]);
    expect(errorsOf({ stopLoss: { kind: 'atr', percent: 3 } })).toEqual([
      { field: 'stopLoss.kind', message: 'Stop-loss kind must be "percent" or "price"' },
    ]);
    expect(errorsOf({ stopLoss: 3 })[0]?.field).toBe('stopLoss');
    expect(errorsOf({ stopLoss: { kind: 'price', price: 1, percent: 2 } })).toEqual([
      { field: 'stopLoss.percent', message: '"stopLoss.percent" is not a risk setting' },
    ]);
  });

  it('checks take-profit steps one by one', () => {
    expect(
      errorsOf({
        takeProfit: {
          steps: [
            { percent: 0, fraction: 0.5 },
            { percent: 4, fraction: 1.5 },
          ],
        },
      }),
    ).toEqual([
      {
        field: 'takeProfit.steps[0].percent',
        message: 'Take-profit step 1 percent must be between 0.1 and 1000',
      },
      {
        field: 'takeProfit.steps[1].fraction',
        message: 'Take-profit step 2 fraction must be between 0.01 and 1',
      },
    ]);
  });

  it('rejects take-profit fractions adding up to more than the position', () => {
    expect(
      errorsOf({
        takeProfit: {
          steps: [
            { percent: 2, fraction: 0.7 },
            { percent: 4, fraction: 0.5 },
          ],
        },
      }),
    ).toEqual([
      {
        field: 'takeProfit.steps',
        message:
          'Take-profit fractions must add up to at most 1 (the whole position); they add up to 1.2',
      },
    ]);
    // 0.1 × 10 adds up to 0.9999999999999999 or 1.0000000000000002 in float: both are fine.
    const tenths = Array.from({ length: 10 }, (_, i) => ({ percent: i + 1, fraction: 0.1 }));
    expect(validateRiskConfig({ takeProfit: { steps: tenths } }).ok).toBe(true);
  });

  it('rejects repeated take-profit levels, empty or too many steps', () => {
    const twice = {
      steps: [
        { percent: 2, fraction: 0.3 },
        { percent: 2, fraction: 0.3 },
      ],
    };
    expect(errorsOf({ takeProfit: twice })[0]).toEqual({
      field: 'takeProfit.steps[1].percent',
      message: 'Take-profit step 2 repeats the +2% level of step 1; each step needs its own level',
    });
    expect(errorsOf({ takeProfit: { steps: [] } })[0]?.message).toBe(
      'Take-profit must have between 1 and 10 steps (it has 0)',
    );
    const eleven = Array.from({ length: 11 }, (_, i) => ({ percent: i + 1, fraction: 0.05 }));
    expect(errorsOf({ takeProfit: { steps: eleven } })[0]?.field).toBe('takeProfit.steps');
    expect(errorsOf({ takeProfit: [{ percent: 2, fraction: 1 }] })[0]?.field).toBe('takeProfit');
    expect(errorsOf({ takeProfit: { steps: [7] } })[0]?.field).toBe('takeProfit.steps[0]');
  });

  it('checks the trailing stop', () => {
    expect(errorsOf({ trailingStop: { percent: 0, activationPercent: -1 } })).toEqual([
      {
        field: 'trailingStop.percent',
        message: 'Trailing-stop percent must be between 0.1 and 99',
      },
      {
        field: 'trailingStop.activationPercent',
        message: 'Trailing-stop activation percent must be between 0 and 1000',
      },
    ]);
    expect(errorsOf({ trailingStop: 'tight' })[0]?.field).toBe('trailingStop');
  });

  it('checks the ROI table', () => {
    expect(
      errorsOf({
        roiTable: [
          { afterMinutes: 30, percent: 2 },
          { afterMinutes: 30, percent: 1 },
          { afterMinutes: 1.5, percent: -120 },
        ],
      }),
    ).toEqual([
      {
        field: 'roiTable[1].afterMinutes',
        message: 'ROI table row 2 repeats the 30-minute age of row 1; each row needs its own age',
      },
      {
        field: 'roiTable[2].afterMinutes',
        message: 'ROI table row 3 minutes must be a whole number between 0 and 525600',
      },
      {
        field: 'roiTable[2].percent',
        message: 'ROI table row 3 percent must be between -99 and 1000',
      },
    ]);
    expect(validateRiskConfig({ roiTable: [] })).toEqual({ ok: true, value: { roiTable: [] } });
    expect(validateRiskConfig({ roiTable: [{ afterMinutes: 120, percent: -1 }] }).ok).toBe(true);
    expect(errorsOf({ roiTable: { 0: 5 } })[0]?.field).toBe('roiTable');
  });

  it('checks the limits', () => {
    expect(
      errorsOf({
        maxPositionQuote: -5,
        maxPositionPercentOfAllocation: 120,
        maxOpenOrders: 2.5,
        maxTradesPerDay: 0,
        cooldownMinutesAfterLoss: 20_000,
      }),
    ).toEqual([
      { field: 'maxPositionQuote', message: 'Max position (quote) must be greater than 0' },
      {
        field: 'maxPositionPercentOfAllocation',
        message: 'Max position percent of allocation must be between 0.1 and 100',
      },
      {
        field: 'maxOpenOrders',
        message: 'Max open orders must be a whole number between 1 and 1000',
      },
      {
        field: 'maxTradesPerDay',
        message: 'Max trades per day must be a whole number between 1 and 1000',
      },
      {
        field: 'cooldownMinutesAfterLoss',
        message: 'Cooldown after a loss (minutes) must be a whole number between 0 and 10080',
      },
    ]);
  });

  it('rejects unknown settings and non-objects, reporting every problem at once', () => {
    expect(errorsOf({ stopLos: { kind: 'percent', percent: 3 }, maxOpenOrders: 0 })).toEqual([
      { field: 'stopLos', message: '"stopLos" is not a risk setting' },
      {
        field: 'maxOpenOrders',
        message: 'Max open orders must be a whole number between 1 and 1000',
      },
    ]);
    expect(errorsOf([1, 2])[0]?.field).toBe('risk');
    expect(errorsOf('3%')[0]?.field).toBe('risk');
  });
});
