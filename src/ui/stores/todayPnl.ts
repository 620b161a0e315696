/**
 * "Today" on the dashboard: PnL since 00:00 in the user's time zone and the open positions.
 * Which clock "today" is read on depends on the bot's market: live and paper bots trade real
 * candles, so it is the wall clock; a simulated bot's equity and fills carry the replay's
 * market time (March 2023 and on), so its "today" is the replay's current day — otherwise a
 * replay running at 60× would put a month of simulated trading into one real day. Pure.
 */
import type { BotMode } from '../../core/bot/types';

/** The clock a bot's day is read on. */
export type DayClockKind = 'market' | 'wall';

export interface DayClock {
  kind: DayClockKind;
  /** Now on that clock (UTC ms). */
  now: number;
}

/** 00:00 in the user's time zone of the day that contains `time` (UTC ms in, UTC ms out). */
export function startOfLocalDay(time: number): number {
  const day = new Date(time);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

/** Simulated bots run on the replay's clock; paper and live bots on the wall clock. */
export function clockKindOf(mode: BotMode): DayClockKind {
  return mode === 'simulated' ? 'market' : 'wall';
}

/**
 * The replay's "now" as far as the page knows it: the newest of the market times it has seen
 * (live ticks, the bots' live reports, their newest stored equity points); undefined if none.
 */
export function newestMarketTime(times: readonly (number | undefined)[]): number | undefined {
  let newest: number | undefined;
  for (const time of times) {
    if (time !== undefined && Number.isFinite(time) && (newest === undefined || time > newest)) {
      newest = time;
    }
  }
  return newest;
}

/**
 * The equity a bot had when the day began: its last equity point before 00:00, or, with no
 * point before then (it first traded today, or never), the capital it started with.
 */
export function dayStartEquity(
  pointBefore: { equity: number } | undefined,
  capital: number,
): number {
  return pointBefore?.equity ?? capital;
}

export interface TodayRow {
  quote: string;
  /** Equity now, valued as the rest of the dashboard values it. */
  equity: number;
  /** Equity at 00:00 (dayStartEquity). */
  startEquity: number;
}

export interface TodayTotals {
  quote: string;
  pnl: number;
  /** pnl / equity at 00:00; 0 when that equity is 0. */
  pnlRatio: number;
}

/** Today's PnL per quote currency (USDT and USDC are not summed as one), in first-seen order. */
export function sumTodayPnl(rows: readonly TodayRow[]): TodayTotals[] {
  const byQuote = new Map<string, { pnl: number; start: number }>();
  for (const row of rows) {
    const total = byQuote.get(row.quote) ?? { pnl: 0, start: 0 };
    total.pnl += row.equity - row.startEquity;
    total.start += row.startEquity;
    byQuote.set(row.quote, total);
  }
  return [...byQuote].map(([quote, total]) => ({
    quote,
    pnl: total.pnl,
    pnlRatio: total.start === 0 ? 0 : total.pnl / total.start,
  }));
}

/**
 * Whether a position is open: more than the market's amount step when it is known (dust below
 * one step cannot be sold, so the engine treats it as flat), else more than zero.
 */
export function isOpenPosition(position: number, amountStep?: number): boolean {
  return amountStep === undefined ? position > 0 : position >= amountStep;
}

/** How many of the positions are open (see isOpenPosition). */
export function countOpenPositions(
  positions: readonly { position: number; amountStep?: number }[],
): number {
  return positions.filter((each) => isOpenPosition(each.position, each.amountStep)).length;
}
