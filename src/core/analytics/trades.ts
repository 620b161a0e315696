/**
 * Round trips from fills, pyfolio-style (`pyfolio.round_trips.extract_round_trips`): buys and
 * sells are matched first-in-first-out; every closing order produces one closed trade, so a
 * partial exit is a trade of its own and a position scaled into with several buys is closed
 * against its oldest lots first. A fill larger than the open position closes it and opens the
 * opposite side with the excess (long → short), as pyfolio does. Unlike pyfolio, amounts are
 * continuous and fees are included: each lot carries its entry fee, and the share of entry
 * and exit fees belonging to the closed amount is charged to the trade.
 *
 * Fees are converted to quote: a fee in `baseCurrency` is worth fee × fill price, and it
 * changes the coins moved (a buy receives amount − fee; a sell gives up amount + fee), the
 * same rules as the ledger. Fees in any other currency are taken as already in quote.
 * Fills with a non-positive or non-finite price or amount are ignored; nothing throws.
 */
import type { Fill } from '../portfolio/types';
import type { TimestampMs } from '../time';

/** One round trip: an amount opened at entry and closed at exit. Money is in quote currency. */
export interface ClosedTrade {
  side: 'long' | 'short';
  /** Time of the oldest lot this exit closed (pyfolio's `open_dt`). */
  entryTime: TimestampMs;
  /** Time of the (last) exit fill. */
  exitTime: TimestampMs;
  /** Amount-weighted price of the closed lots. */
  entryPrice: number;
  /** Amount-weighted exit fill price. */
  exitPrice: number;
  /** Base amount closed. */
  amount: number;
  /** Entry-fee share of the closed amount plus the exit fees, in quote. */
  fees: number;
  /** Net result in quote: (exit − entry) × amount for a long, (entry − exit) × amount for a short, minus fees. */
  pnl: number;
  /**
   * Net return on the capital the trade committed, as a FRACTION (0.012 = +1.2 %):
   * pnl / (entryPrice × amount) — pyfolio's `rt_returns` (pnl / invested), with fees.
   */
  returnPct: number;
  /** Why it was closed: the exit order's tag (e.g. `sma-cross-down`, `stop-loss`), when known. */
  exitReason?: string;
  /** Client order id of the order that opened the oldest lot this exit closed. */
  entryClientOrderId: string;
  /** Client order id of the exit order. */
  exitClientOrderId: string;
}

/** Part of a position still open after the last fill. */
export interface OpenLot {
  side: 'long' | 'short';
  time: TimestampMs;
  price: number;
  /** Base amount still open. */
  amount: number;
  /** Entry fee not yet charged to a trade, in quote. */
  fees: number;
}

export interface TradesFromFillsOptions {
  /** The market's base currency, to recognise fees charged in coins (e.g. "BTC"). */
  baseCurrency?: string;
  /** Exit reason for a closing order, usually its tag. */
  exitReason?: (clientOrderId: string) => string | undefined;
}

/** Relative size below which a remainder is float dust from summing fills. */
const DUST = 1e-9;

interface Lot extends OpenLot {
  initialAmount: number;
  clientOrderId: string;
}

interface Working {
  side: 'long' | 'short';
  entryTime: TimestampMs;
  exitTime: TimestampMs;
  amount: number;
  entryValue: number;
  exitValue: number;
  grossPnl: number;
  fees: number;
  entryClientOrderId: string;
  clientOrderId: string;
}

/** What one fill does to the position: signed base change and its fee in quote. */
function normalise(fill: Fill, baseCurrency: string | undefined) {
  const fee = Number.isFinite(fill.fee) && fill.fee > 0 ? fill.fee : 0;
  const isBaseFee = baseCurrency !== undefined && fill.feeCurrency === baseCurrency;
  const baseFee = isBaseFee ? fee : 0;
  const amount = fill.side === 'buy' ? fill.amount - baseFee : fill.amount + baseFee;
  return { amount, feeInQuote: isBaseFee ? fee * fill.price : fee };
}

function isUsable(fill: Fill): boolean {
  return (
    Number.isFinite(fill.price) && Number.isFinite(fill.amount) && fill.price > 0 && fill.amount > 0
  );
}

