/**
 * Parses OHLCV candles from CSV text (a user's upload or a bundled sample). Accepts a header
 * naming the columns (case-insensitive; time may be called time/date/datetime/timestamp/
 * open_time or be the unnamed first column) or no header (time,open,high,low,close,volume).
 * Times are ISO-8601 UTC (`2023-03-01 00:00:00+00:00`; no zone means UTC) or epoch seconds,
 * milliseconds or microseconds. Every bad row is reported with its line number; nothing is
 * returned half-parsed.
 */
import type { Candle } from './candle';
import { parseCsvTime } from './csvTime';

/** One problem found in the CSV, with its 1-based line number. */
export interface CandleParseIssue {
  line: number;
  message: string;
}

/** Thrown when the CSV cannot be parsed; `issues` lists every bad row (up to a cap). */
export class CandleParseError extends Error {
  readonly issues: readonly CandleParseIssue[];
  constructor(issues: readonly CandleParseIssue[]) {
    const shown = issues.slice(0, 5).map((issue) => `line ${issue.line}: ${issue.message}`);
    const more = issues.length > shown.length ? ` (and ${issues.length - shown.length} more)` : '';
    super(`Could not read candles from CSV: ${shown.join('; ')}${more}`);
    this.name = 'CandleParseError';
    this.issues = issues;
  }
}

/** Enough to fix a file without drowning the user (or the UI) in repeats. */
const MAX_ISSUES = 50;
const TIME_NAMES = new Set(['time', 'date', 'datetime', 'timestamp', 'open_time', 'opentime']);
const VALUE_COLUMNS = ['open', 'high', 'low', 'close', 'volume'] as const;
type Columns = Record<'time' | (typeof VALUE_COLUMNS)[number], number>;
const HEADERLESS: Columns = { time: 0, open: 1, high: 2, low: 3, close: 4, volume: 5 };
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function parseDecimal(field: string): number | undefined {
  if (!DECIMAL.test(field)) return undefined;
  const value = Number(field);
  return Number.isFinite(value) ? value : undefined;
}

function splitRow(line: string, delimiter: string): string[] {
  return line.split(delimiter).map((field) =>
    field
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim(),
  );
}

function detectDelimiter(firstLine: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]?.[0] ?? ',';
}

/** Maps header names to column indexes, or returns the reason the header is unusable. */
function readHeader(fields: string[]): Columns | string {
  const names = fields.map((field) => field.toLowerCase());
  const index = (name: string) => names.indexOf(name);
  let time = names.findIndex((name) => TIME_NAMES.has(name));
  if (time < 0 && (names[0] === '' || !VALUE_COLUMNS.some((name) => name === names[0]))) time = 0;
  if (time < 0) return 'the header has no time column (time, date, timestamp or open_time)';
  const missing = VALUE_COLUMNS.filter((name) => index(name) < 0);
  if (missing.length > 0) {
    return `the header has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''} (expected time,open,high,low,close,volume)`;
  }
  return {
    time,
    open: index('open'),
    high: index('high'),
    low: index('low'),
    close: index('close'),
    volume: index('volume'),
  };
}

/** A row is a header when its price columns are not numbers. */
function isHeader(fields: string[]): boolean {
  return fields.slice(1, 5).some((field) => parseDecimal(field) === undefined);
}

/** Parses one data row into a candle, or returns why it is invalid. */
function parseRow(fields: string[], columns: Columns): Candle | string {
  const needed = Math.max(...Object.values(columns)) + 1;
  if (fields.length < needed) return `expected ${needed} columns, found ${fields.length}`;
  const time = parseCsvTime(fields[columns.time] ?? '');
  if (typeof time === 'string') return time;
  const values: Partial<Record<(typeof VALUE_COLUMNS)[number], number>> = {};
  for (const name of VALUE_COLUMNS) {
    const raw = fields[columns[name]] ?? '';
    const value = parseDecimal(raw);
    if (value === undefined) return `${name} "${raw}" is not a finite number`;
    values[name] = value;
  }
  const { open = 0, high = 0, low = 0, close = 0, volume = 0 } = values;
  if (Math.min(open, high, low, close) <= 0) return 'prices must be greater than zero';
  if (volume < 0) return `volume ${volume} is negative`;
  if (high < Math.max(open, close)) return `high ${high} is below max(open, close)`;
  if (low > Math.min(open, close)) return `low ${low} is above min(open, close)`;
  return { time, open, high, low, close, volume };
}

/**
 * Parses OHLCV CSV text into candles in file order.
 *
 * @throws CandleParseError listing each bad row by line number: unparsable times or numbers,
 *   high below max(open, close), low above min(open, close), non-positive prices, negative
 *   volume, or times that do not strictly increase.
 * @example
 * const { candles } = parseCandlesCsv('open_time,open,high,low,close,volume\n' +
 *   '2023-03-01 00:00:00+00:00,23140.48,23150.77,23128.52,23142.31,2.131777');
 */
export function parseCandlesCsv(text: string): { candles: Candle[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const issues: CandleParseIssue[] = [];
  const candles: Candle[] = [];
  let columns: Columns | undefined;
  let delimiter = ',';
  let previous: { time: number; line: number } | undefined;

  for (let i = 0; i < lines.length && issues.length < MAX_ISSUES; i++) {
    const lineText = lines[i]?.trim() ?? '';
    if (lineText === '') continue;
    const line = i + 1;
    if (columns === undefined) {
      delimiter = detectDelimiter(lineText);
      const fields = splitRow(lineText, delimiter);
      if (isHeader(fields)) {
        const header = readHeader(fields);
        if (typeof header === 'string') return fail([{ line, message: header }]);
        columns = header;
        continue;
      }
      columns = HEADERLESS;
    }
    const row = parseRow(splitRow(lineText, delimiter), columns);
    if (typeof row === 'string') {
      issues.push({ line, message: row });
      continue;
    }
    if (previous && row.time <= previous.time) {
      const relation = row.time === previous.time ? 'repeats' : 'is before';
      issues.push({ line, message: `time ${relation} the time on line ${previous.line}` });
    }
    previous = { time: row.time, line };
    candles.push(row);
  }
  if (issues.length > 0) return fail(issues);
  if (candles.length === 0) return fail([{ line: lines.length, message: 'no candle rows found' }]);
  return { candles };
}

function fail(issues: CandleParseIssue[]): never {
  throw new CandleParseError(issues);
}
