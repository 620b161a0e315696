/**
 * A simulated account, shared by the simulated and the paper exchange: balances, open and recent
 * orders, trades, id sequences and the client order ids already used, all kept in one
 * AccountState object it mutates (book-keeping and fees in settlement.ts). Orders are matched
 * with the shared fill model (matching.ts) against each played candle's intrabar path, and —
 * for the paper exchange — resting orders against live ticks between candles. With a liquidity
 * share, resting (maker) fills of one candle take at most that share of the candle's volume
 * between them, so a large limit order fills over several candles (partially filled in
 * between). Market, marketable and stop orders fill completely. Returns copies, never its own
 * objects.
 */
import { ExchangeError } from '../../core/exchangePort';
import type { Balances } from '../../core/exchangePort';
import type { IntrabarPath } from '../../core/market/intrabarPath';
import type { Market } from '../../core/market/types';
import type { ExchangeOrder, ExchangeTrade, OrderRequest } from '../../core/orders/types';
import { floorToStep } from '../../core/market/steps';
import { roundToStep } from './markets';
import { planCandleFills } from './matching';
import { createSettlement } from './settlement';
import { copyOrder, copyTrade, DEFAULT_KEPT, type KeptHistory } from './state';
import type { AccountState, OpenOrderState } from './state';
import { validateOrder } from './validation';

/** Spacing of the intrabar path's points in market time (4 points per 1m candle). */
export const PATH_POINT_MS = 15_000;
/** Points of the intrabar path per candle (open, two extremes, close). */
export const PATH_POINTS = 4;

export interface AccountChanges {
  orders: ExchangeOrder[];
  trades: ExchangeTrade[];
}

/** What a candle changes when no order is open: shared, so frozen. */
const NO_CHANGES: AccountChanges = Object.freeze({
  orders: Object.freeze([]) as unknown as ExchangeOrder[],
  trades: Object.freeze([]) as unknown as ExchangeTrade[],
});

export interface Account {
  /** Per currency: every currency held or traded on a market, or exactly `currencies`. */
  balances(currencies?: Iterable<string>): Balances;
  /** Places an order at market `time`, when path point `entryPoint` (price `lastPrice`) shows. */
  /** `fillPrice`: a market order fills there (the signal candle's close) instead of the path. */
  place(
    request: OrderRequest,
    time: number,
    lastPrice: number,
    entryPoint: number,
    fillPrice?: number,
  ): ExchangeOrder;
  cancel(id: string, symbol: string): ExchangeOrder;
  /**
   * Fills what candle `candleTime` (with `volume` traded, base) of `symbol` fills (matching.ts);
   * afterwards every order still open rests (has no entry point).
   */
  playCandle(
    symbol: string,
    path: IntrabarPath,
    candleTime: number,
    volume?: number,
  ): AccountChanges;
  /**
   * Fills the resting orders of `symbol` (those that have been through a played candle) that a
   * live price move from `from` to `to` at `time` crosses: limits at their price (maker), stops
   * at their trigger ± slippage (taker). Orders still waiting for their first candle are left.
   */
  playTick(symbol: string, from: number, to: number, time: number): AccountChanges;
  findOrder(id: string, symbol: string): ExchangeOrder | undefined;
  findByClientId(clientOrderId: string, symbol: string): ExchangeOrder | undefined;
  openOrders(symbol?: string): ExchangeOrder[];
  trades(symbol: string, since?: number): ExchangeTrade[];
}

export interface AccountOptions {
  /** Market orders and triggered stops fill this much worse than the price showing. */
  slippageBps: number;
  /** Share (0, 1] of each candle's volume that resting fills may take; undefined = no cap. */
  liquidityShare?: number;
  /** Names orders and trades: `<prefix>-o-<n>`, `<prefix>-t-<n>`; default "sim". */
  idPrefix?: string;
  /** Market time between path points: a quarter of the candle (PATH_POINT_MS for 1m). */
  pointMs?: number;
  /** Closed orders and trades kept for lookups (default 1,000 each). */
  kept?: KeptHistory;
}

