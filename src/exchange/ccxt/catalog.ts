/**
 * STAND-IN until wt/ccxt is merged (its catalog.ts replaces this file): the exchanges accounts
 * may use, tested ones first. No ccxt import, so the UI may import it.
 */
import type { ExchangeCatalogEntry } from './types';

const tested = (
  id: string,
  name: string,
  requiredCredentials: string[],
  hasSandbox: boolean,
  hasWebSocketTrading: boolean,
): ExchangeCatalogEntry => ({
  id,
  name,
  isTested: true,
  requiredCredentials,
  hasSandbox,
  hasWebSocketTrading,
  hasWebSocketMarketData: true,
});

const untested = (id: string, name: string): ExchangeCatalogEntry => ({
  id,
  name,
  isTested: false,
  requiredCredentials: ['apiKey', 'secret'],
  hasSandbox: false,
  hasWebSocketTrading: false,
  hasWebSocketMarketData: true,
});

export const EXCHANGE_CATALOG: readonly ExchangeCatalogEntry[] = [
  tested('binance', 'Binance', ['apiKey', 'secret'], true, true),
  tested('coinbase', 'Coinbase Advanced', ['apiKey', 'secret'], false, false),
  tested('kraken', 'Kraken', ['apiKey', 'secret'], false, false),
  tested('okx', 'OKX', ['apiKey', 'secret', 'password'], true, true),
  tested('bybit', 'Bybit', ['apiKey', 'secret'], true, true),
  tested('kucoin', 'KuCoin', ['apiKey', 'secret', 'password'], false, false),
  untested('bitfinex', 'Bitfinex'),
  untested('bitstamp', 'Bitstamp'),
  untested('gate', 'Gate'),
  untested('mexc', 'MEXC'),
];
