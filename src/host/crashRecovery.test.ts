import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotConfig } from '../core/bot/types';
import type { OrderIntent } from '../core/orders/types';
import { reconcileLedger } from '../core/portfolio/ledger';
import { defineStrategy } from '../core/strategy/defineStrategy';
import { createManualClock } from '../core/time';
import { createOrdersRepository, type FlotillaDb } from '../db';
import type { SimulatorState } from '../exchange/simulated';
import { STRATEGIES } from '../../strategies';
import { startKillableHost, type CrashPlan } from './crashHarness';
import { createTestDb } from './testHost';

const cents = (price: number) => Math.round(price * 100) / 100;
const MINUTE = 60_000;

/**
 * Large resting limit entries (0.1 BTC, filled over several candles under the liquidity share),
 * an exit placed from onFill once the entry is done, cancels and a market exit: every path of
 * the order manager. Decisions depend only on market data and the bot's own state.
 */
const ladder = defineStrategy({
  id: 'ladder-test',
  name: 'Ladder test',
  description: 'Limit entries, exits placed on fill.',
  category: 'benchmark',
  timeframe: '1m',
  params: {},
  warmup: () => 1,
  init: () => ({}),
  onCandle(_state, candle, ctx): OrderIntent[] {
    if (ctx.isWarmup) return [];
    const entry = ctx.openOrders.find((order) => order.tag === 'entry');
    if (entry) {
      const isLeftBehind = candle.close > (entry.price ?? 0) + 30;
      return isLeftBehind ? [{ kind: 'cancel', clientOrderId: entry.clientOrderId }] : [];
    }
    const exit = ctx.openOrders.find((order) => order.tag === 'exit');
    if (exit) {
      if (candle.close > ctx.position.averageEntry - 25) return [];
      return [
        { kind: 'cancel', clientOrderId: exit.clientOrderId },
        { kind: 'exit_long', tag: 'bail' },
      ];
    }
    if (ctx.openOrders.length > 0) return [];
    if (ctx.position.amount > 0) {
      // A different level from onFill's: an exit the strategy was never told to place shows.
      const price = cents(ctx.position.averageEntry + 7);
      return [
        { kind: 'place_limit', side: 'sell', price, amount: ctx.position.amount, tag: 'exit' },
      ];
    }
    if ((candle.time / MINUTE) % 4 !== 0) return [];
    const price = cents(candle.close - 3);
    return [{ kind: 'place_limit', side: 'buy', price, amount: 0.1, tag: 'entry' }];
  },
  onFill(_state, fill, ctx): OrderIntent[] {
    if (fill.tag !== 'entry' || ctx.openOrders.some((order) => order.tag === 'entry')) return [];
    const price = cents(ctx.position.averageEntry + 6);
    return [{ kind: 'place_limit', side: 'sell', price, amount: ctx.position.amount, tag: 'exit' }];
  },
});

const STRATEGY_SET = [...STRATEGIES, ladder];
const LIQUIDITY_SHARE = 0.1;
const MINUTES = 240;

const LADDER_BOT: BotConfig = {
  name: 'Ladder',
  mode: 'simulated',
  accountId: 'sim-default',
  symbol: 'BTC/USDT',
  strategyId: 'ladder-test',
  timeframe: '1m',
  params: {},
  allocation: 5_000,
};
const SMA_BOT: BotConfig = {
  ...LADDER_BOT,
  name: 'Fast SMA',
  strategyId: 'sma-crossover',
  params: { fast: 3, slow: 8 },
  allocation: 1_000,
};

/** Set by the write-behind block below: both hosts of a run then hold their per-candle writes. */
let writeBehindMs: number | undefined;

interface Run {
  db: FlotillaDb;
  botIds: string[];
  marketTime: number;
}

async function marketTime(host: { getStatus(): Promise<{ marketTime?: number }> }) {
  return (await host.getStatus()).marketTime ?? NaN;
}

