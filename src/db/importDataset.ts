/**
 * Imports a candle file into the candle store: parse and validate it completely (any format
 * the importers know), then save it in one transaction. A file with any bad row saves
 * nothing and returns the first problems with their lines; the candles never leave the
 * caller's thread (the Data page runs this in workers/candleImport.worker.ts).
 */
import {
  CandleImportError,
  FORMAT_LABELS,
  importCandles,
  type ImportIssue,
} from '../core/market/import';
import type { TimestampMs } from '../core/time';
import { saveDataset } from './candleStore';
import type { CandleDatasetRow, FlotillaDb } from './schema';
import { ValidationError } from './validation';

export interface ImportDatasetInput {
  text: string;
  name: string;
  symbol: string;
  /** The file name, shown as the dataset's origin. */
  fileName: string;
  now: TimestampMs;
  /** Fraction done, 0..1: parsing is the first 80 %, saving the rest. */
  onProgress?: (fraction: number) => void;
}

export type ImportDatasetResult =
  | {
      ok: true;
      dataset: CandleDatasetRow;
      format: string;
      warnings: ImportIssue[];
      warningCount: number;
    }
  /** `issues` are the first problems (rows, or a field of the form); `total` counts all. */
  | { ok: false; issues: ImportIssue[]; total: number; field?: string; message?: string };

const PARSE_SHARE = 0.8;

export async function importDataset(
  db: FlotillaDb,
  input: ImportDatasetInput,
): Promise<ImportDatasetResult> {
  let parsed;
  try {
    parsed = importCandles(input.text, {
      onProgress: (fraction) => input.onProgress?.(fraction * PARSE_SHARE),
    });
  } catch (error) {
    if (error instanceof CandleImportError) {
      return { ok: false, issues: [...error.issues], total: error.total };
    }
    throw error;
  }
  try {
    const dataset = await saveDataset(
      db,
      {
        name: input.name,
        symbol: input.symbol,
        source: 'file',
        origin: input.fileName,
        timeframe: parsed.timeframe,
        timeframeMs: parsed.timeframeMs,
        candles: parsed.candles,
      },
      { now: input.now },
    );
    input.onProgress?.(1);
    return {
      ok: true,
      dataset,
      format: FORMAT_LABELS[parsed.format],
      warnings: parsed.warnings,
      warningCount: parsed.warningCount,
    };
  } catch (error) {
    if (error instanceof ValidationError) {
      return { ok: false, issues: [], total: 0, field: error.field, message: error.message };
    }
    throw error;
  }
}
