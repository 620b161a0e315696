/** Public API of the candle importers (see detect.ts for the entry point). */
export { importCandles, detectFormat } from './detect';
export { parseCsvCandles } from './csvFormat';
export { parseJsonObjectCandles } from './jsonObjects';
export { parseBinanceKlines, parseFreqtradeJson } from './arrayRows';
export { inferSpacing, timeframeLabel } from './spacing';
export {
  CandleImportError,
  describeIssue,
  describeIssues,
  FORMAT_LABELS,
  type ImportFormat,
  type ImportIssue,
  type ImportOptions,
  type ImportResult,
  type LocationUnit,
} from './types';
export { datasetNameFromFile, symbolFromFileName } from './fileName';