/** Creates both bots and plays until `MINUTES` have passed or `plan` killed the host. */
async function firstHost(plan?: CrashPlan) {
  const db = createTestDb();
  const clock = createManualClock(Date.UTC(2026, 0, 1));
  const test = await startKillableHost({
    db,
    clock,
    plan,
    strategies: STRATEGY_SET,
    liquidityShare: LIQUIDITY_SHARE,
    writeBehindMs,
  });
  const botIds: string[] = [];
  for (const config of [LADDER_BOT, SMA_BOT]) {
    const created = await test.host.createBot(config, { start: true });
    if (!created.ok) throw new Error(created.error);
    botIds.push(created.value.id);
  }
  const start = await marketTime(test.host);
  await test.play(MINUTES);
  return { test, db, clock, botIds, end: start + MINUTES * MINUTE };
}

async function uninterruptedRun(): Promise<Run> {
  const { test, db, botIds, end } = await firstHost();
  expect(await marketTime(test.host)).toBe(end);
  await test.host.shutdown();
  return { db, botIds, marketTime: end };
}

/**
 * Kills the first host as `plan` says, lets `atKill` look at what it left behind, then runs a
 * new one on the same database to the end.
 */
async function crashedRun(
  plan: CrashPlan,
  atKill?: (db: FlotillaDb) => Promise<void>,
): Promise<Run> {
  const { test, db, clock, botIds, end } = await firstHost(plan);
  expect(test.isDead()).toBe(true);
  await atKill?.(db);
  const second = await startKillableHost({
    db,
    clock,
    strategies: STRATEGY_SET,
    liquidityShare: LIQUIDITY_SHARE,
    writeBehindMs,
  });
  while ((await marketTime(second.host)) < end) await second.play(1);
  expect(await marketTime(second.host)).toBe(end);
  await second.host.shutdown();
  return { db, botIds, marketTime: end };
}

async function outcome(run: Run) {
  const repo = createOrdersRepository(run.db);
  const bots = [];
  for (const botId of run.botIds) {
    const orders = (await repo.listOrders(botId)).map((order) => ({
      clientOrderId: order.clientOrderId,
      side: order.side,
      type: order.type,
      amount: order.amount,
      price: order.price,
      state: order.state,
      filled: order.filled,
      tag: order.tag,
    }));
    const fills = (await repo.listFills(botId, 100_000))
      .reverse()
      .map(({ tradeId, clientOrderId, side, price, amount, time, fee }) => ({
        tradeId,
        clientOrderId,
        side,
        price,
        amount,
        time,
        fee,
      }));
    const ledger = (await run.db.ledgers.get(botId))?.ledger;
    bots.push({ orders, fills, ledger });
  }
  const exchange = (await run.db.simState.get('sim-default'))?.state as SimulatorState;
  return { bots, exchange };
}

