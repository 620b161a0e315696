import { describe, expect, it } from 'vitest';
import { createTestDb } from './testHost';
import { createRiskStore, DEFAULT_RISK_SETTINGS, validateRiskSettings } from './riskSettings';

describe('risk settings', () => {
  it('accepts a portfolio and an account scope, defaulting the action to halt entries', () => {
    const checked = validateRiskSettings(
      {
        portfolio: { breakers: { maxDrawdownPercent: 10, dailyLossQuote: 250 } },
        accounts: { 'sim-default': { breakers: { maxExposurePercent: 80 }, action: 'stop_bots' } },
      },
      ['sim-default'],
    );
    expect(checked).toEqual({
      ok: true,
      value: {
        portfolio: {
          breakers: { maxDrawdownPercent: 10, dailyLossQuote: 250 },
          action: 'halt_entries',
        },
        accounts: { 'sim-default': { breakers: { maxExposurePercent: 80 }, action: 'stop_bots' } },
      },
    });
  });

  it('names every bad field with its scope', () => {
    const checked = validateRiskSettings(
      {
        portfolio: { breakers: { maxExposurePercent: 150, unknown: 1 }, action: 'halt_entries' },
        accounts: { 'sim-default': { breakers: { dailyLossPercent: 'x' }, action: 'panic' } },
      },
      ['sim-default'],
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.map((error) => error.field).sort()).toEqual([
      'accounts.sim-default.action',
      'accounts.sim-default.dailyLossPercent',
      'portfolio.maxExposurePercent',
      'portfolio.unknown',
    ]);
    expect(validateRiskSettings('nope', []).ok).toBe(false);
  });

  it('persists in the settings table and reads unreadable rows as no breakers', async () => {
    const db = createTestDb();
    const store = createRiskStore(db);
    expect(await store.settings()).toEqual(DEFAULT_RISK_SETTINGS);
    const settings = {
      portfolio: { breakers: { maxDrawdownPercent: 5 }, action: 'stop_bots' as const },
      accounts: {},
    };
    await store.saveSettings(settings);
    expect(await store.settings()).toEqual(settings);
    await db.settings.put({ key: 'riskBreakers', value: { portfolio: 7 } });
    expect(await store.settings()).toEqual(DEFAULT_RISK_SETTINGS);
    expect(await store.trips()).toEqual([]);
  });
});
