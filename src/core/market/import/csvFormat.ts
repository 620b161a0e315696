/**
 * CSV candles: a header naming the columns (case-insensitive; the time column is time, date,
 * datetime, timestamp or open_time, or the unnamed first column pandas writes for its index)
 * or no header (time,open,high,low,close,volume). Comma, semicolon or tab separated. Issues
 * name the CSV line, counting the header as line 1, as an editor does.
 */
import { createCandleBuilder } from './candleBuilder';
import { CandleImportError, type ImportOptions, type ImportResult } from './types';

const TIME_NAMES = ['time', 'date', 'datetime', 'timestamp', 'open_time', 'opentime'];
const VALUE_NAMES = ['open', 'high', 'low', 'close', 'volume'] as const;
type Columns = Record<'time' | (typeof VALUE_NAMES)[number], number>;
const HEADERLESS: Columns = { time: 0, open: 1, high: 2, low: 3, close: 4, volume: 5 };
const PROGRESS_EVERY = 50_000;

function unquote(field: string): string {
  const trimmed = field.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed.slice(1, -1).trim()
    : trimmed;
}

function detectDelimiter(line: string): string {
  let best = ',';
  let bestCount = 0;
  for (const delimiter of [',', ';', '\t']) {
    const count = line.split(delimiter).length;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

/** A first row is a header when its price columns are not numbers. */
function isHeader(fields: readonly string[]): boolean {
  return fields.slice(1, 5).some((field) => field === '' || Number.isNaN(Number(field)));
}

/** Maps header names to column indexes, or says what is missing. */
function readHeader(fields: readonly string[]): Columns | string {
  const names = fields.map((field) => field.toLowerCase());
  let time = TIME_NAMES.map((name) => names.indexOf(name)).find((index) => index >= 0) ?? -1;
  // pandas writes its index (often the date) as an unnamed first column.
  if (time < 0 && names[0] === '') time = 0;
  if (time < 0) return 'no time column: name it time, date, timestamp or open_time';
  const missing = VALUE_NAMES.filter((name) => !names.includes(name));
  if (missing.length > 0) {
    return `no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''} in the header (expected time, open, high, low, close, volume)`;
  }
  return {
    time,
    open: names.indexOf('open'),
    high: names.indexOf('high'),
    low: names.indexOf('low'),
    close: names.indexOf('close'),
    volume: names.indexOf('volume'),
  };
}

/**
 * Parses CSV candle text.
 *
 * @throws CandleImportError naming each bad line and field (see candleBuilder.ts).
 * @example
 * parseCsvCandles('date,open,high,low,close,volume\n2024-01-01,1,2,0.5,1.5,10\n2024-01-02,…');
 */
export function parseCsvCandles(text: string, options: ImportOptions = {}): ImportResult {
  const builder = createCandleBuilder('csv', 'line', options);
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let columns: Columns | undefined;
  let delimiter = ',';
  let needed = 6;
  for (let i = 0; i < lines.length; i++) {
    if (i % PROGRESS_EVERY === 0) options.onProgress?.(i / lines.length);
    const lineText = (lines[i] as string).trim();
    if (lineText === '') continue;
    const line = i + 1;
    if (columns === undefined) {
      delimiter = detectDelimiter(lineText);
      const fields = lineText.split(delimiter).map(unquote);
      if (isHeader(fields)) {
        const header = readHeader(fields);
        if (typeof header === 'string') {
          throw new CandleImportError([
            { unit: 'line', at: line, field: 'header', message: header },
          ]);
        }
        columns = header;
        needed = Math.max(...Object.values(header)) + 1;
        continue;
      }
      columns = HEADERLESS;
    }
    const fields = lineText.split(delimiter);
    if (fields.length < needed) {
      builder.fail(line, 'row', `expected ${needed} columns, found ${fields.length}`);
      continue;
    }
    const at = (index: number) => unquote(fields[index] as string);
    builder.add(
      line,
      at(columns.time),
      at(columns.open),
      at(columns.high),
      at(columns.low),
      at(columns.close),
      at(columns.volume),
    );
  }
  options.onProgress?.(1);
  return builder.finish();
}
