/**
 * The account side of the port: balances, orders and trades over the chosen path (WebSocket API
 * twins where the account trades over WebSocket, REST otherwise), with our client order ids.
 * createOrder is idempotent per client order id: after a lost answer it looks the id up before
 * sending again, and a duplicate-id refusal means an earlier attempt landed — that order is
 * returned instead of a second one.
 */
import { ExchangeError } from '../../core/exchangePort';
import type { Balances } from '../../core/exchangePort';
import type { ExchangeOrder, ExchangeTrade, OrderRequest } from '../../core/orders/types';
import type { Order as CcxtOrder, Trade as CcxtTrade } from 'ccxt';
import type { AdapterContext } from './context';
import { toBalances, toOrder, toTrade } from './convert';
import { isDuplicateOrderError, toExchangeError } from './errors';

/** Exchanges whose fetchOrder finds an order by client order id (binance: origClientOrderId). */
const LOOKUP_BY_CLIENT_ID = new Set(['binance', 'binanceus', 'okx', 'bybit', 'kucoin']);
/** How far back a scan for a client order id looks among closed orders. */
const CLOSED_SCAN_MS = 24 * 60 * 60 * 1000;

export interface AccountCalls {
  fetchBalance(): Promise<Balances>;
  createOrder(request: OrderRequest, supportsNativeStops: boolean): Promise<ExchangeOrder>;
  cancelOrder(id: string, symbol: string): Promise<ExchangeOrder>;
  fetchOrder(id: string, symbol: string): Promise<ExchangeOrder>;
  fetchOrderByClientId(clientOrderId: string, symbol: string): Promise<ExchangeOrder | undefined>;
  fetchOpenOrders(symbol?: string): Promise<ExchangeOrder[]>;
  fetchMyTrades(symbol: string, since?: number): Promise<ExchangeTrade[]>;
  /** Our order of a ccxt order (indexed by id). */
  adoptOrder(order: CcxtOrder, known?: { clientOrderId?: string; symbol?: string }): ExchangeOrder;
  /** Our trade of a ccxt trade; looks its order up when the index does not know it. */
  adoptTrade(trade: CcxtTrade): Promise<ExchangeTrade>;
}

export function createAccountCalls(ctx: AdapterContext): AccountCalls {
  const { client } = ctx;
  const isBinance = client.id.startsWith('binance');

  const adoptOrder: AccountCalls['adoptOrder'] = (order, known = {}) => {
    const indexed = order.id ? ctx.orders.get(String(order.id)) : undefined;
    // A cancel answer carries the cancel request's own client id: keep the order's.
    const original = (order.info as { origClientOrderId?: string } | undefined)?.origClientOrderId;
    const clientOrderId = indexed?.clientOrderId ?? known.clientOrderId ?? original;
    const mapped = toOrder(clientOrderId ? { ...order, clientOrderId } : order, {
      ...known,
      now: ctx.clock.now(),
    });
    ctx.remember(mapped.id, {
      clientOrderId: mapped.clientOrderId,
      type: mapped.type,
      symbol: mapped.symbol,
    });
    return mapped;
  };

  const fetchOrder = async (id: string, symbol: string): Promise<ExchangeOrder> => {
    ctx.knownSymbols.add(symbol);
    const order = await ctx.call(() =>
      ctx.usesWs('fetchOrder')
        ? ctx.wsRequest('fetchOrderWs', client.fetchOrderWs(id, symbol))
        : client.fetchOrder(id, symbol),
    );
    return adoptOrder(order, { symbol });
  };

  const fetchOpenOrders = async (symbol?: string): Promise<ExchangeOrder[]> => {
    if (symbol !== undefined) ctx.knownSymbols.add(symbol);
    const orders = await ctx.call(() =>
      ctx.usesWs('fetchOpenOrders')
        ? ctx.wsRequest('fetchOpenOrdersWs', client.fetchOpenOrdersWs(symbol))
        : client.fetchOpenOrders(symbol),
    );
    return orders.map((order) => adoptOrder(order, { symbol }));
  };

  const scanForClientId = async (clientOrderId: string, symbol: string) => {
    const open = await fetchOpenOrders(symbol);
    const found = open.find((order) => order.clientOrderId === clientOrderId);
    if (found || client.has.fetchClosedOrders !== true) return found;
    const since = ctx.clock.now() - CLOSED_SCAN_MS;
    const closed = await ctx.call(() => client.fetchClosedOrders(symbol, since));
    return closed
      .map((order) => adoptOrder(order, { symbol }))
      .reverse()
      .find((order) => order.clientOrderId === clientOrderId);
  };

  const fetchOrderByClientId = async (clientOrderId: string, symbol: string) => {
    ctx.knownSymbols.add(symbol);
    if (!LOOKUP_BY_CLIENT_ID.has(client.id)) return scanForClientId(clientOrderId, symbol);
    const params = isBinance ? { origClientOrderId: clientOrderId } : { clientOrderId };
    try {
      const order = await ctx.call(() =>
        ctx.usesWs('fetchOrder')
          ? ctx.wsRequest('fetchOrderWs', client.fetchOrderWs('', symbol, params))
          : client.fetchOrder('', symbol, params),
      );
      return adoptOrder(order, { clientOrderId, symbol });
    } catch (error) {
      if (error instanceof ExchangeError && error.kind === 'order_not_found') return undefined;
      throw error;
    }
  };

  const adoptTrade = async (trade: CcxtTrade): Promise<ExchangeTrade> => {
    const orderId = String(trade.order ?? '');
    const symbol = trade.symbol ?? '';
    let indexed = ctx.orders.get(orderId);
    if (!indexed && orderId && symbol) {
      const order = await fetchOrder(orderId, symbol).catch(() => undefined);
      indexed = order && { clientOrderId: order.clientOrderId, type: order.type, symbol };
    }
    const hint = (trade.info as { c?: unknown; clientOrderId?: unknown } | undefined) ?? {};
    const clientOrderId = indexed?.clientOrderId ?? String(hint.clientOrderId ?? hint.c ?? '');
    const quote = client.markets?.[symbol]?.quote as string | undefined;
    return toTrade(trade, { clientOrderId, type: indexed?.type, quote });
  };

  return {
    async fetchBalance() {
      const balance = await ctx.call(() =>
        ctx.usesWs('fetchBalance')
          ? ctx.wsRequest('fetchBalanceWs', client.fetchBalanceWs())
          : client.fetchBalance(),
      );
      return toBalances(balance);
    },
    createOrder: (request, supportsNativeStops) =>
      placeOrder(ctx, request, supportsNativeStops, { adoptOrder, fetchOrderByClientId }),
    async cancelOrder(id, symbol) {
      ctx.knownSymbols.add(symbol);
      const cancel = async () =>
        adoptOrder(
          ctx.usesWs('cancelOrder')
            ? await ctx.wsRequest('cancelOrderWs', client.cancelOrderWs(id, symbol))
            : await client.cancelOrder(id, symbol),
          { symbol },
        );
      return ctx.call(cancel, {
        // The first cancel went through but its answer was lost: report the canceled order.
        recover: async (error) => {
          if (toExchangeError(error).kind !== 'order_not_found') return undefined;
          const order = await fetchOrder(id, symbol).catch(() => undefined);
          return order?.status === 'canceled' ? order : undefined;
        },
      });
    },
    fetchOrder,
    fetchOrderByClientId,
    fetchOpenOrders,
    async fetchMyTrades(symbol, since) {
      ctx.knownSymbols.add(symbol);
      const trades = await ctx.call(() =>
        ctx.usesWs('fetchMyTrades')
          ? ctx.wsRequest('fetchMyTradesWs', client.fetchMyTradesWs(symbol, since))
          : client.fetchMyTrades(symbol, since),
      );
      const result: ExchangeTrade[] = [];
      for (const trade of trades) result.push(await adoptTrade(trade));
      return result;
    },
    adoptOrder,
    adoptTrade,
  };
}

