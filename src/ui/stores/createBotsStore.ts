/**
 * The dashboard's data: every bot (reconciled by id), its ledger and (polled) last action from IndexedDB,
 * valued at the live price; plus the portfolio totals per quote currency and status counts.
 */
import { Dexie } from 'dexie';
import {
  createEffect,
  createMemo,
  createSignal,
  getOwner,
  on,
  onCleanup,
  runWithOwner,
  type Accessor,
} from 'solid-js';
import type { Bot, BotStatus } from '../../core/bot/types';
import type { Ledger } from '../../core/portfolio/types';
import { decodeBots } from '../../db';
import { STATUS_LABELS } from '../components/StatusIndicator';
import { configCodec } from '../configCodec';
import { db } from '../db';
import { createDecodedLiveList, createLiveList } from '../liveQuery';
import type { LiveStore } from './createLiveStore';
import { computeBotMetrics, splitSymbol, type BotMetrics } from './botMetrics';
import { createLastActionsReader, type LastAction } from './lastActions';
import { stepsOf, type MarketLookup, type MarketSteps } from './marketCatalog';

export interface QuoteTotals {
  quote: string;
  equity: number;
  capital: number;
  pnl: number;
  pnlRatio: number;
}

/** A bot's newest stored equity point: its market time (UTC ms) and the price then. */
export interface LastEquity {
  time: number;
  price: number;
}

export type { LastAction } from './lastActions';

export type StatusCounts = Record<'running' | 'paused' | 'stopped' | 'error', number>;

export interface BotsStore {
  /** Bots that are not archived, oldest first; each object keeps its identity across updates. */
  bots: Accessor<readonly Bot[]>;
  /** Every bot, archived ones included, oldest first (the list shows archived ones on request). */
  everyBot: Accessor<readonly Bot[]>;
  /** An exchange account's display name (its id until the accounts have loaded). */
  accountName(accountId: string): string;
  loaded: Accessor<boolean>;
  error: Accessor<unknown>;
  /** The best known price of a bot's market (reactive). */
  priceOf(bot: Bot): number | undefined;
  /** The bot's newest stored equity point, read when the list changes (reactive). */
  lastEquityOf(botId: string): LastEquity | undefined;
  metricsOf(bot: Bot): BotMetrics;
  /** The price and amount steps of the bot's market, once its account's markets are known. */
  stepsOf(bot: Bot): MarketSteps;
  /** The bot's newest timeline event (falls back to its last update). */
  lastActionOf(bot: Bot): LastAction;
  totals: Accessor<QuoteTotals[]>;
  counts: Accessor<StatusCounts>;
}

/** Each bot's last equity point: its price is a fallback until live prices stream in. */
async function lastEquityPoints(ids: readonly string[]): Promise<Record<string, LastEquity>> {
  const points = await db.transaction('r', db.equity, () =>
    Promise.all(
      ids.map((id) =>
        db.equity.where('[botId+time]').between([id, Dexie.minKey], [id, Dexie.maxKey]).last(),
      ),
    ),
  );
  const last: Record<string, LastEquity> = {};
  for (const point of points)
    if (point) last[point.botId] = { time: point.time, price: point.price };
  return last;
}

/** How often the last actions are re-read: fresh enough for "2 min ago". */
const LAST_ACTION_REFRESH_MS = 3_000;

const COUNTED: readonly BotStatus[] = ['running', 'paused', 'stopped', 'error'];

