/**
 * The simulated account: balances, open and recent orders, trades, id sequences and the client
 * order ids already used, all kept in one SimulatorState object it mutates. Funds held for open
 * orders are derived from the orders themselves, so nothing drifts when orders close.
 * Fees are charged in the quote currency on both sides: a buy spends cost + fee of quote, a sell
 * receives cost - fee. With a liquidity share, resting (maker) fills of one candle take at most
 * that share of the candle's volume between them, so a large limit order fills over several
 * candles (partially filled in between; what it holds shrinks with what is left). Market,
 * marketable and stop orders fill completely. Returns copies, never its own objects.
 */
import { ExchangeError } from '../../core/exchangePort';
import type { Balances } from '../../core/exchangePort';
import type { IntrabarPath } from '../../core/market/intrabarPath';
import type { Market } from '../../core/market/types';
import type { ExchangeOrder, ExchangeTrade, OrderRequest } from '../../core/orders/types';
import { floorToStep } from '../../core/market/steps';
import { roundToStep } from './markets';
import { planCandleFills } from './matching';
import type { PlannedFill } from './matching';
import { copyOrder, copyTrade, freezeRecord, MAX_CLOSED_ORDERS, MAX_TRADES } from './state';
import type { OpenOrderState, SimulatorState } from './state';
import { validateOrder } from './validation';

/** Spacing of the intrabar path's points in market time (4 points per 1m candle). */
export const PATH_POINT_MS = 15_000;
/** Points of the intrabar path per candle (open, two extremes, close). */
export const PATH_POINTS = 4;

export interface AccountChanges {
  orders: ExchangeOrder[];
  trades: ExchangeTrade[];
}

export interface Account {
  balances(): Balances;
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
  /** Fills what candle `candleTime` (with `volume` traded, base) of `symbol` fills (matching.ts). */
  playCandle(
    symbol: string,
    path: IntrabarPath,
    candleTime: number,
    volume?: number,
  ): AccountChanges;
  findOrder(id: string, symbol: string): ExchangeOrder | undefined;
  findByClientId(clientOrderId: string, symbol: string): ExchangeOrder | undefined;
  openOrders(symbol?: string): ExchangeOrder[];
  trades(symbol: string, since?: number): ExchangeTrade[];
}

