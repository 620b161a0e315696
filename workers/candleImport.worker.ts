/**
 * The Data page's import worker: reads a chosen candle file, parses and validates it
 * (src/core/market/import) and saves it to the candle store (src/db/importDataset.ts), so a
 * million rows never block the page nor cross threads. Exposed over Comlink. No logic here.
 */
import * as Comlink from 'comlink';
import { FlotillaDb, importDataset } from '../src/db';
import type { CandleImportApi } from '../src/ui/candleImportClient';

let db: FlotillaDb | undefined;

const api: CandleImportApi = {
  async importFile(file, fields, onProgress) {
    db ??= new FlotillaDb();
    return importDataset(db, {
      text: await file.text(),
      name: fields.name,
      symbol: fields.symbol,
      fileName: file.name,
      now: Date.now(),
      onProgress,
    });
  },
};

Comlink.expose(api);
