/**
 * The dashboard's "today": PnL since 00:00 (user's time zone) per quote currency, the day(s)
 * it is measured from, and the number of open positions. Simulated bots read the day on their
 * account's replay clock, the others on the wall clock (see todayPnl.ts for why). The equity
 * at 00:00 is read from IndexedDB only when a bot's day changes — not on every live event.
 */
import { Dexie } from 'dexie';
import {
  createEffect,
  createMemo,
  createSignal,
  on,
  onCleanup,
  untrack,
  type Accessor,
} from 'solid-js';
import type { Bot } from '../../core/bot/types';
import type { FlotillaDb } from '../../db';
import { db } from '../db';
import { splitSymbol } from './botMetrics';
import type { BotsStore } from './createBotsStore';
import type { LiveStore } from './createLiveStore';
import {
  clockKindOf,
  countOpenPositions,
  dayStartEquity,
  newestMarketTime,
  startOfLocalDay,
  sumTodayPnl,
  type DayClockKind,
  type TodayRow,
  type TodayTotals,
} from './todayPnl';

/** How often the replay clocks' day is re-read (at 600× a second is 10 market minutes). */
const MARKET_DAY_SAMPLE_MS = 1_000;

/** A day "today" is measured from, on one clock. */
export interface TodayDay {
  kind: DayClockKind;
  /** 00:00 of the day in the user's time zone (UTC ms). */
  start: number;
}

export interface TodayPnl {
  /** Today's PnL per quote currency. */
  totals: Accessor<TodayTotals[]>;
  /** The distinct days in use (one per clock kind, normally), for the label. */
  days: Accessor<TodayDay[]>;
  /** Bots (not archived) holding a position above their market's amount step. */
  openPositions: Accessor<number>;
}

/** The equity point before 00:00 of each bot's day (null: none), keyed "botId@dayStart". */
export type DayStartPoints = Map<string, { equity: number } | null>;

/** The key of a bot's day in DayStartPoints. */
export const dayKey = (botId: string, start: number): string => `${botId}@${start}`;

function sameEntries<K, V>(a: ReadonlyMap<K, V>, b: ReadonlyMap<K, V>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (!b.has(key) || b.get(key) !== value) return false;
  return true;
}

/** For each [botId, dayStart]: the bot's last equity point strictly before dayStart. */
export async function readDayStartPoints(
  database: FlotillaDb,
  wanted: readonly (readonly [string, number])[],
): Promise<DayStartPoints> {
  const points = await database.transaction('r', database.equity, () =>
    Promise.all(
      wanted.map(([botId, start]) =>
        database.equity.where('[botId+time]').between([botId, Dexie.minKey], [botId, start]).last(),
      ),
    ),
  );
  const found: DayStartPoints = new Map();
  wanted.forEach(([botId, start], index) => {
    const point = points[index];
    found.set(dayKey(botId, start), point ? { equity: point.equity } : null);
  });
  return found;
}

/**
 * @param wallNow the wall clock (e.g. createNow()), for paper and live bots.
 * @param amountStepOf the amount step of a bot's market when known (dust is not a position).
 */
export function createTodayPnl(
  store: BotsStore,
  live: LiveStore,
  wallNow: Accessor<number>,
  amountStepOf: (bot: Bot) => number | undefined = () => undefined,
): TodayPnl {
  // The replay clock of each simulated account: the newest market time seen for its bots.
  // Sampled once a second rather than on every live update: only the day it falls in is
  // used, and reading every bot's live figures four times a second cost the dashboard more
  // than anything else in an update of 100 streaming bots.
  const [sample, setSample] = createSignal(0);
  const sampler = setInterval(() => setSample((count) => count + 1), MARKET_DAY_SAMPLE_MS);
  onCleanup(() => clearInterval(sampler));
  const newestMarketTimes = (bots: readonly Bot[]): Map<string, number | undefined> => {
    const times = new Map<string, (number | undefined)[]>();
    for (const bot of bots) {
      if (clockKindOf(bot.config.mode) !== 'market') continue;
      const list = times.get(bot.config.accountId) ?? [];
      list.push(
        live.priceOf(bot.config.symbol)?.time,
        live.botOf(bot.id)?.time,
        store.lastEquityOf(bot.id)?.time,
      );
      times.set(bot.config.accountId, list);
    }
    const now = new Map<string, number | undefined>();
    for (const [accountId, list] of times) now.set(accountId, newestMarketTime(list));
    return now;
  };
  const marketNow = createMemo(() => {
    sample();
    const bots = store.bots();
    return untrack(() => newestMarketTimes(bots));
  });
  // Only the day matters downstream: a new market minute must not recompute the totals.
  const dayStarts = createMemo(
    () => {
      const starts = new Map<string, number | undefined>();
      for (const [accountId, now] of marketNow())
        starts.set(accountId, now === undefined ? undefined : startOfLocalDay(now));
      return starts;
    },
    new Map<string, number | undefined>(),
    { equals: sameEntries },
  );
  const dayStartOf = (bot: Bot): number | undefined => {
    if (clockKindOf(bot.config.mode) === 'market') return dayStarts().get(bot.config.accountId);
    return startOfLocalDay(wallNow());
  };
  // "id@start|…": changes only when a bot joins, leaves or enters a new day.
  const wantedKey = createMemo(() =>
    store
      .bots()
      .flatMap((bot) => {
        const start = dayStartOf(bot);
        return start === undefined ? [] : [dayKey(bot.id, start)];
      })
      .join('|'),
  );
  const [baselines, setBaselines] = createSignal<DayStartPoints>(new Map());
  createEffect(
    on(wantedKey, (key) => {
      const wanted = key
        ? key.split('|').map((each): [string, number] => {
            const at = each.lastIndexOf('@');
            return [each.slice(0, at), Number(each.slice(at + 1))];
          })
        : [];
      // In a task of its own: the day turns inside a live update, which is busy enough.
      setTimeout(() => {
        readDayStartPoints(db, wanted).then(setBaselines, (cause: unknown) =>
          console.warn('Could not read the equity at the start of the day', cause),
        );
      }, 0);
    }),
  );

  const totals = createMemo(() => {
    const rows: TodayRow[] = [];
    for (const bot of store.bots()) {
      const metrics = store.metricsOf(bot);
      const start = dayStartOf(bot);
      const { quote } = splitSymbol(bot.config.symbol);
      // A bot with no known clock never traded: it starts the day with its capital.
      const baseline = start === undefined ? null : baselines().get(dayKey(bot.id, start));
      if (baseline === undefined) continue; // still being read
      rows.push({
        quote,
        equity: metrics.equity,
        startEquity: dayStartEquity(baseline ?? undefined, metrics.capital),
      });
    }
    return sumTodayPnl(rows);
  });

  const days = createMemo(() => {
    const seen = new Map<string, TodayDay>();
    for (const bot of store.bots()) {
      const start = dayStartOf(bot);
      const kind = clockKindOf(bot.config.mode);
      if (start !== undefined) seen.set(`${kind}@${start}`, { kind, start });
    }
    return [...seen.values()].sort((a, b) => a.start - b.start);
  });

  const openPositions = createMemo(() =>
    countOpenPositions(
      store.bots().map((bot) => ({
        position: store.metricsOf(bot).position,
        amountStep: amountStepOf(bot),
      })),
    ),
  );

  return { totals, days, openPositions };
}