function finish(work: Working, reason: string | undefined): ClosedTrade {
  const pnl = work.grossPnl - work.fees;
  const trade: ClosedTrade = {
    side: work.side,
    entryTime: work.entryTime,
    exitTime: work.exitTime,
    entryPrice: work.entryValue / work.amount,
    exitPrice: work.exitValue / work.amount,
    amount: work.amount,
    fees: work.fees,
    pnl,
    returnPct: work.entryValue > 0 ? pnl / work.entryValue : 0,
    entryClientOrderId: work.entryClientOrderId,
    exitClientOrderId: work.clientOrderId,
  };
  if (reason !== undefined) trade.exitReason = reason;
  return trade;
}

/**
 * Matches fills FIFO into closed trades and the lots still open (see the file header).
 * Fills are taken in time order (stable for equal times). Consecutive closing fills of the
 * same order merge into one trade. For each closed piece q of a lot opened at pₑ and closed at
 * pₓ: gross = (pₓ − pₑ)·q (long) or (pₑ − pₓ)·q (short); fees = lotFee·q/lotAmount +
 * exitFee·q/exitAmount; pnl = Σ gross − Σ fees. [] → no trades, no lots.
 */
export function pairFills(
  fills: readonly Fill[],
  options: TradesFromFillsOptions = {},
): { trades: ClosedTrade[]; openLots: OpenLot[] } {
  const ordered = fills.filter(isUsable).sort((a, b) => a.time - b.time);
  const lots: Lot[] = [];
  const closed: Working[] = [];
  let merging: Working | undefined;
  for (const fill of ordered) {
    const { amount, feeInQuote } = normalise(fill, options.baseCurrency);
    if (!(amount > 0)) continue;
    const opens: 'long' | 'short' = fill.side === 'buy' ? 'long' : 'short';
    let remaining = amount;
    let work: Working | undefined;
    const continued = merging?.clientOrderId === fill.clientOrderId ? merging : undefined;
    while (remaining > DUST * amount && lots[0] !== undefined && lots[0].side !== opens) {
      const lot = lots[0];
      const isLotDone = lot.amount - remaining <= DUST * lot.initialAmount;
      const take = isLotDone ? lot.amount : remaining;
      const entryFee = isLotDone ? lot.fees : (lot.fees * take) / lot.amount;
      if (work === undefined && continued?.side === lot.side) work = continued;
      if (work === undefined) {
        work = {
          side: lot.side,
          entryTime: lot.time,
          exitTime: fill.time,
          amount: 0,
          entryValue: 0,
          exitValue: 0,
          grossPnl: 0,
          fees: 0,
          entryClientOrderId: lot.clientOrderId,
          clientOrderId: fill.clientOrderId,
        };
        closed.push(work);
      }
      const direction = lot.side === 'long' ? 1 : -1;
      work.exitTime = fill.time;
      work.entryTime = Math.min(work.entryTime, lot.time);
      work.amount += take;
      work.entryValue += lot.price * take;
      work.exitValue += fill.price * take;
      work.grossPnl += direction * (fill.price - lot.price) * take;
      work.fees += entryFee + (feeInQuote * Math.min(take, remaining)) / amount;
      remaining = Math.max(0, remaining - take);
      lot.amount -= take;
      lot.fees -= entryFee;
      if (isLotDone) lots.shift();
    }
    merging = work;
    if (remaining > DUST * amount) {
      lots.push({
        side: opens,
        time: fill.time,
        price: fill.price,
        amount: remaining,
        initialAmount: remaining,
        fees: (feeInQuote * remaining) / amount,
        clientOrderId: fill.clientOrderId,
      });
      merging = undefined;
    } else if (work !== undefined && remaining > 0) {
      // Dust left over from float sums: its share of the fee still belongs to this exit.
      work.fees += (feeInQuote * remaining) / amount;
    }
  }
  return {
    trades: closed.map((work) => finish(work, options.exitReason?.(work.clientOrderId))),
    openLots: lots.map(({ side, time, price, amount, fees }) => ({
      side,
      time,
      price,
      amount,
      fees,
    })),
  };
}

/**
 * Closed round trips from fills, FIFO, fees included, partial exits as trades of their own
 * (see `pairFills`; the still-open remainder is not a trade). [] → [].
 */
export function tradesFromFills(
  fills: readonly Fill[],
  options: TradesFromFillsOptions = {},
): ClosedTrade[] {
  return pairFills(fills, options).trades;
}
