/**
 * ccxt's unified structures → the engine's (src/core): markets (precision as step sizes),
 * orders, trades, balances and candles. ccxt leaves fields undefined freely; each converter
 * fills them the way the simulated exchange reports them, or skips what it cannot use.
 */
import type {
  Balances as CcxtBalances,
  MarketInterface,
  OHLCV as CcxtOHLCV,
  Order as CcxtOrder,
  Trade as CcxtTrade,
} from 'ccxt';
import type { Balances } from '../../core/exchangePort';
import type { Candle } from '../../core/market/candle';
import type { Market, MinMax } from '../../core/market/types';
import type {
  ExchangeOrder,
  ExchangeOrderStatus,
  ExchangeTrade,
  Fee,
  OrderType,
} from '../../core/orders/types';

/** ccxt's precisionMode DECIMAL_PLACES (precision counts digits) and SIGNIFICANT_DIGITS. */
const DECIMAL_PLACES = 2;
const SIGNIFICANT_DIGITS = 3;
/** A market without precision gets this step (8 decimals, the common crypto resolution). */
const FALLBACK_STEP = 1e-8;

const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

function toStep(precision: number | undefined, precisionMode: number): number {
  if (!isNumber(precision)) return FALLBACK_STEP;
  // Significant digits have no fixed step; decimals are the closest reading of them.
  if (precisionMode === DECIMAL_PLACES || precisionMode === SIGNIFICANT_DIGITS) {
    return Number((10 ** -precision).toPrecision(1));
  }
  return precision;
}

function minMax(limits: { min?: number; max?: number } | undefined): MinMax {
  const result: MinMax = {};
  if (isNumber(limits?.min)) result.min = limits.min;
  if (isNumber(limits?.max)) result.max = limits.max;
  return result;
}

/** A ccxt spot market as ours; undefined for anything that is not spot. */
export function toMarket(market: MarketInterface, precisionMode: number): Market | undefined {
  if (market.spot !== true || market.type !== 'spot' || market.id === undefined) return undefined;
  return {
    id: market.id,
    symbol: market.symbol,
    base: market.base,
    quote: market.quote,
    type: 'spot',
    spot: true,
    active: market.active !== false,
    precision: {
      amount: toStep(market.precision.amount, precisionMode),
      price: toStep(market.precision.price, precisionMode),
    },
    limits: {
      amount: minMax(market.limits.amount),
      price: minMax(market.limits.price),
      cost: minMax(market.limits.cost),
    },
    maker: isNumber(market.maker) ? market.maker : 0,
    taker: isNumber(market.taker) ? market.taker : 0,
  };
}

const STATUS: Readonly<Record<string, ExchangeOrderStatus>> = {
  open: 'open',
  closed: 'closed',
  canceled: 'canceled',
  cancelled: 'canceled',
  expired: 'expired',
  rejected: 'rejected',
};

/** ccxt order types are exchange words ('limit_maker', 'stop_loss', …): ours are two. */
export function toOrderType(type: string | undefined, price: number | undefined): OrderType {
  const lower = (type ?? '').toLowerCase();
  if (lower.includes('limit')) return 'limit';
  if (lower.includes('market') || lower === 'stop' || lower === 'stop_loss') return 'market';
  return isNumber(price) ? 'limit' : 'market';
}

function sumFees(
  fees: readonly ({ cost?: number; currency?: string; rate?: number } | undefined)[],
): Fee | undefined {
  const known = fees.filter((fee) => fee && isNumber(fee.cost) && fee.currency);
  const first = known[0];
  if (!first?.currency) return undefined;
  const cost = known
    .filter((fee) => fee?.currency === first.currency)
    .reduce((sum, fee) => sum + (fee?.cost ?? 0), 0);
  return { cost, currency: first.currency, ...(isNumber(first.rate) ? { rate: first.rate } : {}) };
}

function feeOf(item: { fee?: CcxtOrder['fee']; fees?: unknown }): Fee | undefined {
  const fees = Array.isArray(item.fees) ? (item.fees as CcxtOrder['fee'][]) : [];
  return sumFees(fees.length > 0 ? fees : [item.fee]);
}

/**
 * A ccxt order as ours. `known` fills what some answers omit (a WebSocket acknowledgement may
 * lack the client id or timestamp).
 */