export function createAccount(
  state: AccountState,
  markets: Readonly<Record<string, Market>>,
  options: AccountOptions,
): Account {
  const { slippageBps, liquidityShare, idPrefix = 'sim', pointMs = PATH_POINT_MS } = options;
  const kept = options.kept ?? DEFAULT_KEPT;
  const seen = new Set(state.seenClientOrderIds);
  const { used, free, close, applyFill } = createSettlement(state, markets, idPrefix, kept);

  /**
   * Plays `path` for `orders` (one symbol); the path shows point k at `start + k * spacing`
   * (spacing 0: every point at `start`, a live move).
   */
  const play = (
    symbol: string,
    orders: readonly OpenOrderState[],
    path: IntrabarPath,
    start: number,
    spacing: number,
    volume: number,
  ): AccountChanges => {
    const planned = planCandleFills(orders, path, slippageBps);
    if (planned.length === 0) return NO_CHANGES;
    const changes: AccountChanges = { orders: [], trades: [] };
    const step = (markets[symbol] as Market).precision.amount;
    let liquidity = liquidityShare === undefined ? Infinity : liquidityShare * volume;
    for (const fill of planned) {
      const time = Math.max(fill.open.order.timestamp, start + fill.point * spacing);
      const { remaining } = fill.open.order;
      let amount = remaining;
      if (fill.takerOrMaker === 'maker') {
        if (liquidity < remaining) amount = floorToStep(liquidity, step);
        if (amount < step) continue;
        liquidity -= amount;
      }
      const trade = applyFill(fill, time, amount);
      if (trade) changes.trades.push(copyTrade(trade));
      changes.orders.push(copyOrder(fill.open.order));
    }
    return changes;
  };

  const findOpen = (id: string): OpenOrderState | undefined =>
    state.openOrders.find((open) => open.order.id === id);
  const findClosed = (predicate: (order: ExchangeOrder) => boolean) => {
    for (let index = state.closedOrders.length - 1; index >= 0; index--) {
      const order = state.closedOrders[index] as ExchangeOrder;
      if (predicate(order)) return order;
    }
    return undefined;
  };
  const findAny = (predicate: (order: ExchangeOrder) => boolean) =>
    state.openOrders.find((open) => predicate(open.order))?.order ?? findClosed(predicate);

  return {
    balances(only) {
      const currencies = new Set(only ?? Object.keys(state.balances));
      if (!only) {
        for (const market of Object.values(markets)) currencies.add(market.base).add(market.quote);
      }
      const result: Balances = {};
      for (const currency of [...currencies].sort()) {
        const total = state.balances[currency] ?? 0;
        const held = used(currency);
        result[currency] = { free: total - held, used: held, total };
      }
      return result;
    },

    place(request, time, lastPrice, entryPoint, fillPrice) {
      const accepted = validateOrder(request, {
        market: markets[request.symbol],
        lastPrice,
        slippageBps,
        isSeen: (clientOrderId) => seen.has(clientOrderId),
        free,
      });
      const { market } = accepted;
      // Aligned values may carry float noise (0.07 * 1e5); keep the clean decimal, as an
      // exchange parsing a decimal string would.
      const amount = roundToStep(request.amount, market.precision.amount);
      const order: ExchangeOrder = {
        id: `${idPrefix}-o-${state.nextOrderSeq++}`,
        clientOrderId: request.clientOrderId,
        timestamp: time,
        symbol: request.symbol,
        type: request.type,
        side: request.side,
        amount,
        filled: 0,
        remaining: amount,
        cost: 0,
        status: 'open',
      };
      // Set after, not spread in: on Node 20 a literal with fields after a spread is slow.
      if (request.type === 'limit')
        order.price = roundToStep(request.price as number, market.precision.price);
      if (request.triggerPrice !== undefined)
        order.triggerPrice = roundToStep(request.triggerPrice, market.precision.price);
      seen.add(order.clientOrderId);
      state.seenClientOrderIds.push(order.clientOrderId);
      const open: OpenOrderState = { order, reserved: accepted.reserved, entryPoint };
      if (fillPrice !== undefined) open.fillPrice = fillPrice;
      state.openOrders.push(open);
      return copyOrder(order);
    },

    cancel(id, symbol) {
      const open = findOpen(id);
      if (open && open.order.symbol === symbol) {
        open.order.status = 'canceled';
        close(open);
        return copyOrder(open.order);
      }
      const closed = findClosed((order) => order.id === id && order.symbol === symbol);
      if (closed) {
        throw new ExchangeError('invalid_order', `Order ${id} is already ${closed.status}`);
      }
      throw new ExchangeError('order_not_found', `No order ${id} on ${symbol}`);
    },

    playCandle(symbol, path, candleTime, volume = Infinity) {
      if (state.openOrders.length === 0) return NO_CHANGES;
      const orders = state.openOrders.filter((open) => open.order.symbol === symbol);
      const changes = play(symbol, orders, path, candleTime, pointMs, volume);
      // Whatever is still open has rested through a whole candle: from now on it is a maker.
      // Cleared, not deleted: `delete` turns the object's properties into a slow dictionary.
      for (const open of orders) if (open.entryPoint !== undefined) open.entryPoint = undefined;
      return changes;
    },

    playTick(symbol, from, to, time) {
      const resting = state.openOrders.filter(
        (open) => open.order.symbol === symbol && open.entryPoint === undefined,
      );
      // The move as a path: everything between the two prices traded, in that order.
      return play(symbol, resting, [from, to, to, to], time, 0, Infinity);
    },

    findOrder(id, symbol) {
      const order = findAny((candidate) => candidate.id === id && candidate.symbol === symbol);
      return order && copyOrder(order);
    },

    findByClientId(clientOrderId, symbol) {
      if (!seen.has(clientOrderId)) return undefined;
      const order = findAny((candidate) => candidate.clientOrderId === clientOrderId);
      if (!order) {
        throw new ExchangeError(
          'order_not_found',
          `Order ${clientOrderId} is older than the ${kept.closedOrders} orders the simulator keeps`,
        );
      }
      return order.symbol === symbol ? copyOrder(order) : undefined;
    },

    openOrders(symbol) {
      return state.openOrders
        .filter((open) => symbol === undefined || open.order.symbol === symbol)
        .map((open) => copyOrder(open.order));
    },

    trades(symbol, since) {
      return state.trades
        .filter(
          (trade) => trade.symbol === symbol && (since === undefined || trade.timestamp >= since),
        )
        .map(copyTrade);
    },
  };
}