/** createOrder with our client order id, exchange precision and idempotent retries. */
async function placeOrder(
  ctx: AdapterContext,
  request: OrderRequest,
  supportsNativeStops: boolean,
  calls: Pick<AccountCalls, 'adoptOrder' | 'fetchOrderByClientId'>,
): Promise<ExchangeOrder> {
  const { client } = ctx;
  const { symbol, clientOrderId } = request;
  ctx.knownSymbols.add(symbol);
  if (request.triggerPrice !== undefined && !supportsNativeStops) {
    throw new ExchangeError(
      'invalid_order',
      `${client.name} takes no stop-market orders here; the engine enforces the stop.`,
    );
  }
  if (request.type === 'limit' && request.price === undefined) {
    throw new ExchangeError('invalid_order', `Limit order ${clientOrderId} has no price.`);
  }
  let amount: number;
  let price: number | undefined;
  try {
    amount = Number(client.amountToPrecision(symbol, request.amount));
    price =
      request.price === undefined
        ? undefined
        : Number(client.priceToPrecision(symbol, request.price));
  } catch (error) {
    throw toExchangeError(error, ctx.secrets);
  }
  const isBinance = client.id.startsWith('binance');
  // Binance's own parameter names: ccxt's WebSocket twin copies params into the request as is.
  const params: Record<string, unknown> = isBinance
    ? { newClientOrderId: clientOrderId }
    : { clientOrderId };
  if (request.triggerPrice !== undefined) {
    params[isBinance ? 'stopPrice' : 'triggerPrice'] = Number(
      client.priceToPrecision(symbol, request.triggerPrice),
    );
  }
  const send = async () => {
    const order = ctx.usesWs('createOrder')
      ? await ctx.wsRequest(
          'createOrderWs',
          client.createOrderWs(symbol, request.type, request.side, amount, price, params),
        )
      : await client.createOrder(symbol, request.type, request.side, amount, price, params);
    return calls.adoptOrder(order, { clientOrderId, symbol });
  };
  const lookUp = () => calls.fetchOrderByClientId(clientOrderId, symbol);
  return ctx.call(send, {
    // A market order fills at once and is no longer open, so a resend would not be refused as
    // a duplicate: look the id up first.
    beforeResend: lookUp,
    recover: async (error) => (isDuplicateOrderError(error) ? lookUp() : undefined),
  });
}
