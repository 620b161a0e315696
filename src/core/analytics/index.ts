/**
 * Performance analytics: pure functions over equity curves, periodic returns and trades,
 * following empyrical/pyfolio conventions. Formulas and edge cases: docs/metrics.md.
 */
export {
  YEAR_MS,
  annualReturn,
  annualVolatility,
  perPeriodRate,
  periodsPerYearFromMs,
  returnsFromEquity,
  totalReturn,
  type AnnualisationOptions,
  type RiskFreeOptions,
} from './returns';
export {
  calmarRatio,
  downsideRisk,
  sharpeRatio,
  sortinoRatio,
  type DownsideOptions,
} from './ratios';
export {
  compoundedCurve,
  drawdownDetails,
  equityDrawdownSeries,
  maxDrawdown,
  type DrawdownDetails,
} from './drawdown';
export {
  pairFills,
  tradesFromFills,
  type ClosedTrade,
  type OpenLot,
  type TradesFromFillsOptions,
} from './trades';
export { buyAndHoldReturn, exposureTime, tradeStats, type TradeStats } from './tradeStats';
export { monthlyReturns, type MonthlyReturn } from './monthlyReturns';
export {
  summarizePerformance,
  type PerformanceSummary,
  type SummarizeInput,
  type TimedDrawdown,
} from './summary';