/** No duplicate on the exchange, no orphan either way, ledgers that add up to the account. */
async function expectConsistent(run: Run) {
  const { bots, exchange } = await outcome(run);
  const journal = bots.flatMap((bot) => bot.orders);
  const onExchange = [...exchange.openOrders.map((open) => open.order), ...exchange.closedOrders];
  const exchangeIds = onExchange.map((order) => order.clientOrderId);
  expect(new Set(exchangeIds).size).toBe(exchangeIds.length);
  expect(new Set(exchange.seenClientOrderIds).size).toBe(exchange.seenClientOrderIds.length);
  expect(journal.filter((order) => order.state === 'new' || order.state === 'sent')).toEqual([]);
  const sent = journal.filter((order) => order.state !== 'rejected');
  expect(new Set(exchangeIds)).toEqual(new Set(sent.map((order) => order.clientOrderId)));
  // The journal's state of each order is the exchange's.
  const status = { open: 'open', closed: 'filled', canceled: 'canceled' } as const;
  for (const order of onExchange) {
    const record = journal.find((each) => each.clientOrderId === order.clientOrderId);
    const expected =
      order.status === 'open' && order.filled > 0
        ? 'partially_filled'
        : status[order.status as keyof typeof status];
    expect(record?.state, order.clientOrderId).toBe(expected);
    expect(record?.filled).toBeCloseTo(order.filled, 12);
  }
  const trades = exchange.trades.map((trade) => trade.id).sort();
  expect(bots.flatMap((bot) => bot.fills.map((fill) => fill.tradeId)).sort()).toEqual(trades);
  let cash = 0;
  let position = 0;
  for (const { ledger, fills, orders } of bots) {
    if (!ledger) throw new Error('no ledger');
    expect(Math.abs(reconcileLedger(ledger))).toBeLessThan(1e-9 * ledger.initialCash);
    expect(ledger.tradeCount).toBe(fills.length);
    for (const order of orders) {
      const filled = fills
        .filter((fill) => fill.clientOrderId === order.clientOrderId)
        .reduce((sum, fill) => sum + fill.amount, 0);
      expect(filled).toBeCloseTo(order.filled, 12);
      expect(order.filled).toBeLessThanOrEqual(order.amount * (1 + 1e-12));
    }
    cash += ledger.cash - ledger.initialCash;
    position += ledger.position;
  }
  expect(Math.abs(exchange.balances['USDT']! - 10_000 - cash)).toBeLessThan(1e-9 * 10_000);
  expect(Math.abs(exchange.balances['BTC']! - position)).toBeLessThan(1e-12);
}

