/**
 * The account circuit breaker and the kill switch in the bot host, on the committed March 2023
 * sample replayed from just before the sell-off of 9–10 March (BTC/USDT from ~21.8k on the 9th
 * to 19 565.40 on the 10th at 10:48): the drawdown breaker trips during the drop and no entry
 * is placed after it; the kill switch, pulled mid-drop, leaves no open order on the exchange.
 */
import { describe, expect, it } from 'vitest';
import type { BotConfig } from '../core/bot/types';
import { createOrdersRepository, type FlotillaDb } from '../db';
import { SIMULATOR_STATE_VERSION, type SimulatorState } from '../exchange/simulated';
import { SAMPLE_START } from '../exchange/simulated/testSupport';
import { createTestDb, startTestHost, type TestHost } from './testHost';

const MINUTE = 60_000;
const DROP_START = Date.UTC(2023, 2, 9, 14, 19); // the 9 March high, 21 832.13
const DROP_LOW = Date.UTC(2023, 2, 10, 10, 48); // the low, 19 565.40

/** A database whose simulated account resumes its replay at `time` with 10 000 USDT. */
async function databaseFrom(time: number): Promise<FlotillaDb> {
  const db = createTestDb();
  const state: SimulatorState = {
    version: SIMULATOR_STATE_VERSION,
    cursor: { index: (time - SAMPLE_START) / MINUTE, loop: 0 },
    balances: { USDT: 10_000 },
    openOrders: [],
    closedOrders: [],
    trades: [],
    nextOrderSeq: 1,
    nextTradeSeq: 1,
    seenClientOrderIds: [],
  };
  await db.simState.put({ accountId: 'sim-default', state });
  return db;
}

async function marketTime(test: TestHost): Promise<number> {
  return (await test.host.getStatus()).marketTime ?? NaN;
}

async function started(test: TestHost, config: BotConfig): Promise<string> {
  const created = await test.host.createBot(config, { start: true });
  if (!created.ok) throw new Error(created.error);
  return created.value.id;
}

const HOLD: BotConfig = {
  name: 'Hold',
  mode: 'simulated',
  accountId: 'sim-default',
  symbol: 'BTC/USDT',
  strategyId: 'buy-and-hold',
  timeframe: '1m',
  params: {},
  allocation: 5_000,
};
const SMA: BotConfig = {
  ...HOLD,
  name: 'Fast SMA',
  strategyId: 'sma-crossover',
  params: { fast: 3, slow: 8 },
  allocation: 3_000,
};

describe('on the March 2023 sell-off', { timeout: 180_000 }, () => {
  it('the max-drawdown breaker trips during the drop and no entry is placed after it', async () => {
    const test = await startTestHost({ db: await databaseFrom(Date.UTC(2023, 2, 9, 12, 0)) });
    const saved = await test.host.updateRiskSettings({
      portfolio: { breakers: {}, action: 'halt_entries' },
      accounts: { 'sim-default': { breakers: { maxDrawdownPercent: 3 }, action: 'halt_entries' } },
    });
    expect(saved.ok).toBe(true);
    const hold = await started(test, HOLD);
    const sma = await started(test, SMA);
    const orders = createOrdersRepository(test.db);

    // Play minute by minute until the breaker trips; note when, in market and in host time.
    let trip;
    for (let minute = 0; minute < 2_000 && !trip; minute++) {
      await test.play(1);
      const listed = await test.host.listRiskTrips();
      trip = listed.ok ? listed.value[0] : undefined;
    }
    if (!trip) throw new Error('the breaker never tripped');
    const trippedAt = { market: await marketTime(test), host: test.clock.now() };
    expect(trip).toMatchObject({
      scope: 'account:sim-default',
      kind: 'max_drawdown',
      action: 'halt_entries',
    });
    expect(trip.figures.drawdownPercent).toBeGreaterThanOrEqual(3);
    expect(trip.time).toBeGreaterThan(DROP_START);
    expect(trip.time).toBeLessThan(DROP_LOW);
    expect(trip.botIds.sort()).toEqual([hold, sma].sort());
    // Entries were being made until then.
    const smaBuysBefore = (await orders.listOrders(sma)).filter((order) => order.side === 'buy');
    expect(smaBuysBefore.length).toBeGreaterThan(1);

    // Through the rest of the drop and the bounce after the low: no buy placed, none filled.
    while ((await marketTime(test)) < Date.UTC(2023, 2, 10, 16, 0)) await test.play(10);
    expect(trippedAt.market).toBeLessThanOrEqual(trip.time + 2 * MINUTE);
    for (const botId of [hold, sma]) {
      const buys = (await orders.listOrders(botId)).filter((order) => order.side === 'buy');
      expect(buys.filter((order) => order.createdAt > trippedAt.host)).toEqual([]);
      const fills = await orders.listFills(botId, 10_000);
      expect(fills.filter((fill) => fill.side === 'buy' && fill.time > trip.time)).toEqual([]);
    }
    // The strategy did want in again, and was refused by name.
    const refused = await test.db.events
      .where('botId')
      .equals(sma)
      .filter((event) => event.type === 'risk_rejected' && event.time > trippedAt.host)
      .toArray();
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]?.message).toMatch(/max drawdown breaker has tripped/);
    await test.host.shutdown();
  });

  it('the kill switch, pulled mid-drop, leaves no open order on the exchange', async () => {
    const test = await startTestHost({ db: await databaseFrom(Date.UTC(2023, 2, 10, 6, 0)) });
    const grid = await started(test, {
      ...HOLD,
      name: 'Grid',
      strategyId: 'spot-grid',
      params: { lower: 19_000, upper: 21_000, levels: 12, spacing: 'arithmetic', orderQuote: 100 },
      allocation: 3_000,
    });
    const hold = await started(test, {
      ...HOLD,
      allocation: 3_000,
      risk: { stopLoss: { kind: 'percent', percent: 8, onExchange: true } },
    });
    const sma = await started(test, SMA);
    // Into the drop, until the grid has bought and the stop rests on the exchange.
    while ((await marketTime(test)) < Date.UTC(2023, 2, 10, 9, 30)) await test.play(10);
    const resting = await test.host.exchangeOpenOrders('sim-default');
    expect(resting.length).toBeGreaterThan(3);
    expect(resting.some((order) => order.triggerPrice !== undefined)).toBe(true);
    expect((await test.db.ledgers.get(grid))?.ledger.position).toBeGreaterThan(0);

    const result = await test.host.killSwitch({ closePositions: true });
    expect(result.ok && result.value.failures).toEqual([]);
    // Only the closing market sells wait for the next candle; then nothing is open anywhere.
    await test.play(2);
    expect(await test.host.exchangeOpenOrders('sim-default')).toEqual([]);
    const simulator = (await test.db.simState.get('sim-default'))?.state as SimulatorState;
    expect(simulator.openOrders).toEqual([]);
    const orders = createOrdersRepository(test.db);
    for (const botId of [grid, hold, sma]) {
      expect(await orders.listOpenOrders(botId)).toEqual([]);
      expect((await test.db.bots.get(botId))?.status).toBe('stopped');
      expect((await test.db.ledgers.get(botId))?.ledger.position).toBeCloseTo(0, 12);
    }
    // Through the low and after it, nothing is placed again.
    const count = await test.db.orders.count();
    while ((await marketTime(test)) < DROP_LOW + 30 * MINUTE) await test.play(10);
    expect(await test.db.orders.count()).toBe(count);
    expect(await test.host.exchangeOpenOrders('sim-default')).toEqual([]);
    await test.host.shutdown();
  });
});
