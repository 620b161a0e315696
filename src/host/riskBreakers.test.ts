/**
 * Host tests of the account/portfolio circuit breakers on the real simulator replaying the
 * committed March 2023 BTC sample: trips latch, halt entries or stop bots, survive a restart,
 * and reset; settings are validated field by field.
 */
import { describe, expect, it } from 'vitest';
import type { BotConfig } from '../core/bot/types';
import { createOrdersRepository } from '../db';
import type { RiskSettings } from './riskSettings';
import { startTestHost, type TestHost } from './testHost';

const SMA_BOT: BotConfig = {
  name: 'Fast SMA',
  mode: 'simulated',
  accountId: 'sim-default',
  symbol: 'BTC/USDT',
  strategyId: 'sma-crossover',
  timeframe: '1m',
  params: { fast: 3, slow: 8 },
  allocation: 1000,
};

const HOLD_BOT: BotConfig = {
  ...SMA_BOT,
  name: 'Hold',
  strategyId: 'buy-and-hold',
  params: {},
};

async function started(test: TestHost, config: BotConfig): Promise<string> {
  const created = await test.host.createBot(config, { start: true });
  if (!created.ok) throw new Error(created.error);
  return created.value.id;
}

async function configure(test: TestHost, settings: RiskSettings) {
  const saved = await test.host.updateRiskSettings(settings);
  if (!saved.ok) throw new Error(saved.error);
}

async function trips(test: TestHost) {
  const listed = await test.host.listRiskTrips();
  if (!listed.ok) throw new Error(listed.error);
  return listed.value;
}

/** Plays up to `minutes` until a trip is latched; returns it. */
async function playUntilTrip(test: TestHost, minutes: number) {
  for (let played = 0; played < minutes; played += 10) {
    await test.play(10);
    const found = await trips(test);
    if (found.length > 0) return found[0];
  }
  throw new Error(`No trip within ${minutes} minutes`);
}

const events = (test: TestHost, botId: string, type: string) =>
  test.db.events
    .where('botId')
    .equals(botId)
    .filter((event) => event.type === type)
    .toArray();

