import { describe, expect, it } from 'vitest';
import type { BotConfig } from '../../core/bot/types';
import smaCrossover from '../../../strategies/smaCrossover';
import { describeRisk, diffConfigs, formatChange } from './configDiff';

const base: BotConfig = {
  name: 'Alpha',
  mode: 'simulated',
  accountId: 'sim-default',
  symbol: 'BTC/USDT',
  strategyId: 'sma-crossover',
  timeframe: '1m',
  params: { fast: 10, slow: 30 },
  allocation: 1000,
};
const context = { params: smaCrossover.params, strategyName: (id: string) => id };
const lines = (after: BotConfig): string[] => diffConfigs(base, after, context).map(formatChange);

describe('diffConfigs', () => {
  it('is empty when nothing changes', () => {
    expect(lines({ ...base })).toEqual([]);
  });

  it('names each changed parameter and risk rule with before and after', () => {
    const after: BotConfig = {
      ...base,
      params: { fast: 12, slow: 30 },
      risk: { stopLoss: { kind: 'percent', percent: 3 }, maxOpenOrders: 2 },
    };
    expect(lines(after)).toEqual([
      'Fast period: 10 → 12',
      'Stop-loss: off → 3%',
      'Max open orders: off → 2',
    ]);
    expect(diffConfigs(after, base, context).map(formatChange)).toContain('Stop-loss: 3% → off');
  });

  it('describes name, allocation and every risk shape', () => {
    const after: BotConfig = {
      ...base,
      name: 'Beta',
      allocation: 1500,
      risk: {
        takeProfit: {
          steps: [
            { percent: 2, fraction: 0.5 },
            { percent: 4, fraction: 0.5 },
          ],
        },
        trailingStop: { percent: 1.5, activationPercent: 1 },
        roiTable: [{ afterMinutes: 30, percent: 1 }],
      },
    };
    const text = lines(after);
    expect(text[0]).toBe('Name: Alpha → Beta');
    expect(text[1]).toMatch(/^Allocation: 1,000\.00 USDT → 1,500\.00 USDT$/);
    expect(text).toContain('Take-profit: off → 50% at +2%, 50% at +4%');
    expect(text).toContain('Trailing stop: off → 1.5% from +1%');
    expect(text).toContain('ROI table: off → 30 min: 1%');
  });

  it('shows half-typed input as typed instead of failing', () => {
    const risk = { stopLoss: { kind: 'percent', percent: undefined } } as never;
    expect(describeRisk(risk, 'USDT')[0]).toEqual({ label: 'Stop-loss', value: '—%' });
  });
});
