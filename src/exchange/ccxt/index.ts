/**
 * The ccxt adapter's public API, for worker code (the bot host). The UI may import only
 * `types.ts` and `catalog.ts`, which load no ccxt.
 */
export { openCcxtExchange, testCcxtConnection, DEFAULT_POLL_INTERVAL_MS } from './ccxtExchange';
export type { CcxtExchangeDeps, CcxtExchangePort } from './ccxtExchange';
export { toExchangeError, describeConnectionProblem } from './errors';
export { loadExchangeClass, TESTED_EXCHANGE_IDS } from './loadExchangeClass';
export type { CcxtClient, ExchangeClass } from './loadExchangeClass';
export type * from './types';