export function toOrder(
  order: CcxtOrder,
  known: { clientOrderId?: string; symbol?: string; now: number },
): ExchangeOrder {
  const type = toOrderType(order.type, order.price);
  const amount = isNumber(order.amount) ? order.amount : 0;
  const filled = isNumber(order.filled) ? order.filled : 0;
  const average = isNumber(order.average) ? order.average : undefined;
  const triggerPrice = order.triggerPrice ?? order.stopPrice;
  const fee = feeOf(order as CcxtOrder & { fees?: unknown });
  return {
    id: String(order.id ?? ''),
    clientOrderId: order.clientOrderId ?? known.clientOrderId ?? '',
    timestamp: isNumber(order.timestamp) ? order.timestamp : known.now,
    ...(isNumber(order.lastTradeTimestamp) ? { lastTradeTimestamp: order.lastTradeTimestamp } : {}),
    symbol: order.symbol ?? known.symbol ?? '',
    type,
    side: order.side === 'sell' ? 'sell' : 'buy',
    ...(type === 'limit' && isNumber(order.price) ? { price: order.price } : {}),
    ...(isNumber(triggerPrice) ? { triggerPrice } : {}),
    ...(average !== undefined && filled > 0 ? { average } : {}),
    amount,
    filled,
    remaining: isNumber(order.remaining) ? order.remaining : Math.max(0, amount - filled),
    cost: isNumber(order.cost) ? order.cost : filled * (average ?? order.price ?? 0),
    status: STATUS[order.status ?? ''] ?? 'open',
    ...(fee ? { fee } : {}),
  };
}

/** A ccxt trade as ours; the client order id and order type come from the order it belongs to. */
export function toTrade(
  trade: CcxtTrade,
  order: { clientOrderId: string; type?: OrderType; quote?: string },
): ExchangeTrade {
  const price = trade.price ?? 0;
  const amount = trade.amount ?? 0;
  const fee = feeOf(trade as CcxtTrade & { fees?: unknown });
  return {
    id: String(trade.id ?? ''),
    order: String(trade.order ?? ''),
    clientOrderId: order.clientOrderId,
    timestamp: trade.timestamp ?? 0,
    symbol: trade.symbol ?? '',
    side: trade.side === 'sell' ? 'sell' : 'buy',
    type: order.type ?? toOrderType(trade.type, trade.takerOrMaker === 'maker' ? price : undefined),
    takerOrMaker: trade.takerOrMaker === 'maker' ? 'maker' : 'taker',
    price,
    amount,
    cost: isNumber(trade.cost) ? trade.cost : price * amount,
    fee: fee ?? { cost: 0, currency: order.quote ?? '' },
  };
}

const BALANCE_META = new Set(['info', 'free', 'used', 'total', 'timestamp', 'datetime', 'debt']);

/**
 * A ccxt balance as ours: the currencies the account holds (exchanges such as Binance list every
 * asset, mostly at zero). Binance's spot `fetchBalanceWs` leaves the unified fields empty
 * (docs/exchange-simulator.md); its raw `info.balances` is read instead.
 */
export function toBalances(balance: CcxtBalances): Balances {
  const result: Balances = {};
  for (const [code, entry] of Object.entries(balance)) {
    if (BALANCE_META.has(code) || typeof entry !== 'object' || entry === null) continue;
    const { free, used, total } = entry as { free?: number; used?: number; total?: number };
    if (!isNumber(total) && !isNumber(free)) continue;
    const f = isNumber(free) ? free : 0;
    const u = isNumber(used) ? used : 0;
    const sum = isNumber(total) ? total : f + u;
    if (sum !== 0) result[code] = { free: f, used: u, total: sum };
  }
  const raw = (balance.info as { balances?: unknown } | undefined)?.balances;
  if (Object.keys(result).length > 0 || !Array.isArray(raw)) return result;
  for (const row of raw as { asset?: string; free?: string; locked?: string }[]) {
    if (!row.asset) continue;
    const free = Number(row.free ?? 0);
    const used = Number(row.locked ?? 0);
    if (free + used !== 0) result[row.asset] = { free, used, total: free + used };
  }
  return result;
}

/** A ccxt OHLCV row as a candle; undefined when a field is missing. */
export function toCandle(row: CcxtOHLCV): Candle | undefined {
  const [time, open, high, low, close, volume] = row;
  if (![time, open, high, low, close].every(isNumber)) return undefined;
  return {
    time: time as number,
    open: open as number,
    high: high as number,
    low: low as number,
    close: close as number,
    volume: isNumber(volume) ? volume : 0,
  };
}
