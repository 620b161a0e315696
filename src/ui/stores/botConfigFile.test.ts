import { describe, expect, it } from 'vitest';
import type { BotConfig } from '../../core/bot/types';
import { createMarket } from '../../exchange/simulated/markets';
import smaCrossover from '../../../strategies/smaCrossover';
import { configFileName, parseConfigFile, toConfigFile, type ImportContext } from './botConfigFile';

const config: BotConfig = {
  name: 'Alpha',
  mode: 'simulated',
  accountId: 'sim-default',
  symbol: 'BTC/USDT',
  strategyId: 'sma-crossover',
  timeframe: '1m',
  params: { fast: 10, slow: 30 },
  allocation: 1000,
  risk: { stopLoss: { kind: 'percent', percent: 3 } },
};
const context: ImportContext = {
  accountIds: ['sim-default'],
  markets: { 'BTC/USDT': createMarket('BTC/USDT', { maker: 0.001, taker: 0.001 }) },
  strategies: [smaCrossover],
};
const fieldsOf = (value: unknown): string[] => {
  const result = parseConfigFile(JSON.stringify(value), context);
  return result.ok ? [] : result.errors.map((error) => error.field);
};

describe('bot config files', () => {
  it('imports what it exports', () => {
    const text = JSON.stringify(toConfigFile(config, 3));
    expect(parseConfigFile(text, context)).toEqual({ ok: true, config });
    expect(parseConfigFile(JSON.stringify(config), context)).toEqual({ ok: true, config });
    expect(configFileName('BTC trend #2')).toBe('btc-trend-2.flotilla-bot.json');
  });

  it('names the field of every problem', () => {
    expect(fieldsOf({ config: { ...config, params: { fast: 1, slow: 30 } } })).toEqual([
      'params.fast',
    ]);
    expect(fieldsOf({ ...config, strategyId: 'nope' })).toEqual(['strategyId']);
    expect(fieldsOf({ ...config, risk: { stopLoss: { kind: 'percent', percent: 150 } } })).toEqual([
      'risk.stopLoss.percent',
    ]);
    expect(fieldsOf({ ...config, symbol: 'DOGE/USDT', accountId: 'other' })).toEqual(['accountId']);
    expect(fieldsOf({ ...config, symbol: 'DOGE/USDT' })).toEqual(['symbol']);
    expect(fieldsOf({ ...config, allocation: '1000' })).toEqual(['allocation']);
    expect(fieldsOf({ ...config, name: 5 })).toEqual(['name']);
    expect(fieldsOf({ ...config, colour: 'red' })).toEqual(['colour']);
  });

  it('says when the text is not JSON or holds no config', () => {
    const broken = parseConfigFile('{ nope', context);
    expect(broken.ok ? [] : broken.errors[0]?.message).toMatch(/^Not valid JSON/);
    expect(fieldsOf([1, 2])).toEqual(['file']);
  });
});