export function createBotsStore(live: LiveStore, markets?: MarketLookup): BotsStore {
  const allBots = createDecodedLiveList(
    () => db.bots.toArray(),
    'id',
    (rows) => decodeBots(configCodec, rows),
  );
  const ledgerRows = createLiveList(() => db.ledgers.toArray(), 'botId');
  const [lastActions, setLastActions] = createSignal<Record<string, LastAction>>({});
  const accounts = createLiveList(() => db.accounts.toArray(), 'id');
  const [lastEquity, setLastEquity] = createSignal<Record<string, LastEquity>>({});

  const everyBot = createMemo(() => [...allBots()].sort((a, b) => a.createdAt - b.createdAt));
  const bots = createMemo(() => everyBot().filter((bot) => bot.status !== 'archived'));
  const ledgers = createMemo(() => {
    const byBot = new Map<string, Ledger>();
    for (const row of ledgerRows()) byBot.set(row.botId, row.ledger);
    return byBot;
  });
  const idsKey = createMemo(() =>
    bots()
      .map((bot) => bot.id)
      .join('|'),
  );
  createEffect(
    on(idsKey, (key) => {
      const ids = key ? key.split('|') : [];
      lastEquityPoints(ids).then(setLastEquity, (cause: unknown) =>
        console.warn('Could not read last equity prices', cause),
      );
    }),
  );

  // Last actions are re-read when a bot's status changes and every few seconds, not by a live
  // query: that would re-run for every bot on every event a busy fleet writes.
  const lastActionsReader = createLastActionsReader(db);
  const readLastActions = (): void => {
    lastActionsReader
      .read()
      .then(setLastActions, (cause: unknown) => console.warn('Could not read last actions', cause));
  };
  createEffect(
    on(
      () =>
        allBots()
          .map((bot) => `${bot.id}:${bot.status}:${bot.configVersion}`)
          .join('|'),
      readLastActions,
    ),
  );
  const lastActionTimer = setInterval(() => {
    if (!document.hidden) readLastActions();
  }, LAST_ACTION_REFRESH_MS);
  onCleanup(() => clearInterval(lastActionTimer));

  const priceOf = (bot: Bot): number | undefined =>
    live.priceOf(bot.config.symbol)?.price ??
    live.botOf(bot.id)?.price ??
    lastEquity()[bot.id]?.price;
  // One memo per bot, shared by its row, the totals, today's PnL and the positions count: a
  // live update then values each bot once, not once per reader.
  const owner = getOwner();
  const metricsMemos = new Map<string, Accessor<BotMetrics>>();
  const metricsOf = (bot: Bot): BotMetrics => {
    let memo = metricsMemos.get(bot.id);
    if (!memo) {
      memo = runWithOwner(owner, () =>
        createMemo(() =>
          computeBotMetrics(ledgers().get(bot.id), bot.config.allocation, priceOf(bot)),
        ),
      );
      if (!memo)
        return computeBotMetrics(ledgers().get(bot.id), bot.config.allocation, priceOf(bot));
      metricsMemos.set(bot.id, memo);
    }
    return memo();
  };

  const totals = createMemo(() => {
    const byQuote = new Map<string, QuoteTotals>();
    for (const bot of bots()) {
      const { quote } = splitSymbol(bot.config.symbol);
      const metrics = metricsOf(bot);
      const total = byQuote.get(quote) ?? { quote, equity: 0, capital: 0, pnl: 0, pnlRatio: 0 };
      total.equity += metrics.equity;
      total.capital += metrics.capital;
      total.pnl += metrics.pnl;
      byQuote.set(quote, total);
    }
    return [...byQuote.values()].map((total) => ({
      ...total,
      pnlRatio: total.capital === 0 ? 0 : total.pnl / total.capital,
    }));
  });

  const counts = createMemo(() => {
    const result: StatusCounts = { running: 0, paused: 0, stopped: 0, error: 0 };
    for (const bot of bots()) {
      const status = bot.status === 'draft' ? 'stopped' : bot.status;
      if ((COUNTED as readonly string[]).includes(status)) result[status as keyof StatusCounts]++;
    }
    return result;
  });

  return {
    bots,
    everyBot,
    accountName: (id) => accounts().find((account) => account.id === id)?.name ?? id,
    loaded: allBots.loaded,
    error: allBots.error,
    priceOf,
    lastEquityOf: (botId) => lastEquity()[botId],
    metricsOf,
    stepsOf: (bot) => stepsOf(markets?.marketOf(bot.config.accountId, bot.config.symbol)),
    lastActionOf: (bot) =>
      lastActions()[bot.id] ?? { time: bot.updatedAt, message: STATUS_LABELS[bot.status] },
    totals,
    counts,
  };
}
