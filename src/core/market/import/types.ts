/**
 * Shared shapes of the candle importers (csv, JSON objects, Binance klines, freqtrade JSON):
 * where a problem is (a CSV line or a JSON array index), which field it concerns, and the
 * error thrown when a file has bad rows — it lists the first few and counts the rest.
 */
import type { Candle } from '../candle';

/** How a format locates a row: CSV line numbers (1-based, header included) or JSON indexes. */
export type LocationUnit = 'line' | 'index';

/** One problem in an imported file. `field` is e.g. "high", "time" or "row". */
export interface ImportIssue {
  unit: LocationUnit;
  /** CSV line (1-based) or JSON array index (0-based). */
  at: number;
  field: string;
  message: string;
}

export type ImportFormat = 'csv' | 'json-objects' | 'binance-klines' | 'freqtrade-json';

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  csv: 'CSV',
  'json-objects': 'JSON (objects)',
  'binance-klines': 'Binance klines (JSON)',
  'freqtrade-json': 'freqtrade JSON',
};

/** A successfully imported file: candles in time order and what was noticed on the way. */
export interface ImportResult {
  format: ImportFormat;
  candles: Candle[];
  /** Spacing of the candles (the most common step between consecutive times), in ms. */
  timeframeMs: number;
  /** "1m", "1h", "1d" or, for other spacings, e.g. "10m" or "90s". */
  timeframe: string;
  /** Gaps and skipped duplicates: reported, not fatal. */
  warnings: ImportIssue[];
  /** How many warnings there were in all (`warnings` keeps the first few). */
  warningCount: number;
}

/** Formats an issue as a user reads it: `line 4: high is below close (…)`. */
export function describeIssue(issue: ImportIssue): string {
  return `${issue.unit} ${issue.at}: ${issue.message}`;
}

/** The first issues, one per line, then "…and K more" when `total` exceeds them. */
export function describeIssues(issues: readonly ImportIssue[], total = issues.length): string {
  const lines = issues.map(describeIssue);
  if (total > issues.length) lines.push(`…and ${total - issues.length} more`);
  return lines.join('\n');
}

/** The file cannot be imported; `issues` holds the first problems and `total` counts all. */
export class CandleImportError extends Error {
  readonly issues: readonly ImportIssue[];
  readonly total: number;
  constructor(issues: readonly ImportIssue[], total = issues.length) {
    super(
      `${total} problem${total === 1 ? '' : 's'} in the file; nothing was imported.\n${describeIssues(issues, total)}`,
    );
    this.name = 'CandleImportError';
    this.issues = issues;
    this.total = total;
  }
}

/** Options shared by every importer. */
export interface ImportOptions {
  /** How many errors (and warnings) to keep; the rest are counted. Default 20. */
  maxIssues?: number;
  /** Called now and then with the fraction of rows read, 0..1. */
  onProgress?: (fraction: number) => void;
}