describe('killing the worker at each step of an order', () => {
  let reference: Awaited<ReturnType<typeof outcome>> | undefined;
  const expected = async () => {
    if (!reference) {
      const run = await uninterruptedRun();
      await expectConsistent(run);
      reference = await outcome(run);
      const fills = reference.bots.flatMap((bot) => bot.fills);
      const orders = reference.bots.flatMap((bot) => bot.orders);
      // The scenario is worth testing: partial fills, exits from onFill, cancels, both bots.
      expect(orders.filter((order) => order.tag === 'exit').length).toBeGreaterThan(2);
      expect(orders.some((order) => order.state === 'canceled')).toBe(true);
      const partial = orders.filter(
        (order) => fills.filter((fill) => fill.clientOrderId === order.clientOrderId).length > 1,
      );
      expect(partial.length).toBeGreaterThan(2);
      expect(reference.bots[1]?.fills.length).toBeGreaterThan(2);
    }
    return reference;
  };

  /** The order a kill happened on, by client order id (set by `counter`). */
  let killedOrder: string | undefined;
  const counter = (at: number) => {
    let calls = 0;
    return (order?: { clientOrderId: string }) => {
      if (++calls !== at) return false;
      killedOrder = order?.clientOrderId;
      return true;
    };
  };

  /** The killed order is in the journal in `state`, and the exchange never saw it. */
  const journaledUnsent = (state: 'new' | 'sent') => async (db: FlotillaDb) => {
    expect(killedOrder).toBeDefined();
    const record = await db.orders.get(killedOrder ?? '');
    expect(record?.state).toBe(state);
    expect(record?.history.map((entry) => entry.state)).toEqual(
      state === 'new' ? ['new'] : ['new', 'sent'],
    );
    const exchange = (await db.simState.get('sim-default'))?.state as SimulatorState;
    expect(exchange.seenClientOrderIds).not.toContain(killedOrder);
  };

  it.each([
    ['after journaling an order, before marking it sent', 1, 'new'],
    ['after journaling a later order, before marking it sent', 6, 'new'],
    ['after marking an order sent, before the request', 1, 'sent'],
    ['after marking a later order sent, before the request', 6, 'sent'],
  ] as const)(
    '%s: it is sent once on restart, and the run equals an uninterrupted one',
    async (_, at, state) => {
      const plan: CrashPlan =
        state === 'new' ? { afterJournal: counter(at) } : { beforeSend: counter(at) };
      const run = await crashedRun(plan, journaledUnsent(state));
      await expectSameAsUninterrupted(run);
      const record = await run.db.orders.get(killedOrder ?? '');
      // Sent once by the second host (a `sent` one is re-sent with the same client order id).
      const marks = record?.history.filter((entry) => entry.state === 'sent') ?? [];
      expect(marks.map((mark) => mark.note)).toEqual(
        state === 'new' ? [undefined] : [undefined, 'Re-sent: the exchange never received it'],
      );
      expect(['open', 'partially_filled', 'filled', 'canceled']).toContain(record?.state);
    },
    120_000,
  );

  const cases: [string, CrashPlan][] = [
    [
      'after the exchange accepted an order, before the acknowledgement',
      { afterAccept: counter(2) },
    ],
    ['after the exchange accepted a later order', { afterAccept: counter(7) }],
    ['after a partial fill was committed', { afterFill: (fill) => fill.isPartial && counter(1)() }],
    [
      'after a partial fill on the exchange, before the engine committed it',
      { beforeFill: (fill) => fill.isPartial },
    ],
    [
      'after the fill that completed an entry, before the exit is placed from onFill',
      {
        afterFill: (() => {
          let partials = 0;
          return (fill) => (fill.isPartial ? (partials++, false) : partials > 0);
        })(),
      },
    ],
  ];

  /** Orders, fills, positions and balances equal an uninterrupted run's; nothing doubled. */
  const expectSameAsUninterrupted = async (run: Run) => {
    const reference = await expected();
    await expectConsistent(run);
    const actual = await outcome(run);
    for (const [index, bot] of actual.bots.entries()) {
      const want = reference.bots[index];
      expect(bot.orders).toEqual(want?.orders);
      expect(bot.fills).toEqual(want?.fills);
      expect(bot.ledger?.position).toBeCloseTo(want?.ledger?.position ?? NaN, 12);
      expect(bot.ledger?.cash).toBeCloseTo(want?.ledger?.cash ?? NaN, 8);
    }
    expect(actual.exchange.balances).toEqual(reference.exchange.balances);
  };

  it.each(cases)(
    '%s: the same orders, fills and positions as an uninterrupted run',
    async (_, plan) => expectSameAsUninterrupted(await crashedRun(plan)),
    120_000,
  );
});

describe('with each candle’s equity point and runtime state written behind (as in the worker)', () => {
  beforeAll(() => {
    writeBehindMs = 250;
  });
  afterAll(() => {
    writeBehindMs = undefined;
  });

  let reference: Awaited<ReturnType<typeof outcome>> | undefined;
  const nth = (at: number) => {
    let calls = 0;
    return () => ++calls === at;
  };

  it.each([
    ['after journaling a later order', { afterJournal: nth(6) }],
    ['after the exchange accepted a later order', { afterAccept: nth(7) }],
    ['after a partial fill was committed', { afterFill: (fill) => fill.isPartial && nth(1)() }],
  ] as [string, CrashPlan][])(
    'killed %s: the same orders, fills and positions as an uninterrupted run',
    async (_, plan) => {
      reference ??= await outcome(await uninterruptedRun());
      const run = await crashedRun(plan);
      await expectConsistent(run);
      const actual = await outcome(run);
      for (const [index, bot] of actual.bots.entries()) {
        const want = reference?.bots[index];
        expect(bot.orders).toEqual(want?.orders);
        expect(bot.fills).toEqual(want?.fills);
        expect(bot.ledger?.position).toBeCloseTo(want?.ledger?.position ?? NaN, 12);
        expect(bot.ledger?.cash).toBeCloseTo(want?.ledger?.cash ?? NaN, 8);
      }
      expect(actual.exchange.balances).toEqual(reference?.exchange.balances);
    },
    180_000,
  );
});
