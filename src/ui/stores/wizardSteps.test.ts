import { describe, expect, it } from 'vitest';
import type { Market } from '../../core/market/types';
import smaCrossover from '../../../strategies/smaCrossover';
import {
  draftFromConfig,
  emptyDraft,
  readDraft,
  toBotConfig,
  type BotDraft,
} from './createBotDraft';
import { emptyRiskDraft } from './riskDraft';
import { validateBotDraft } from './validateBotDraft';
import { clampStep, errorsOfStep, REVIEW_STEP, riskSectionOf, stepOfField } from './wizardSteps';

const market: Market = {
  id: 'BTCUSDT',
  symbol: 'BTC/USDT',
  base: 'BTC',
  quote: 'USDT',
  type: 'spot',
  spot: true,
  active: true,
  precision: { amount: 0.00001, price: 0.01 },
  limits: { amount: {}, price: {}, cost: { min: 10 } },
  maker: 0.001,
  taker: 0.001,
};
const context = { strategy: smaCrossover, market, unallocated: 5000, accountModes: ['simulated'] };

function draft(patch: Partial<BotDraft> = {}): BotDraft {
  return { ...emptyDraft(smaCrossover), name: 'Alpha', symbol: 'BTC/USDT', ...patch };
}

const stepFields = (value: BotDraft, step: number): string[] =>
  errorsOfStep(validateBotDraft(value, context), step).map((error) => error.field);

describe('wizard steps', () => {
  it('assigns every field to the step that shows it', () => {
    expect(['name', 'accountId', 'mode'].map(stepOfField)).toEqual([0, 0, 0]);
    expect(['symbol', 'allocation'].map(stepOfField)).toEqual([1, 1]);
    expect(['strategyId', 'timeframe'].map(stepOfField)).toEqual([2, 2]);
    expect(stepOfField('params.fast')).toBe(3);
    expect(stepOfField('risk.takeProfit.steps[0].percent')).toBe(4);
    expect(stepOfField('something else')).toBe(REVIEW_STEP);
    expect(riskSectionOf('risk.takeProfit.steps[0].percent')).toBe('risk.takeProfit');
    expect(riskSectionOf('risk.maxOpenOrders')).toBe('risk.maxOpenOrders');
    expect([-1, 2.7, 99].map(clampStep)).toEqual([0, 2, REVIEW_STEP]);
  });

  it('refuses a step only for its own errors', () => {
    const bad = draft({
      name: '',
      paramsByStrategy: { [smaCrossover.id]: { fast: '1' } },
      risk: { ...emptyRiskDraft(), stopLossKind: 'percent', stopLossValue: '150' },
    });
    expect(stepFields(bad, 0)).toEqual(['name']);
    expect(stepFields(bad, 1)).toEqual([]);
    expect(stepFields(bad, 2)).toEqual([]);
    expect(stepFields(bad, 3)).toEqual(['params.fast']);
    expect(stepFields(bad, 4)).toEqual(['risk.stopLoss.percent']);
    expect(stepFields(bad, REVIEW_STEP)).toEqual(['name', 'params.fast', 'risk.stopLoss.percent']);
  });

  it('refuses a mode the account does not support', () => {
    expect(stepFields(draft({ mode: 'live' }), 0)).toEqual(['mode']);
    expect(stepFields(draft({ accountId: '' }), 0)).toEqual(['accountId']);
  });

  it('keeps the step and the risk inputs in a stored draft', () => {
    const saved = draft({
      step: 4,
      risk: { ...emptyRiskDraft(), takeProfit: [{ percent: '2', fraction: '0.5' }] },
    });
    const restored = readDraft(JSON.parse(JSON.stringify(saved)), emptyDraft(smaCrossover));
    expect(restored).toEqual(saved);
    expect(readDraft({ version: 1, step: -3 }, emptyDraft(smaCrossover)).step).toBe(0);
  });

  it('round-trips a config through a draft (clone, import, edit)', () => {
    const config = toBotConfig(
      draft({
        paramsByStrategy: { [smaCrossover.id]: { fast: '5', slow: '20' } },
        risk: { ...emptyRiskDraft(), stopLossKind: 'price', stopLossValue: '19000' },
      }),
      smaCrossover,
    );
    expect(config.risk).toEqual({ stopLoss: { kind: 'price', price: 19000 } });
    expect(toBotConfig(draftFromConfig(config, smaCrossover), smaCrossover)).toEqual(config);
  });
});
