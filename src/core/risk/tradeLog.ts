/**
 * A bot's round trips ("trades"), derived from its ledger: a trade opens when a buy takes the
 * position off flat and closes when a sell brings it back to flat. Its PnL is the realized PnL
 * minus every fee paid while it was open. The limits (trades per day, cooldown after a loss)
 * read this log. Pure: the ledgers before and after each fill in, a new log out. Feed it every
 * fill; a position already held when the log starts is adopted as a trade opened at the first
 * fill seen.
 */
import type { Ledger } from '../portfolio/types';
import type { TimestampMs } from '../time';

export interface TradeRecord {
  openedAt: TimestampMs;
  /** Undefined while the trade is open. */
  closedAt?: TimestampMs;
  /** Realized PnL net of fees, in quote; final once closed. */
  pnl: number;
}

/**
 * The log after one fill that changed the ledger from `before` to `after` at `time`. A
 * position of at most `dust` (base currency; the market's amount step) counts as flat.
 *
 * @example
 * let log: TradeRecord[] = [];
 * log = recordFillInTradeLog(log, flatLedger, longLedger, t0); // [{ openedAt: t0, pnl: -fee }]
 */
export function recordFillInTradeLog(
  log: readonly TradeRecord[],
  before: Pick<Ledger, 'position' | 'realizedPnl' | 'feesPaid'>,
  after: Pick<Ledger, 'position' | 'realizedPnl' | 'feesPaid'>,
  time: TimestampMs,
  dust = 0,
): TradeRecord[] {
  const change = after.realizedPnl - after.feesPaid - (before.realizedPnl - before.feesPaid);
  const wasFlat = before.position <= dust;
  const isFlat = after.position <= dust;
  const last = log.at(-1);
  const open = last && last.closedAt === undefined ? last : undefined;
  const earlier = open ? log.slice(0, -1) : [...log];
  if (open) {
    const updated: TradeRecord = { ...open, pnl: open.pnl + change };
    if (isFlat) updated.closedAt = time;
    return [...earlier, updated];
  }
  if (wasFlat && isFlat) return earlier;
  // From flat this fill opens a trade; a position held before the log began is adopted here.
  const trade: TradeRecord = { openedAt: time, pnl: change };
  if (isFlat) trade.closedAt = time;
  return [...earlier, trade];
}

/** Drops trades closed before `nowMs − keepMs` (open trades are always kept). */
export function pruneTradeLog(
  log: readonly TradeRecord[],
  nowMs: TimestampMs,
  keepMs: number,
): TradeRecord[] {
  return log.filter((trade) => trade.closedAt === undefined || trade.closedAt >= nowMs - keepMs);
}