export function createAccount(
  state: SimulatorState,
  markets: Readonly<Record<string, Market>>,
  slippageBps: number,
  /** Share (0, 1] of each candle's volume that resting fills may take; undefined = no cap. */
  liquidityShare?: number,
  /** Market time between path points: a quarter of the candle (PATH_POINT_MS for 1m). */
  pointMs: number = PATH_POINT_MS,
): Account {
  const seen = new Set(state.seenClientOrderIds);

  const heldCurrency = (order: ExchangeOrder): string => {
    const market = markets[order.symbol] as Market;
    return order.side === 'buy' ? market.quote : market.base;
  };
  const used = (currency: string): number =>
    state.openOrders.reduce(
      (sum, open) => (heldCurrency(open.order) === currency ? sum + open.reserved : sum),
      0,
    );
  const free = (currency: string): number => (state.balances[currency] ?? 0) - used(currency);
  const addTotal = (currency: string, delta: number): void => {
    state.balances[currency] = (state.balances[currency] ?? 0) + delta;
  };

  const close = (open: OpenOrderState): void => {
    state.openOrders = state.openOrders.filter((candidate) => candidate !== open);
    state.closedOrders.push(freezeRecord(open.order));
    if (state.closedOrders.length > MAX_CLOSED_ORDERS) {
      state.closedOrders.splice(0, state.closedOrders.length - MAX_CLOSED_ORDERS);
    }
  };

  /** Applies `amount` (base) of `fill`; the order closes when nothing is left. */
  const applyFill = (
    fill: PlannedFill,
    time: number,
    amount: number,
  ): ExchangeTrade | undefined => {
    const { open } = fill;
    const { order } = open;
    const market = markets[order.symbol] as Market;
    const rate = fill.takerOrMaker === 'taker' ? market.taker : market.maker;
    const cost = fill.price * amount;
    const fee = cost * rate;
    if (order.side === 'buy') {
      // Defensive: holds cover fills (a market buy fills at the price it was held at, ± the
      // slippage its buffer covers), so this cannot happen; never let a balance go negative.
      if (cost + fee > free(market.quote) + open.reserved) {
        order.status = order.filled > 0 ? 'canceled' : 'rejected';
        close(open);
        return undefined;
      }
      addTotal(market.quote, -(cost + fee));
      addTotal(market.base, amount);
    } else {
      addTotal(market.base, -amount);
      addTotal(market.quote, cost - fee);
    }
    const filled = roundToStep(order.filled + amount, market.precision.amount);
    const remaining = roundToStep(order.amount - filled, market.precision.amount);
    const totalFee = (order.fee?.cost ?? 0) + fee;
    const totalCost = order.cost + cost;
    Object.assign(order, {
      status: remaining > 0 ? 'open' : 'closed',
      filled,
      remaining,
      cost: totalCost,
      // One fill: its own price exactly (no float noise from cost / filled).
      average: order.filled === 0 ? fill.price : totalCost / filled,
      lastTradeTimestamp: time,
      fee: { cost: totalFee, currency: market.quote, rate },
    } satisfies Partial<ExchangeOrder>);
    if (remaining > 0) open.reserved *= remaining / (remaining + amount);
    else close(open);
    const trade: ExchangeTrade = {
      id: `sim-t-${state.nextTradeSeq++}`,
      order: order.id,
      clientOrderId: order.clientOrderId,
      timestamp: time,
      symbol: order.symbol,
      side: order.side,
      type: order.type,
      takerOrMaker: fill.takerOrMaker,
      price: fill.price,
      amount,
      cost,
      fee: { cost: fee, currency: market.quote, rate },
    };
    state.trades.push(freezeRecord(trade));
    if (state.trades.length > MAX_TRADES) state.trades.splice(0, state.trades.length - MAX_TRADES);
    return trade;
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
    balances() {
      const currencies = new Set(Object.keys(state.balances));
      for (const market of Object.values(markets)) currencies.add(market.base).add(market.quote);
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
        id: `sim-o-${state.nextOrderSeq++}`,
        clientOrderId: request.clientOrderId,
        timestamp: time,
        symbol: request.symbol,
        type: request.type,
        side: request.side,
        ...(request.type === 'limit'
          ? { price: roundToStep(request.price as number, market.precision.price) }
          : {}),
        ...(request.triggerPrice === undefined
          ? {}
          : { triggerPrice: roundToStep(request.triggerPrice, market.precision.price) }),
        amount,
        filled: 0,
        remaining: amount,
        cost: 0,
        status: 'open',
      };
      seen.add(order.clientOrderId);
      state.seenClientOrderIds.push(order.clientOrderId);
      state.openOrders.push({
        order,
        reserved: accepted.reserved,
        entryPoint,
        ...(fillPrice === undefined ? {} : { fillPrice }),
      });
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
      const orders = state.openOrders.filter((open) => open.order.symbol === symbol);
      const changes: AccountChanges = { orders: [], trades: [] };
      const step = (markets[symbol] as Market).precision.amount;
      let liquidity = liquidityShare === undefined ? Infinity : liquidityShare * volume;
      for (const fill of planCandleFills(orders, path, slippageBps)) {
        const time = Math.max(fill.open.order.timestamp, candleTime + fill.point * pointMs);
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
      // Whatever is still open has rested through a whole candle: from now on it is a maker.
      for (const open of orders) delete open.entryPoint;
      return changes;
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
          `Order ${clientOrderId} is older than the ${MAX_CLOSED_ORDERS} orders the simulator keeps`,
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
