import { describe, expect, it } from 'vitest';
import type { Market } from '../../core/market/types';
import smaCrossover from '../../../strategies/smaCrossover';
import { emptyDraft, readDraft, toBotConfig, type BotDraft } from './createBotDraft';
import { validateBotDraft } from './validateBotDraft';

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

function draft(patch: Partial<BotDraft> = {}): BotDraft {
  return { ...emptyDraft(smaCrossover), name: 'Alpha', symbol: 'BTC/USDT', ...patch };
}

const context = { strategy: smaCrossover, market, unallocated: 5000 };
const fields = (value: BotDraft): string[] =>
  validateBotDraft(value, context).map((error) => error.field);

describe('validateBotDraft', () => {
  it('accepts the defaults once named', () => {
    expect(validateBotDraft(draft(), context)).toEqual([]);
  });

  it('names each bad field', () => {
    expect(fields(draft({ name: '  ' }))).toEqual(['name']);
    expect(fields(draft({ allocation: '' }))).toEqual(['allocation']);
    expect(fields(draft({ allocation: '6000' }))).toEqual(['allocation']);
    expect(fields(draft({ allocation: '15' }))).toEqual(['allocation']);
    expect(fields(draft({ timeframe: '7m' }))).toEqual(['timeframe']);
  });

  it('reports parameter errors under params.<key>', () => {
    const bad = draft({ paramsByStrategy: { [smaCrossover.id]: { fast: '1.5' } } });
    expect(fields(bad)).toEqual(['params.fast']);
    const empty = draft({ paramsByStrategy: { [smaCrossover.id]: { fast: '' } } });
    expect(fields(empty)).toEqual(['params.fast']);
  });
});

describe('bot drafts', () => {
  it('turns a draft into a config with numbers', () => {
    const config = toBotConfig(
      draft({ paramsByStrategy: { [smaCrossover.id]: { fast: '5' } }, allocation: '250' }),
      smaCrossover,
    );
    expect(config).toMatchObject({ name: 'Alpha', mode: 'simulated', allocation: 250 });
    expect(config.params.fast).toBe(5);
  });

  it('reads back only well-typed fields of a stored draft', () => {
    const fallback = draft();
    expect(readDraft({ version: 1, name: 42, allocation: '9', start: 'yes' }, fallback)).toEqual({
      ...fallback,
      name: 'Alpha',
      symbol: 'BTC/USDT',
      allocation: '9',
      paramsByStrategy: {},
    });
    expect(readDraft('garbage', fallback)).toBe(fallback);
  });
});
