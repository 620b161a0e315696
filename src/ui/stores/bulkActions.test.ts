import { describe, expect, it } from 'vitest';
import type { Bot, BotStatus } from '../../core/bot/types';
import { applyFilters, DEFAULT_FILTERS, parseFilters, type BotFacts } from './botListFilters';
import { BULK_ACTIONS, describePlan, planBulk, summarizeOutcomes } from './bulkActions';

function bot(name: string, status: BotStatus, extra: Partial<Bot['config']> = {}): Bot {
  return {
    id: name,
    shortId: 'abc123',
    config: {
      name,
      mode: 'simulated',
      accountId: 'sim-default',
      symbol: 'BTC/USDT',
      strategyId: 'sma-crossover',
      timeframe: '1m',
      params: {},
      allocation: 1000,
      ...extra,
    },
    configVersion: 1,
    status,
    createdAt: 0,
    updatedAt: 0,
  };
}

const pnl: Record<string, number> = { A: 5, B: -2, C: 10, D: 0 };
const facts: BotFacts = {
  templateName: (b) => (b.config.strategyId === 'rsi' ? 'RSI reversion' : 'SMA crossover'),
  pnl: (b) => pnl[b.id] ?? 0,
  lastAction: (b) => ({ A: 3, B: 1, C: 2 })[b.id],
};

const bots = [
  bot('C', 'running'),
  bot('A', 'paused', { symbol: 'ETH/USDT' }),
  bot('B', 'stopped', { strategyId: 'rsi', mode: 'paper' }),
  bot('D', 'running'),
];
const names = (list: readonly Bot[]): string[] => list.map((b) => b.config.name);

describe('applyFilters', () => {
  it('searches name, market and template name', () => {
    expect(names(applyFilters(bots, { ...DEFAULT_FILTERS, search: 'eth' }, facts))).toEqual(['A']);
    expect(names(applyFilters(bots, { ...DEFAULT_FILTERS, search: 'rsi' }, facts))).toEqual(['B']);
    expect(names(applyFilters(bots, { ...DEFAULT_FILTERS, search: 'crossover' }, facts))).toEqual([
      'A',
      'C',
      'D',
    ]);
  });

  it('filters by status, mode and template', () => {
    expect(names(applyFilters(bots, { ...DEFAULT_FILTERS, status: 'running' }, facts))).toEqual([
      'C',
      'D',
    ]);
    expect(names(applyFilters(bots, { ...DEFAULT_FILTERS, mode: 'paper' }, facts))).toEqual(['B']);
    expect(names(applyFilters(bots, { ...DEFAULT_FILTERS, template: 'rsi' }, facts))).toEqual([
      'B',
    ]);
  });

  it('filters by exchange account and shows archived bots only under the Archived status', () => {
    const mixed = [...bots, bot('E', 'stopped', { accountId: 'sim-second' }), bot('F', 'archived')];
    expect(
      names(applyFilters(mixed, { ...DEFAULT_FILTERS, exchange: 'sim-second' }, facts)),
    ).toEqual(['E']);
    expect(names(applyFilters(mixed, DEFAULT_FILTERS, facts))).not.toContain('F');
    expect(names(applyFilters(mixed, { ...DEFAULT_FILTERS, status: 'archived' }, facts))).toEqual([
      'F',
    ]);
  });

  it('sorts by name, status, PnL and last action, and reverses', () => {
    expect(names(applyFilters(bots, DEFAULT_FILTERS, facts))).toEqual(['A', 'B', 'C', 'D']);
    expect(names(applyFilters(bots, { ...DEFAULT_FILTERS, reverse: true }, facts))).toEqual([
      'D',
      'C',
      'B',
      'A',
    ]);
    expect(names(applyFilters(bots, { ...DEFAULT_FILTERS, sort: 'status' }, facts))).toEqual([
      'C',
      'D',
      'A',
      'B',
    ]);
    expect(names(applyFilters(bots, { ...DEFAULT_FILTERS, sort: 'pnl' }, facts))).toEqual([
      'C',
      'A',
      'D',
      'B',
    ]);
    expect(names(applyFilters(bots, { ...DEFAULT_FILTERS, sort: 'lastAction' }, facts))).toEqual([
      'A',
      'C',
      'B',
      'D',
    ]);
  });
});

describe('parseFilters', () => {
  it('round-trips and rejects unknown values', () => {
    const saved = { ...DEFAULT_FILTERS, search: 'x', status: 'paused', sort: 'pnl', reverse: true };
    expect(parseFilters(JSON.stringify(saved))).toEqual(saved);
    expect(parseFilters('{"status":"bogus","sort":"nope"}')).toEqual(DEFAULT_FILTERS);
    expect(parseFilters('not json')).toEqual(DEFAULT_FILTERS);
    expect(parseFilters(null)).toEqual(DEFAULT_FILTERS);
  });
});

describe('bulk plans', () => {
  it('describes who is acted on and who is skipped, and why', () => {
    const plan = planBulk(BULK_ACTIONS.start, [
      bot('A', 'stopped'),
      bot('B', 'error'),
      bot('C', 'draft'),
      bot('D', 'running'),
    ]);
    expect(describePlan(plan)).toBe(
      'Start 3 bots: A, B, C. 1 will be skipped: D is already running.',
    );
    expect(planBulk(BULK_ACTIONS.resume, [bot('S', 'stopped')]).skipped[0]?.reason).toBe(
      'S is stopped, not paused',
    );
    expect(planBulk(BULK_ACTIONS.delete, [bot('P', 'paused')]).skipped[0]?.reason).toBe(
      'P is paused: stop it before deleting it',
    );
    expect(names(planBulk(BULK_ACTIONS.stop, bots).eligible)).toEqual(['C', 'A', 'D']);
    const archive = planBulk(BULK_ACTIONS.archive, [
      bot('S', 'stopped'),
      bot('R', 'running'),
      bot('X', 'archived'),
    ]);
    expect(describePlan(archive)).toBe(
      'Archive 1 bot: S. 2 will be skipped: R is running: stop it before archiving it; X is already archived.',
    );
    expect(
      names(planBulk(BULK_ACTIONS.unarchive, [bot('S', 'stopped'), bot('X', 'archived')]).eligible),
    ).toEqual(['X']);
    expect(names(planBulk(BULK_ACTIONS.duplicate, bots).eligible)).toEqual(['C', 'A', 'B', 'D']);
    expect(planBulk(BULK_ACTIONS.start, [bot('X', 'archived')]).skipped[0]?.reason).toBe(
      'X is archived: unarchive it first',
    );
  });

  it('summarizes results per bot with the reasons', () => {
    expect(
      summarizeOutcomes(BULK_ACTIONS.start, [
        { botId: 'a', name: 'A', ok: true },
        { botId: 'b', name: 'B', ok: true },
        { botId: 'd', name: 'D', ok: false, error: 'D is already running' },
      ]),
    ).toBe('2 started, 1 refused: D — D is already running.');
    expect(summarizeOutcomes(BULK_ACTIONS.pause, [{ botId: 'a', name: 'A', ok: true }])).toBe(
      '1 paused.',
    );
    expect(
      summarizeOutcomes(BULK_ACTIONS.duplicate, [
        { botId: 'a', name: 'A', ok: true },
        {
          botId: 'b',
          name: 'B',
          ok: false,
          error: 'Allocation 1000 USDT is more than the 0.00 USDT not yet allocated to other bots.',
        },
      ]),
    ).toBe(
      '1 duplicated, 1 refused: B — Allocation 1000 USDT is more than the 0.00 USDT not yet allocated to other bots.',
    );
  });
});
