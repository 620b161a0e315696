/**
 * The validation every importer shares. A format hands over each row's raw values (strings
 * from CSV, numbers or strings from JSON) with its location; the builder converts them,
 * checks them (finite numbers, positive prices, high ≥ max(open, close), low ≤ min(open,
 * close), volume ≥ 0, strictly increasing times) and collects candles. Errors name the row
 * and the field; exact duplicate rows are skipped with a warning; gaps are warnings found in
 * `finish`, once the timeframe is known. Nothing is returned when any row is bad.
 */
import type { Candle } from '../candle';
import { parseCsvTime } from '../csvTime';
import { inferSpacing, timeframeLabel } from './spacing';
import {
  CandleImportError,
  type ImportFormat,
  type ImportIssue,
  type ImportOptions,
  type ImportResult,
  type LocationUnit,
} from './types';

const DEFAULT_MAX_ISSUES = 20;
const PRICE_FIELDS = ['open', 'high', 'low', 'close'] as const;

/** 12 significant digits: the number as the file wrote it, without float noise. */
function show(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** A JSON number, or a decimal string ("23140.48", " 1e3 "); undefined for anything else. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  // Number() accepts "", "0x1f" and "Infinity"; a price column holds plain decimals only.
  if (text === '' || !/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text)) return undefined;
  const number = Number(text);
  return Number.isFinite(number) ? number : undefined;
}

/** Epoch seconds/ms/µs (told apart by magnitude) or an ISO date, to UTC ms; or why not. */
export function toTime(value: unknown): number | string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return `time ${String(value)} is not a valid time`;
    return parseCsvTime(String(value));
  }
  if (typeof value === 'string' && value.trim() !== '') return parseCsvTime(value.trim());
  return 'time is missing';
}

function describeValue(value: unknown): string {
  if (value === undefined || value === '') return 'missing';
  const text = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
  return `not a number (${text && text.length > 40 ? `${text.slice(0, 40)}…` : text})`;
}

export interface CandleBuilder {
  /** Adds one row; values are as the file holds them. */
  add(
    at: number,
    time: unknown,
    open: unknown,
    high: unknown,
    low: unknown,
    close: unknown,
    volume: unknown,
  ): void;
  /** Reports a problem with a whole row or the file (e.g. too few columns). */
  fail(at: number, field: string, message: string): void;
  /** Validates the sequence and returns the result, or throws CandleImportError. */
  finish(): ImportResult;
}

export function createCandleBuilder(
  format: ImportFormat,
  unit: LocationUnit,
  options: ImportOptions = {},
): CandleBuilder {
  const maxIssues = options.maxIssues ?? DEFAULT_MAX_ISSUES;
  const errors: ImportIssue[] = [];
  let errorCount = 0;
  const warnings: ImportIssue[] = [];
  let warningCount = 0;
  const candles: Candle[] = [];
  const locations: number[] = [];

  const fail = (at: number, field: string, message: string): void => {
    errorCount += 1;
    if (errors.length < maxIssues) errors.push({ unit, at, field, message });
  };
  const warn = (at: number, field: string, message: string): void => {
    warningCount += 1;
    if (warnings.length < maxIssues) warnings.push({ unit, at, field, message });
  };

  const checkOrder = (at: number, candle: Candle): boolean => {
    const previous = candles[candles.length - 1];
    if (!previous || candle.time > previous.time) return true;
    const previousAt = locations[locations.length - 1] as number;
    if (candle.time < previous.time) {
      fail(at, 'time', `time is before the time of ${unit} ${previousAt}; times must increase`);
    } else if (
      PRICE_FIELDS.every((field) => candle[field] === previous[field]) &&
      candle.volume === previous.volume
    ) {
      warn(at, 'time', `duplicate of ${unit} ${previousAt}; skipped`);
    } else {
      fail(at, 'time', `time repeats the time of ${unit} ${previousAt} with different values`);
    }
    return false;
  };

  return {
    fail,
    add(at, rawTime, rawOpen, rawHigh, rawLow, rawClose, rawVolume) {
      const time = toTime(rawTime);
      let isBad = false;
      if (typeof time === 'string') {
        fail(at, 'time', time);
        isBad = true;
      }
      const raw = { open: rawOpen, high: rawHigh, low: rawLow, close: rawClose, volume: rawVolume };
      const values = { open: 0, high: 0, low: 0, close: 0, volume: 0 };
      for (const field of [...PRICE_FIELDS, 'volume'] as const) {
        const value = toNumber(raw[field]);
        if (value === undefined) {
          fail(at, field, `${field} is ${describeValue(raw[field])}`);
          isBad = true;
        } else values[field] = value;
      }
      if (isBad) return;
      const { open, high, low, close, volume } = values;
      for (const field of PRICE_FIELDS) {
        if (values[field] <= 0) {
          fail(at, field, `${field} must be above 0 (${show(values[field])})`);
          isBad = true;
        }
      }
      if (high < Math.max(open, close)) {
        const other = open > close ? 'open' : 'close';
        fail(at, 'high', `high is below ${other} (${show(high)} < ${show(values[other])})`);
        isBad = true;
      }
      if (low > Math.min(open, close)) {
        const other = open < close ? 'open' : 'close';
        fail(at, 'low', `low is above ${other} (${show(low)} > ${show(values[other])})`);
        isBad = true;
      }
      if (volume < 0) {
        fail(at, 'volume', `volume is negative (${show(volume)})`);
        isBad = true;
      }
      if (isBad) return;
      const candle: Candle = { time: time as number, open, high, low, close, volume };
      if (!checkOrder(at, candle)) return;
      candles.push(candle);
      locations.push(at);
    },
    finish() {
      if (errorCount === 0 && candles.length < 2) {
        fail(
          locations[0] ?? 0,
          'row',
          candles.length === 0
            ? 'no candles found'
            : 'only one candle: at least two are needed to tell the timeframe',
        );
      }
      if (errorCount > 0) throw new CandleImportError(errors, errorCount);
      const spacing = inferSpacing(candles);
      for (let i = 1; i < candles.length; i++) {
        const step = (candles[i] as Candle).time - (candles[i - 1] as Candle).time;
        if (step === spacing) continue;
        const at = locations[i] as number;
        const label = timeframeLabel(step);
        if (step % spacing === 0) {
          const missing = step / spacing - 1;
          warn(
            at,
            'time',
            `gap of ${missing} candle${missing === 1 ? '' : 's'} (${label}) before this row`,
          );
        } else {
          warn(
            at,
            'time',
            `irregular step of ${label} (the file's step is ${timeframeLabel(spacing)})`,
          );
        }
      }
      return {
        format,
        candles,
        timeframeMs: spacing,
        timeframe: timeframeLabel(spacing),
        warnings,
        warningCount,
      };
    },
  };
}