// Replays hours of market data through the real simulator: slow on a busy machine.
describe('account and portfolio circuit breakers in the host', { timeout: 60_000 }, () => {
  it('refuses invalid settings with field-named errors and saves nothing', async () => {
    const test = await startTestHost();
    const result = await test.host.updateRiskSettings({
      portfolio: { breakers: { maxDrawdownPercent: 0 }, action: 'halt_entries' },
      accounts: {
        'sim-default': { breakers: { dailyLossQuote: -5 }, action: 'explode' as 'stop_bots' },
        'no-such-account': { breakers: {}, action: 'halt_entries' },
      },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.map((error) => error.field).sort()).toEqual([
      'accounts.no-such-account',
      'accounts.sim-default.action',
      'accounts.sim-default.dailyLossQuote',
      'portfolio.maxDrawdownPercent',
    ]);
    expect(
      result.fieldErrors?.find((e) => e.field === 'portfolio.maxDrawdownPercent')?.message,
    ).toMatch(/Max drawdown/);
    const stored = await test.host.getRiskSettings();
    expect(stored.ok && stored.value).toEqual({
      portfolio: { breakers: {}, action: 'halt_entries' },
      accounts: {},
    });
    await test.host.shutdown();
  });

  it('a drawdown trip halts new entries, keeps protective exits, survives a restart and resets', async () => {
    const first = await startTestHost();
    await configure(first, {
      portfolio: { breakers: { maxDrawdownPercent: 0.2 }, action: 'halt_entries' },
      accounts: {},
    });
    const botId = await started(first, {
      ...SMA_BOT,
      risk: { stopLoss: { kind: 'percent', percent: 0.3 } },
    });
    const trip = await playUntilTrip(first, 2000);
    expect(trip).toMatchObject({
      scope: 'portfolio',
      kind: 'max_drawdown',
      action: 'halt_entries',
    });
    expect(trip?.figures.drawdownPercent).toBeGreaterThanOrEqual(0.2);
    expect(trip?.botIds).toEqual([botId]);
    const tripEvents = await events(first, botId, 'risk_trip');
    expect(tripEvents[0]?.message).toMatch(/Portfolio max drawdown breaker tripped/);
    expect(first.live.some((event) => event.type === 'risk')).toBe(true);

    // Entries are refused from here on, naming the breaker; sells still go.
    const orders = createOrdersRepository(first.db);
    const tripAt = first.clock.now();
    await first.play(300);
    const after = (await orders.listOrders(botId)).filter((order) => order.createdAt > tripAt);
    expect(after.filter((order) => order.side === 'buy')).toEqual([]);
    const refusals = await events(first, botId, 'risk_rejected');
    expect(refusals.some((event) => /max drawdown breaker has tripped/.test(event.message))).toBe(
      true,
    );
    expect(refusals.some((event) => event.data?.rule === 'Portfolio max drawdown')).toBe(true);

    // The trip is latched: it survives a restart of the host.
    await first.host.shutdown();
    const second = await startTestHost({ db: first.db, clock: first.clock });
    expect((await trips(second)).map((each) => each.id)).toEqual([trip?.id]);
    const beforeReset = second.clock.now();
    await second.play(200);
    const stillHalted = (await orders.listOrders(botId)).filter(
      (order) => order.createdAt > beforeReset && order.side === 'buy',
    );
    expect(stillHalted).toEqual([]);

    // Reset: entries are allowed again.
    const reset = await second.host.resetRiskTrip(trip?.id ?? '');
    expect(reset.ok).toBe(true);
    expect(await trips(second)).toEqual([]);
    const resetAt = second.clock.now();
    for (let i = 0; i < 60; i++) {
      await second.play(20);
      const buys = (await createOrdersRepository(second.db).listOrders(botId)).filter(
        (order) => order.createdAt > resetAt && order.side === 'buy',
      );
      if (buys.length > 0) break;
    }
    const buys = (await createOrdersRepository(second.db).listOrders(botId)).filter(
      (order) => order.createdAt > resetAt && order.side === 'buy',
    );
    expect(buys.length).toBeGreaterThan(0);
    await second.host.shutdown();
  });

  it('protective exits still sell after a trip halted entries', async () => {
    const test = await startTestHost();
    await configure(test, {
      portfolio: { breakers: { maxDrawdownPercent: 0.1 }, action: 'halt_entries' },
      accounts: {},
    });
    const botId = await started(test, {
      ...HOLD_BOT,
      risk: { stopLoss: { kind: 'percent', percent: 0.5 } },
    });
    await playUntilTrip(test, 2000);
    for (let i = 0; i < 200 && (await events(test, botId, 'risk_exit')).length === 0; i++)
      await test.play(20);
    const exits = await events(test, botId, 'risk_exit');
    expect(exits.length).toBeGreaterThan(0);
    await test.play(5);
    const ledger = (await test.db.ledgers.get(botId))?.ledger;
    expect(ledger?.position).toBe(0);
    await test.host.shutdown();
  });

  it('"stop bots" cancels every open order and stops the bots of the tripped account', async () => {
    const test = await startTestHost();
    await configure(test, {
      portfolio: { breakers: {}, action: 'halt_entries' },
      accounts: { 'sim-default': { breakers: { maxDrawdownPercent: 0.1 }, action: 'stop_bots' } },
    });
    const grid = await started(test, {
      ...SMA_BOT,
      name: 'Grid',
      strategyId: 'spot-grid',
      params: { lower: 22_000, upper: 24_500, levels: 10, spacing: 'arithmetic', orderQuote: 50 },
    });
    const hold = await started(test, { ...HOLD_BOT, allocation: 2000 });
    const trip = await playUntilTrip(test, 3000);
    expect(trip).toMatchObject({ scope: 'account:sim-default', action: 'stop_bots' });
    await test.play(3);
    for (const id of [grid, hold]) expect((await test.db.bots.get(id))?.status).toBe('stopped');
    expect(await test.host.exchangeOpenOrders('sim-default')).toEqual([]);
    const gridOrders = await createOrdersRepository(test.db).listOrders(grid);
    expect(gridOrders.some((order) => order.state === 'canceled')).toBe(true);
    expect((await events(test, grid, 'risk_trip')).length).toBe(1);
    await test.host.shutdown();
  });

  it('trips the daily loss limit in quote', async () => {
    const test = await startTestHost();
    await configure(test, {
      portfolio: { breakers: { dailyLossQuote: 3 }, action: 'halt_entries' },
      accounts: {},
    });
    const botId = await started(test, HOLD_BOT);
    const trip = await playUntilTrip(test, 3000);
    expect(trip?.kind).toBe('daily_loss');
    expect(trip?.figures.loss).toBeGreaterThanOrEqual(3);
    expect(trip?.reason).toMatch(/Daily loss limit hit/);
    expect((await events(test, botId, 'risk_trip'))[0]?.data).toMatchObject({ kind: 'daily_loss' });
    await test.host.shutdown();
  });

  it('an exposure cap resizes an entry to the room left', async () => {
    const test = await startTestHost();
    await configure(test, {
      portfolio: { breakers: { maxExposurePercent: 50 }, action: 'halt_entries' },
      accounts: {},
    });
    const botId = await started(test, HOLD_BOT);
    await test.play(5);
    const resized = await events(test, botId, 'risk_resized');
    expect(resized[0]?.message).toMatch(/Portfolio exposure cap/);
    const ledger = (await test.db.ledgers.get(botId))?.ledger;
    expect(ledger?.position).toBeGreaterThan(0);
    // Sized at the last close to fit 50% of 1000; a market buy fills at the next open.
    expect((ledger?.position ?? 0) * (ledger?.averageEntry ?? 0)).toBeLessThanOrEqual(505);
    expect((ledger?.position ?? 0) * (ledger?.averageEntry ?? 0)).toBeGreaterThan(450);
    await test.host.shutdown();
  });

  it('drops a deleted bot from the equity sums without counting it as a drawdown', async () => {
    const test = await startTestHost();
    await configure(test, {
      portfolio: { breakers: { maxDrawdownPercent: 5 }, action: 'halt_entries' },
      accounts: {},
    });
    await started(test, HOLD_BOT);
    const leaving = await started(test, { ...SMA_BOT, name: 'Leaving' });
    await test.play(30);
    const stopped = await test.host.stopBot(leaving, { cancelOrders: true, closePosition: true });
    expect(stopped.ok).toBe(true);
    await test.play(3);
    const deleted = await test.host.deleteBot(leaving);
    expect(deleted.ok).toBe(true);
    await test.play(30);
    expect(await trips(test)).toEqual([]);
    await test.host.shutdown();
    const saved = (await test.db.settings.get('riskBreakerState'))?.value as Record<
      string,
      { members: Record<string, number> }
    >;
    expect(Object.keys(saved.portfolio?.members ?? {})).toHaveLength(1);
    expect(saved.portfolio?.members[leaving]).toBeUndefined();
  });

  it('refuses raising a bot allocation beyond the unallocated balance, naming the shortfall', async () => {
    const test = await startTestHost();
    const created = await test.host.createBot({ ...SMA_BOT, allocation: 6000 });
    if (!created.ok) throw new Error(created.error);
    const other = await test.host.createBot({ ...SMA_BOT, name: 'Other', allocation: 3000 });
    expect(other.ok).toBe(true);
    const raised = await test.host.updateBot(created.value.id, { ...SMA_BOT, allocation: 8000 });
    expect(raised.ok).toBe(false);
    if (raised.ok) return;
    expect(raised.fieldErrors?.[0]?.field).toBe('allocation');
    expect(raised.fieldErrors?.[0]?.message).toMatch(/1000\.00 USDT short/);
    expect((await test.db.bots.get(created.value.id))?.config?.allocation).toBe(6000);
    const fits = await test.host.updateBot(created.value.id, { ...SMA_BOT, allocation: 7000 });
    expect(fits.ok).toBe(true);
    await test.host.shutdown();
  });
});
