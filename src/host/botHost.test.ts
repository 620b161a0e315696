import { describe, expect, it } from 'vitest';
import type { BotConfig } from '../core/bot/types';
import { reconcileLedger } from '../core/portfolio/ledger';
import { defineStrategy } from '../core/strategy/defineStrategy';
import { createOrdersRepository } from '../db';
import { STRATEGIES } from '../../strategies';
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

async function createStartedBot(test: TestHost, config: BotConfig = SMA_BOT): Promise<string> {
  const created = await test.host.createBot(config, { start: true });
  if (!created.ok) throw new Error(created.error);
  return created.value.id;
}

async function history(test: TestHost, botId: string) {
  const repo = createOrdersRepository(test.db);
  const orders = await repo.listOrders(botId);
  const fills = (await repo.listFills(botId, 10_000)).reverse();
  const ledger = (await test.db.ledgers.get(botId))?.ledger;
  return { orders, fills, ledger };
}

// Replays hundreds of market minutes through the real simulator, some twice: slow on a busy machine.
describe('bot host', { timeout: 30_000 }, () => {
  it('refuses invalid parameters with a message naming the field, and saves nothing', async () => {
    const test = await startTestHost();
    const result = await test.host.createBot({ ...SMA_BOT, params: { fast: 30, slow: 10 } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.some((error) => error.field.startsWith('params.'))).toBe(true);
    expect(await test.db.bots.count()).toBe(0);

    const tooBig = await test.host.createBot({ ...SMA_BOT, allocation: 50_000 });
    expect(tooBig.ok).toBe(false);
    if (!tooBig.ok) expect(tooBig.fieldErrors?.[0]?.field).toBe('allocation');
    const noName = await test.host.createBot({ ...SMA_BOT, name: '  ' });
    if (!noName.ok)
      expect(noName.fieldErrors?.[0]).toEqual({ field: 'name', message: 'Name is required.' });
    expect(await test.db.bots.count()).toBe(0);
    await test.host.shutdown();
  });

  it('runs an SMA bot on the simulator: journals, fills and a reconciling ledger', async () => {
    const test = await startTestHost();
    const received: string[] = [];
    const subscription = await test.host.subscribe((events) =>
      received.push(...events.map((event) => event.type)),
    );
    const botId = await createStartedBot(test);
    await test.play(240);
    const { orders, fills, ledger } = await history(test, botId);
    expect(received).toEqual(expect.arrayContaining(['tick', 'candle', 'bot']));
    await test.host.unsubscribe(subscription);
    const listed = await test.host.listBots();
    expect(listed.ok && listed.value.map((summary) => [summary.bot.id, summary.isLoaded])).toEqual([
      [botId, true],
    ]);
    expect(fills.length).toBeGreaterThan(2);
    expect(new Set(orders.map((order) => order.clientOrderId)).size).toBe(orders.length);
    expect(new Set(fills.map((fill) => fill.tradeId)).size).toBe(fills.length);
    for (const order of orders) {
      const filled = fills
        .filter((fill) => fill.clientOrderId === order.clientOrderId)
        .reduce((sum, fill) => sum + fill.amount, 0);
      expect(filled).toBeCloseTo(order.filled, 10);
      expect(order.filled).toBeLessThanOrEqual(order.amount + 1e-12);
      // Journaled, then marked sent before the request, then answered.
      expect(order.history.slice(0, 2).map((entry) => entry.state)).toEqual(['new', 'sent']);
    }
    if (!ledger) throw new Error('no ledger');
    expect(ledger.tradeCount).toBe(fills.length);
    expect(ledger.cash).toBeGreaterThanOrEqual(0);
    expect(Math.abs(reconcileLedger(ledger))).toBeLessThan(1e-9 * ledger.initialCash);
    const spent = fills.reduce(
      (sum, fill) => sum + (fill.side === 'buy' ? -1 : 1) * fill.price * fill.amount - fill.fee,
      0,
    );
    expect(ledger.cash).toBeCloseTo(1000 + spent, 8);
    const events = await test.db.events.where('botId').equals(botId).toArray();
    expect(events.map((event) => event.type)).toEqual(
      expect.arrayContaining(['created', 'started', 'order_placed', 'order_filled']),
    );
    expect(test.live.some((event) => event.type === 'candle' && event.botId === botId)).toBe(true);
    await test.host.shutdown();
  });

  it('opens nothing new while paused and trades again after resume', async () => {
    const test = await startTestHost();
    const botId = await createStartedBot(test);
    await test.play(30);
    expect((await test.host.pauseBot(botId)).ok).toBe(true);
    const before = (await history(test, botId)).orders.length;
    await test.play(240);
    const paused = (await history(test, botId)).orders.slice(before);
    expect(paused.every((order) => order.side === 'sell')).toBe(true);
    expect((await test.host.resumeBot(botId)).ok).toBe(true);
    await test.play(240);
    const resumed = (await history(test, botId)).orders.slice(before + paused.length);
    expect(resumed.some((order) => order.side === 'buy')).toBe(true);
    await test.host.shutdown();
  });

  it('stops, cancelling orders and closing the position when asked', async () => {
    const test = await startTestHost();
    const botId = await createStartedBot(test);
    let holding = false;
    for (let step = 0; step < 600 && !holding; step++) {
      await test.play(1);
      holding = ((await test.db.ledgers.get(botId))?.ledger.position ?? 0) > 0;
    }
    expect(holding).toBe(true);
    expect((await test.host.stopBot(botId, { cancelOrders: true, closePosition: true })).ok).toBe(
      true,
    );
    await test.play(2);
    const { orders, ledger } = await history(test, botId);
    expect(ledger?.position).toBeCloseTo(0, 12);
    expect(orders.at(-1)?.tag).toBe('close-on-stop');
    expect(orders.every((order) => ['filled', 'canceled', 'rejected'].includes(order.state))).toBe(
      true,
    );
    expect((await test.db.bots.get(botId))?.status).toBe('stopped');
    const ordersAfterStop = orders.length;
    await test.play(120);
    expect((await history(test, botId)).orders.length).toBe(ordersAfterStop);
    await test.host.shutdown();
  });

  it('resumes after a restart exactly as an uninterrupted run, with no duplicate orders', async () => {
    const uninterrupted = await startTestHost();
    const botA = await createStartedBot(uninterrupted);
    await uninterrupted.play(400);
    const expected = await history(uninterrupted, botA);
    await uninterrupted.host.shutdown();

    const first = await startTestHost();
    const botB = await createStartedBot(first);
    await first.play(200);
    await first.host.shutdown();
    const second = await startTestHost({ db: first.db, clock: first.clock });
    await second.play(200);
    const actual = await history(second, botB);
    await second.host.shutdown();

    const shape = (fills: typeof expected.fills) =>
      fills.map(({ side, price, amount, time, fee }) => ({ side, price, amount, time, fee }));
    expect(expected.fills.length).toBeGreaterThan(2);
    expect(shape(actual.fills)).toEqual(shape(expected.fills));
    expect(actual.ledger?.cash).toBeCloseTo(expected.ledger?.cash ?? NaN, 8);
    expect(new Set(actual.orders.map((order) => order.clientOrderId)).size).toBe(
      actual.orders.length,
    );
    const events = await second.db.events.where('botId').equals(botB).toArray();
    expect(events.some((event) => event.type === 'resumed_after_reload')).toBe(true);
  });

  it('puts only the failing bot into the error state', async () => {
    const broken = defineStrategy({
      id: 'broken-test',
      name: 'Broken test strategy',
      description: 'Throws on its tenth candle.',
      category: 'benchmark',
      timeframe: '1m',
      warmup: () => 1,
      params: {},
      init: () => ({ seen: 0 }),
      onCandle(state) {
        state.seen += 1;
        if (state.seen === 10) throw new Error('division by zero in my indicator');
      },
    });
    const test = await startTestHost({ strategies: [...STRATEGIES, broken] });
    const good = await createStartedBot(test);
    const bad = await createStartedBot(test, {
      ...SMA_BOT,
      name: 'Broken',
      strategyId: 'broken-test',
      params: {},
      allocation: 500,
    });
    await test.play(240);
    const badBot = await test.db.bots.get(bad);
    expect(badBot?.status).toBe('error');
    expect(badBot?.statusReason).toContain('division by zero in my indicator');
    expect((await test.db.bots.get(good))?.status).toBe('running');
    expect((await history(test, good)).fills.length).toBeGreaterThan(0);
    await test.host.shutdown();
  });
});

describe('bot host after a crash', { timeout: 30_000 }, () => {
  it('recovers when the simulator state saved before the crash is older than the journal', async () => {
    const uninterrupted = await startTestHost();
    const botA = await createStartedBot(uninterrupted);
    await uninterrupted.play(300);
    const expected = await history(uninterrupted, botA);
    await uninterrupted.host.shutdown();

    const first = await startTestHost();
    const botB = await createStartedBot(first);
    // Play until an order is open, and keep the simulator state of that moment.
    let stale: unknown;
    let played = 0;
    while (stale === undefined && played < 300) {
      await first.play(1);
      played += 1;
      const open = await createOrdersRepository(first.db).listOpenOrders(botB);
      if (open.length > 0) stale = (await first.db.simState.get('sim-default'))?.state;
    }
    expect(stale).toBeDefined();
    await first.play(5);
    await first.host.shutdown();
    // The crash: the journal and fills are newer than the simulator state that was saved.
    await first.db.simState.put({ accountId: 'sim-default', state: stale });

    const second = await startTestHost({ db: first.db, clock: first.clock });
    await second.play(300 - played);
    const actual = await history(second, botB);
    await second.host.shutdown();
    expect((await second.db.bots.get(botB))?.status).toBe('running');
    const shape = (fills: typeof expected.fills) =>
      fills.map(({ side, price, amount, time }) => ({ side, price, amount, time }));
    expect(shape(actual.fills)).toEqual(shape(expected.fills));
    expect(new Set(actual.fills.map((fill) => fill.tradeId)).size).toBe(actual.fills.length);
  });
});

describe('bot host with a risk section', () => {
  const HOLD_BOT: BotConfig = {
    ...SMA_BOT,
    name: 'Hold with exits',
    strategyId: 'buy-and-hold',
    params: {},
  };

  async function playUntil(test: TestHost, done: () => Promise<boolean>, limit = 600) {
    for (let minute = 0; minute < limit && !(await done()); minute++) await test.play(1);
  }

  const riskEvents = (test: TestHost, botId: string) =>
    test.db.events
      .where('botId')
      .equals(botId)
      .filter((event) => event.type === 'risk_exit')
      .toArray();

  it('refuses a bad risk section with errors keyed risk.<field>', async () => {
    const test = await startTestHost();
    const result = await test.host.createBot({
      ...HOLD_BOT,
      risk: { stopLoss: { kind: 'percent', percent: 150 } },
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.fieldErrors).toEqual([
        { field: 'risk.stopLoss.percent', message: 'Stop-loss percent must be between 0.1 and 99' },
      ]);
    expect(await test.db.bots.count()).toBe(0);
    await test.host.shutdown();
  });

  it('keeps its stop-loss working while paused', async () => {
    const test = await startTestHost();
    const botId = await createStartedBot(test, {
      ...HOLD_BOT,
      risk: { stopLoss: { kind: 'percent', percent: 0.3 } },
    });
    await playUntil(
      test,
      async () => ((await test.db.ledgers.get(botId))?.ledger.position ?? 0) > 0,
    );
    expect((await test.host.pauseBot(botId)).ok).toBe(true);
    await playUntil(test, async () => (await riskEvents(test, botId)).length > 0, 2_000);
    await test.play(3);
    expect((await test.db.bots.get(botId))?.status).toBe('paused');
    const [exit, ...more] = await riskEvents(test, botId);
    expect(more).toHaveLength(0);
    expect(exit?.data).toMatchObject({ reason: 'stop_loss', fraction: 1 });
    const { orders, ledger } = await history(test, botId);
    expect(orders.at(-1)).toMatchObject({ side: 'sell', tag: 'risk:stop_loss', state: 'filled' });
    expect(ledger?.position).toBeCloseTo(0, 12);
    await test.host.shutdown();
  });

  it('does not take the same take-profit step twice across a restart', async () => {
    const config: BotConfig = {
      ...HOLD_BOT,
      risk: {
        takeProfit: {
          steps: [
            { percent: 0.1, fraction: 0.5 },
            { percent: 90, fraction: 0.5 },
          ],
        },
      },
    };
    const first = await startTestHost();
    const botId = await createStartedBot(first, config);
    await playUntil(first, async () => (await riskEvents(first, botId)).length > 0, 2_000);
    await first.play(3);
    const before = await history(first, botId);
    expect(before.fills.filter((fill) => fill.side === 'sell')).toHaveLength(1);
    await first.host.shutdown();

    const second = await startTestHost({ db: first.db, clock: first.clock });
    await second.play(300);
    const exits = await riskEvents(second, botId);
    expect(exits).toHaveLength(1);
    expect(exits[0]?.data).toMatchObject({ reason: 'take_profit', step: 0 });
    const after = await history(second, botId);
    expect(after.orders.filter((order) => order.tag === 'risk:take_profit')).toHaveLength(1);
    const bought = after.fills.find((fill) => fill.side === 'buy')?.amount ?? 0;
    expect(after.ledger?.position).toBeGreaterThan(bought * 0.45);
    const state = await second.db.runtime.get(botId);
    expect(state?.protective?.takeProfitStepsDone).toBe(1);
    expect(state?.trades?.length).toBe(1);
    await second.host.shutdown();
  });
});

describe('the kill switch', () => {
  const GRID_BOT: BotConfig = {
    ...SMA_BOT,
    name: 'Wide grid',
    strategyId: 'spot-grid',
    params: { lower: 15_000, upper: 40_000, levels: 20, spacing: 'arithmetic', orderQuote: 50 },
    allocation: 2000,
  };
  const OPEN_STATES = ['new', 'sent', 'open', 'partially_filled'];

  const position = async (test: TestHost, botId: string) =>
    (await test.db.ledgers.get(botId))?.ledger.position ?? 0;

  /** A grid with resting orders, an SMA bot holding a position and a paused SMA bot. */
  async function threeBots(test: TestHost) {
    const grid = await createStartedBot(test, GRID_BOT);
    const sma = await createStartedBot(test);
    const paused = await createStartedBot(test, {
      ...SMA_BOT,
      name: 'Paused SMA',
      allocation: 500,
    });
    for (let minute = 0; minute < 600 && (await position(test, sma)) <= 0; minute++)
      await test.play(1);
    expect(await position(test, sma)).toBeGreaterThan(0);
    expect((await test.host.pauseBot(paused)).ok).toBe(true);
    await test.host.idle();
    const gridOpen = await createOrdersRepository(test.db).listOpenOrders(grid);
    expect(gridOpen.length).toBeGreaterThan(2);
    expect(gridOpen.every((order) => order.type === 'limit')).toBe(true);
    return { grid, sma, paused, ids: [grid, sma, paused] };
  }

  const killEvents = (test: TestHost) =>
    test.db.events.filter((event) => event.type === 'kill_switch').toArray();

  it('stops every bot, cancels every order and closes every position', async () => {
    const test = await startTestHost();
    const { grid, sma, ids } = await threeBots(test);
    const gridOrders = (await createOrdersRepository(test.db).listOpenOrders(grid)).length;

    const result = await test.host.killSwitch({ closePositions: true });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.failures).toEqual([]);
    expect(result.value.stopped).toBe(3);
    expect(result.value.canceledOrders).toBeGreaterThanOrEqual(gridOrders);
    expect(result.value.closedPositions).toBeGreaterThanOrEqual(1);
    for (const id of ids) expect((await test.db.bots.get(id))?.status).toBe('stopped');
    // Until the next candle only the closing market sells are still open.
    const pending = (await test.db.orders.toArray()).filter((order) =>
      OPEN_STATES.includes(order.state),
    );
    expect(pending.every((order) => order.tag === 'close-on-stop')).toBe(true);
    expect(pending).toHaveLength(result.value.closedPositions);

    await test.play(2);
    const orders = await test.db.orders.toArray();
    expect(orders.filter((order) => OPEN_STATES.includes(order.state))).toEqual([]);
    expect(await test.host.exchangeOpenOrders('sim-default')).toEqual([]);
    for (const id of ids) expect(await position(test, id)).toBeCloseTo(0, 12);
    expect(orders.some((order) => order.botId === sma && order.tag === 'close-on-stop')).toBe(true);
    const events = await killEvents(test);
    expect(events.map((event) => event.botId).sort()).toEqual([...ids].sort());
    expect(events.find((event) => event.botId === grid)?.data).toMatchObject({
      canceledOrders: gridOrders,
      closePositions: true,
    });

    // Nothing trades afterwards.
    const count = orders.length;
    await test.play(60);
    expect(await test.db.orders.count()).toBe(count);
    await test.host.shutdown();
  });

  it('keeps the positions when not asked to close them', async () => {
    const test = await startTestHost();
    const { sma, ids } = await threeBots(test);
    const held = await position(test, sma);

    const result = await test.host.killSwitch({ closePositions: false });
    expect(result.ok && result.value).toMatchObject({
      stopped: 3,
      closedPositions: 0,
      failures: [],
    });
    await test.play(2);
    const orders = await test.db.orders.toArray();
    expect(orders.filter((order) => OPEN_STATES.includes(order.state))).toEqual([]);
    expect(orders.some((order) => order.tag === 'close-on-stop')).toBe(false);
    expect(await test.host.exchangeOpenOrders('sim-default')).toEqual([]);
    expect(await position(test, sma)).toBeCloseTo(held, 12);
    for (const id of ids) expect((await test.db.bots.get(id))?.status).toBe('stopped');
    expect((await killEvents(test)).length).toBe(3);
    await test.host.shutdown();
  });
});
