/** Streaming indicators for strategies: one value in per closed candle, undefined until warm. */
export type { StreamingIndicator } from './types';
export { createSma } from './sma';
export { createEma } from './ema';
export { createRsi } from './rsi';
