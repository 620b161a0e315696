/** The paper exchange (real prices from a source exchange, simulated fills): public API. */
export { createPaperExchange } from './paperExchange';
export type { PaperExchange, PaperExchangeOptions } from './paperExchange';
export { PAPER_STATE_VERSION } from './state';
export type { PaperState } from './state';
export { assertPaperState, PaperStateError } from './stateCheck';
