/**
 * The simulator's persisted state: small, JSON-serializable, versioned. Everything needed to
 * resume exactly — the same fills and the same ids — from the last played candle. Market time
 * within the forming candle is not kept: a resumed simulator starts at that candle's open.
 */
import type { ExchangeOrder, ExchangeTrade, Fee } from '../../core/orders/types';

export const SIMULATOR_STATE_VERSION = 1;
/**
 * Closed orders kept for fetchOrder / fetchOrderByClientId; older ones are dropped. With the
 * trade cap this bounds the persisted state near 600 KB (~300 bytes of JSON per entry).
 */
export const MAX_CLOSED_ORDERS = 1_000;
/** Trades kept for fetchMyTrades (reconciling after a reload needs only the recent ones). */
export const MAX_TRADES = 1_000;

/** How many closed orders and trades an account keeps (see SimulatedExchangeOptions.kept). */
export interface KeptHistory {
  closedOrders: number;
  trades: number;
}

export const DEFAULT_KEPT: KeptHistory = { closedOrders: MAX_CLOSED_ORDERS, trades: MAX_TRADES };

/** An open order plus what the simulator holds for it. */
export interface OpenOrderState {
  order: ExchangeOrder;
  /** Funds held while open: quote for buys (price x amount x (1 + fee)), base for sells. */
  reserved: number;
  /**
   * While the order waits for the candle it was placed in: the path point (0 = open .. 3)
   * showing when it was placed, from which it is matched. Undefined (or absent, in a state
   * saved before) once it has rested through a whole candle.
   */
  entryPoint?: number;
  /**
   * A price fixed when the order was placed, used instead of the path's entry point: for the
   * simulator's "signal close" fill model, the close of the candle whose signal placed it; for
   * the paper exchange, the live price showing when an order was placed mid-candle.
   */
  fillPrice?: number;
}

/**
 * What an account simulated with the shared fill model keeps (account.ts mutates it): the
 * simulator's and the paper exchange's states both extend it.
 */
export interface AccountState {
  /** Total balance per currency (free + used); what is used is derived from open orders. */
  balances: Record<string, number>;
  openOrders: OpenOrderState[];
  /** The most recent closed / canceled / rejected orders, oldest first. */
  closedOrders: ExchangeOrder[];
  /** The most recent trades, oldest first. */
  trades: ExchangeTrade[];
  nextOrderSeq: number;
  nextTradeSeq: number;
  /** Every client order id this account has used (never pruned; duplicates are refused). */
  seenClientOrderIds: string[];
}

export interface SimulatorState extends AccountState {
  version: typeof SIMULATOR_STATE_VERSION;
  /** The next candle to play (the one forming): sample index and completed loops. */
  cursor: { index: number; loop: number };
}

/** A fresh account holding `balances`; throws if one is negative or not a number. */
export function createAccountState(balances: Record<string, number>): AccountState {
  for (const [currency, amount] of Object.entries(balances)) {
    if (!(Number.isFinite(amount) && amount >= 0)) {
      throw new Error(`Starting balance of ${currency} must be a non-negative number`);
    }
  }
  return {
    balances: { ...balances },
    openOrders: [],
    closedOrders: [],
    trades: [],
    nextOrderSeq: 1,
    nextTradeSeq: 1,
    seenClientOrderIds: [],
  };
}

export function createInitialState(
  balances: Record<string, number>,
  cursorIndex: number,
  loopLength: number,
): SimulatorState {
  const account = createAccountState(balances);
  return {
    version: SIMULATOR_STATE_VERSION,
    cursor: { index: cursorIndex % loopLength, loop: Math.floor(cursorIndex / loopLength) },
    ...account,
  };
}

/**
 * A copy of a simulator order (its fee copied too): the fields every order has in one literal,
 * then those only some have. On Node 20 a spread copy is several times slower.
 */
export function copyOrder(order: ExchangeOrder): ExchangeOrder {
  const { id, clientOrderId, timestamp, symbol, type, side, amount, filled, remaining } = order;
  const { cost, status, price, triggerPrice, average, lastTradeTimestamp, fee } = order;
  const copy: ExchangeOrder = {
    id,
    clientOrderId,
    timestamp,
    symbol,
    type,
    side,
    amount,
    filled,
    remaining,
    cost,
    status,
  };
  if (price !== undefined) copy.price = price;
  if (triggerPrice !== undefined) copy.triggerPrice = triggerPrice;
  if (average !== undefined) copy.average = average;
  if (lastTradeTimestamp !== undefined) copy.lastTradeTimestamp = lastTradeTimestamp;
  if (fee !== undefined) copy.fee = copyFee(fee);
  return copy;
}

function copyFee({ cost, currency, rate }: Fee): Fee {
  return rate === undefined ? { cost, currency } : { cost, currency, rate };
}

/** One literal with every field: on Node 20 a spread copy is several times slower. */
export function copyTrade(trade: ExchangeTrade): ExchangeTrade {
  const { id, order, clientOrderId, timestamp, symbol, side, type, takerOrMaker } = trade;
  const { price, amount, cost } = trade;
  const fee = copyFee(trade.fee);
  return {
    id,
    order,
    clientOrderId,
    timestamp,
    symbol,
    side,
    type,
    takerOrMaker,
    price,
    amount,
    cost,
    fee,
  };
}

/** Freezes a closed order or a trade: from then on it is shared, never copied. */
export function freezeRecord<T extends { fee?: object }>(record: T): T {
  if (record.fee) Object.freeze(record.fee);
  return Object.freeze(record);
}

/**
 * A copy of an account's state neither the caller nor the simulator can change for the other.
 * Closed orders and trades are frozen, so they are shared rather than copied: a snapshot after
 * every candle stays cheap however long the history is. Other fields are copied shallowly.
 */
export function copyAccountState<T extends AccountState>(state: T): T {
  return {
    ...state,
    balances: { ...state.balances },
    openOrders: state.openOrders.map((open) => ({ ...open, order: copyOrder(open.order) })),
    closedOrders: state.closedOrders.slice(),
    trades: state.trades.slice(),
    seenClientOrderIds: state.seenClientOrderIds.slice(),
  };
}

/** Takes in an account state handed from outside: copied deeply and frozen where it is shared. */
export function adoptAccountState<T extends AccountState>(state: T): T {
  return {
    ...copyAccountState(state),
    closedOrders: state.closedOrders.map((order) => freezeRecord(copyOrder(order))),
    trades: state.trades.map((trade) => freezeRecord(copyTrade(trade))),
  };
}

/** A copy of the simulator's state (see copyAccountState). */
export function copyState(state: SimulatorState): SimulatorState {
  return { ...copyAccountState(state), cursor: { ...state.cursor } };
}

/** Takes in a simulator state handed from outside (see adoptAccountState). */
export function adoptState(state: SimulatorState): SimulatorState {
  return { ...adoptAccountState(state), cursor: { ...state.cursor } };
}

/** Checks a state handed in for resuming; throws with the reason if it cannot be used. */
export function assertResumableState(state: SimulatorState, loopLength: number): void {
  if (state.version !== SIMULATOR_STATE_VERSION) {
    throw new Error(`Unsupported simulator state version ${String(state.version)}`);
  }
  const { index, loop } = state.cursor;
  if (!(Number.isInteger(index) && index >= 0 && index < loopLength && Number.isInteger(loop))) {
    throw new Error('Simulator state cursor does not fit the sample');
  }
  if (loop < 0) throw new Error('Simulator state cursor is negative');
}
