/**
 * The UI's handle on the candle import worker (workers/candleImport.worker.ts): started on the
 * first import and reused. Progress comes back through a Comlink proxy.
 */
import * as Comlink from 'comlink';
import type { ImportDatasetResult } from '../db';

export interface CandleImportApi {
  importFile(
    file: File,
    fields: { name: string; symbol: string },
    onProgress: (fraction: number) => void,
  ): Promise<ImportDatasetResult>;
}

let remote: Comlink.Remote<CandleImportApi> | undefined;

function importWorker(): Comlink.Remote<CandleImportApi> {
  remote ??= Comlink.wrap<CandleImportApi>(
    new Worker(new URL('../../workers/candleImport.worker.ts', import.meta.url), {
      type: 'module',
      name: 'flotilla-candle-import',
    }),
  );
  return remote;
}

/** Parses and saves `file` in the worker; resolves to what happened (never half-saved). */
export function importCandleFile(
  file: File,
  fields: { name: string; symbol: string },
  onProgress: (fraction: number) => void,
): Promise<ImportDatasetResult> {
  return importWorker().importFile(file, fields, Comlink.proxy(onProgress));
}
