/**
 * The simulator's spot symbols in Binance's exchangeInfo shape, with the filters Binance's BTC
 * pairs have (PRICE_FILTER, LOT_SIZE, MARKET_LOT_SIZE, NOTIONAL; steps from
 * src/exchange/simulated/markets.ts), and the filter checks orders go through (-1013).
 */
import {
  AMOUNT_STEP,
  isAlignedTo,
  MIN_COST,
  PRICE_STEP,
} from '../../src/exchange/simulated/markets';
import { errors } from './errors';

export const MAX_PRICE = 1_000_000;
export const MAX_QTY = 9_000;
export const MAX_MARKET_QTY = 100;

export interface SimSymbol {
  /** Binance id, e.g. BTCUSDT. */
  id: string;
  /** Unified symbol, e.g. BTC/USDT. */
  symbol: string;
  base: string;
  quote: string;
}

export function toSimSymbol(unified: string): SimSymbol {
  const [base, quote] = unified.split('/');
  if (!base || !quote) throw new Error(`Not a spot symbol: ${unified}`);
  return { id: `${base}${quote}`, symbol: unified, base, quote };
}

const fixed = (value: number, digits = 8) => value.toFixed(digits);

export function exchangeInfoSymbol(symbol: SimSymbol): Record<string, unknown> {
  return {
    symbol: symbol.id,
    status: 'TRADING',
    baseAsset: symbol.base,
    baseAssetPrecision: 8,
    quoteAsset: symbol.quote,
    quotePrecision: 8,
    quoteAssetPrecision: 8,
    baseCommissionPrecision: 8,
    quoteCommissionPrecision: 8,
    orderTypes: ['LIMIT', 'LIMIT_MAKER', 'MARKET'],
    icebergAllowed: false,
    ocoAllowed: false,
    otoAllowed: false,
    quoteOrderQtyMarketAllowed: true,
    allowTrailingStop: false,
    cancelReplaceAllowed: false,
    amendAllowed: false,
    isSpotTradingAllowed: true,
    isMarginTradingAllowed: false,
    filters: [
      {
        filterType: 'PRICE_FILTER',
        minPrice: fixed(PRICE_STEP),
        maxPrice: fixed(MAX_PRICE),
        tickSize: fixed(PRICE_STEP),
      },
      {
        filterType: 'LOT_SIZE',
        minQty: fixed(AMOUNT_STEP),
        maxQty: fixed(MAX_QTY),
        stepSize: fixed(AMOUNT_STEP),
      },
      {
        filterType: 'MARKET_LOT_SIZE',
        minQty: fixed(0),
        maxQty: fixed(MAX_MARKET_QTY),
        stepSize: fixed(0),
      },
      {
        filterType: 'NOTIONAL',
        minNotional: fixed(MIN_COST),
        applyMinToMarket: true,
        maxNotional: fixed(9_000_000),
        applyMaxToMarket: false,
        avgPriceMins: 5,
      },
      { filterType: 'MAX_NUM_ORDERS', maxNumOrders: 200 },
    ],
    permissions: [],
    permissionSets: [['SPOT']],
    defaultSelfTradePreventionMode: 'EXPIRE_MAKER',
    allowedSelfTradePreventionModes: ['NONE', 'EXPIRE_TAKER', 'EXPIRE_MAKER', 'EXPIRE_BOTH'],
  };
}

/** Binance's decimal parameter syntax. */
const DECIMAL = /^([0-9]{1,20})(\.[0-9]{1,20})?$/;

/** Parses a decimal parameter; undefined when absent; -1100 when malformed. */
export function decimalParam(params: Record<string, string>, name: string): number | undefined {
  const raw = params[name];
  if (raw === undefined || raw === '') return undefined;
  if (!DECIMAL.test(raw)) throw errors.illegalChars(name);
  return Number(raw);
}

export function checkPrice(price: number): void {
  if (price < PRICE_STEP || price > MAX_PRICE || !isAlignedTo(price, PRICE_STEP)) {
    throw errors.filterFailure('PRICE_FILTER');
  }
}

export function checkQuantity(quantity: number, isMarket: boolean): void {
  if (quantity < AMOUNT_STEP || quantity > (isMarket ? MAX_MARKET_QTY : MAX_QTY)) {
    throw errors.filterFailure(isMarket ? 'MARKET_LOT_SIZE' : 'LOT_SIZE');
  }
  if (!isAlignedTo(quantity, AMOUNT_STEP)) throw errors.filterFailure('LOT_SIZE');
}

export function checkNotional(notional: number): void {
  if (notional < MIN_COST) throw errors.filterFailure('NOTIONAL');
}
