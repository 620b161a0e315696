import { describe, expect, it } from 'vitest';
import type { Bot } from '../core/bot/types';
import { judgeEntry, type BotFigures, type GateView } from './riskGate';
import type { RiskTrip } from './riskSettings';

const bot = {
  id: 'bot-a',
  config: { accountId: 'sim-default', allocation: 1000 },
} as unknown as Bot;

function view(options: {
  trips?: RiskTrip[];
  portfolioCap?: number;
  accountCap?: number;
  figures?: [string, BotFigures][];
}): GateView {
  return {
    trips: options.trips ?? [],
    configOf: (scope) =>
      scope === 'portfolio'
        ? { maxExposurePercent: options.portfolioCap }
        : { maxExposurePercent: options.accountCap },
    figures: new Map(options.figures ?? []),
    members: () => ({}),
  };
}

describe('judgeEntry', () => {
  it('refuses every entry while the account or portfolio has tripped, naming the breaker', () => {
    const trip: RiskTrip = {
      id: 't',
      scope: 'account:sim-default',
      accountId: 'sim-default',
      scopeName: 'Simulated',
      kind: 'daily_loss',
      time: 0,
      reason: '',
      figures: {},
      action: 'halt_entries',
      botIds: [],
    };
    expect(judgeEntry(bot, { amount: 0.01, price: 20_000 }, view({ trips: [trip] }))).toEqual({
      ok: false,
      breaker: 'Simulated daily loss limit',
      reason: expect.stringMatching(/^the Simulated daily loss limit breaker has tripped/),
    });
    const otherAccount = { ...trip, scope: 'account:other' };
    expect(
      judgeEntry(bot, { amount: 0.01, price: 20_000 }, view({ trips: [otherAccount] })),
    ).toEqual({
      ok: true,
    });
  });

  it('shrinks a buy to the tightest exposure cap and refuses it when no room is left', () => {
    const figures: [string, BotFigures][] = [
      ['bot-a', { accountId: 'sim-default', equity: 1000, exposure: 0 }],
      ['bot-b', { accountId: 'sim-default', equity: 1000, exposure: 600 }],
    ];
    // Portfolio cap 50% of 2000 = 1000, 600 used: room 400 = 0.02 at 20k; account 80%: room 1000.
    const verdict = judgeEntry(
      bot,
      { amount: 0.05, price: 20_000 },
      view({ portfolioCap: 50, accountCap: 80, figures }),
    );
    expect(verdict).toMatchObject({ ok: true, breaker: 'Portfolio exposure cap' });
    expect('maxAmount' in verdict && verdict.maxAmount).toBeCloseTo(0.02, 10);
    expect(
      judgeEntry(bot, { amount: 0.01, price: 20_000 }, view({ portfolioCap: 30, figures })),
    ).toMatchObject({ ok: false, breaker: 'Portfolio exposure cap' });
    expect(judgeEntry(bot, { amount: 0.01, price: 20_000 }, view({ figures }))).toEqual({
      ok: true,
    });
  });
});
