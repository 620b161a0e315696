/**
 * A bot's capital ledger as pure functions: fills in, new ledger out. Nothing is rounded; the
 * invariant initialCash + realizedPnl − feesPaid = cash + position × averageEntry holds to
 * float precision after any sequence of fills (see `reconcileLedger`).
 *
 * Fees may be charged in quote (cash) or base (coins): a base fee on a buy reduces the coins
 * received; on a sell it is taken from the position on top of the amount sold, and those
 * coins count as disposed of at the fill price (so their PnL is realized too).
 */
import type { Fill, Ledger } from './types';

/** A fill the ledger cannot apply (bad numbers, unknown fee currency, selling more than held). */
export class LedgerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LedgerError';
  }
}

/** Relative size below which a remaining position is float dust from summing fills: flat. */
const FLAT_TOLERANCE = 1e-12;
/** Relative slack when a sell equals the position up to float noise of summed buys. */
const OVERSELL_TOLERANCE = 1e-9;

/** A fresh ledger holding `cash` of quote currency and no position. */
export function createLedger(options: { base: string; quote: string; cash: number }): Ledger {
  const { base, quote, cash } = options;
  if (!(Number.isFinite(cash) && cash >= 0)) {
    throw new LedgerError(`Initial cash must be a number ≥ 0, got ${cash}.`);
  }
  return {
    base,
    quote,
    initialCash: cash,
    cash,
    position: 0,
    averageEntry: 0,
    realizedPnl: 0,
    feesPaid: 0,
    tradeCount: 0,
  };
}

function assertValidFill(ledger: Ledger, fill: Fill): void {
  const { price, amount, fee } = fill;
  if (![price, amount, fee].every(Number.isFinite) || price <= 0 || amount <= 0 || fee < 0) {
    throw new LedgerError(
      `Fill ${fill.tradeId} needs a positive price and amount and a fee ≥ 0, got price ${price}, amount ${amount}, fee ${fee}.`,
    );
  }
  if (fill.feeCurrency !== ledger.base && fill.feeCurrency !== ledger.quote && fee > 0) {
    throw new LedgerError(
      `Fill ${fill.tradeId} charged its fee in ${fill.feeCurrency}, neither ${ledger.base} nor ${ledger.quote}; convert it first.`,
    );
  }
}

function applyBuy(ledger: Ledger, fill: Fill, fees: FillFees): Ledger {
  const { quoteFee, baseFee } = fees;
  const received = fill.amount - baseFee;
  if (received < 0) {
    throw new LedgerError(
      `Fill ${fill.tradeId} charged a fee of ${baseFee} ${ledger.base}, more than the ${fill.amount} bought.`,
    );
  }
  const cash = ledger.cash - fill.price * fill.amount - quoteFee;
  const averageEntry = weightedEntry(ledger, fill.price, received);
  const position = ledger.position + received;
  return afterFill(ledger, fees, cash, position, averageEntry, ledger.realizedPnl);
}

/** A fill's fee, split by currency, and what it adds to the fees paid (in quote). */
interface FillFees {
  quoteFee: number;
  baseFee: number;
  paid: number;
}

/**
 * The ledger after a fill, given its new figures: one literal with every field, as createLedger
 * makes it (on Node 20 a spread copy is several times slower); one trade more, its fee paid.
 */
function afterFill(
  ledger: Ledger,
  fees: FillFees,
  cash: number,
  position: number,
  averageEntry: number,
  realizedPnl: number,
): Ledger {
  const { base, quote, initialCash } = ledger;
  const feesPaid = ledger.feesPaid + fees.paid;
  const tradeCount = ledger.tradeCount + 1;
  return {
    base,
    quote,
    initialCash,
    cash,
    position,
    averageEntry,
    realizedPnl,
    feesPaid,
    tradeCount,
  };
}

/**
 * Volume-weighted entry after adding `received` at `price`. From flat it is the price itself
 * (not p·r/r, which can differ by an ulp), and it is clamped between the old entry and the
 * price so float noise never puts it outside the prices actually paid.
 */
function weightedEntry(ledger: Ledger, price: number, received: number): number {
  if (ledger.position <= 0) return price;
  if (received <= 0) return ledger.averageEntry;
  const { position, averageEntry } = ledger;
  const average = (position * averageEntry + price * received) / (position + received);
  return Math.min(Math.max(average, Math.min(averageEntry, price)), Math.max(averageEntry, price));
}

function applySell(ledger: Ledger, fill: Fill, fees: FillFees): Ledger {
  const { quoteFee, baseFee } = fees;
  const disposed = fill.amount + baseFee;
  const remaining = ledger.position - disposed;
  if (remaining < -OVERSELL_TOLERANCE * Math.max(ledger.position, disposed)) {
    throw new LedgerError(
      `Fill ${fill.tradeId} sells ${disposed} ${ledger.base} but the bot holds only ${ledger.position}.`,
    );
  }
  const isFlat = remaining <= FLAT_TOLERANCE * Math.max(ledger.position, disposed);
  const cash = ledger.cash + fill.price * fill.amount - quoteFee;
  const realizedPnl = ledger.realizedPnl + (fill.price - ledger.averageEntry) * disposed;
  return isFlat
    ? afterFill(ledger, fees, cash, 0, 0, realizedPnl)
    : afterFill(ledger, fees, cash, remaining, ledger.averageEntry, realizedPnl);
}

/**
 * Applies one fill and returns the new ledger (the input is untouched).
 * Buy: cash −= price·amount (+ quote fee); position += amount (− base fee); average entry is
 * volume-weighted. Sell: cash += price·amount − quote fee; realizedPnl += (price − average
 * entry)·amount; position −= amount (+ base fee); average entry resets to 0 when flat.
 * feesPaid grows by the fee in quote (base fees at the fill price); tradeCount by one.
 *
 * @throws LedgerError for non-positive price/amount, a negative fee, a fee in a third
 *   currency, or a sell of more than the position (beyond a relative 1e-9).
 */
export function applyFill(ledger: Ledger, fill: Fill): Ledger {
  assertValidFill(ledger, fill);
  const isBaseFee = fill.feeCurrency === ledger.base && fill.feeCurrency !== ledger.quote;
  // One of the two is 0: the fee is paid in one currency (base fees valued at the fill price).
  const fees: FillFees = isBaseFee
    ? { quoteFee: 0, baseFee: fill.fee, paid: fill.fee * fill.price }
    : { quoteFee: fill.fee, baseFee: 0, paid: fill.fee };
  return fill.side === 'buy' ? applyBuy(ledger, fill, fees) : applySell(ledger, fill, fees);
}

/** Cash plus the position valued at `price`, in quote. */
export function ledgerEquity(ledger: Ledger, price: number): number {
  return ledger.cash + ledger.position * price;
}

/** Paper profit of the open position at `price`, in quote (fees excluded). */
export function unrealizedPnl(ledger: Ledger, price: number): number {
  return ledger.position * (price - ledger.averageEntry);
}

/**
 * The accounting residual initialCash + realizedPnl − feesPaid − (cash + position ×
 * averageEntry). Zero up to float noise for a correct ledger: within 1e-9 of the largest
 * term (initialCash, |cash|, |realizedPnl|, feesPaid or position × averageEntry).
 */
export function reconcileLedger(ledger: Ledger): number {
  const { initialCash, realizedPnl, feesPaid, cash, position, averageEntry } = ledger;
  return initialCash + realizedPnl - feesPaid - (cash + position * averageEntry);
}
