/** Streaming indicators for strategies: one value in per closed candle, undefined until warm. */
export type { StreamingIndicator } from './types';
export { createSma } from './sma';
export { createEma } from './ema';
export { createRsi } from './rsi';
export { createBollinger, type BollingerBandsValue, type BollingerIndicator } from './bollinger';
export { createMacd, type MacdIndicator, type MacdValue } from './macd';
export {
  createDonchian,
  type DonchianChannelValue,
  type DonchianIndicator,
  type HighLow,
} from './donchian';
export { createAtr, type AtrIndicator, type HighLowClose } from './atr';
