/**
 * Reads the time column of a candle CSV into UTC milliseconds, without the host time zone:
 * ISO-8601 dates and date-times (a missing zone means UTC, never local time) and epoch
 * numbers in seconds, milliseconds or microseconds, told apart by magnitude.
 */

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?$/i;
const EPOCH = /^\d+(?:\.\d+)?$/;

/**
 * Magnitude limits for epoch numbers. 1e11 s is the year 5138 and 1e11 ms is 1973, so below
 * 1e11 a number is seconds; likewise below 1e14 milliseconds, below 1e17 microseconds
 * (Binance's newer dumps), and nanoseconds above.
 */
const EPOCH_UNITS = [
  { below: 1e11, toMs: 1000 },
  { below: 1e14, toMs: 1 },
  { below: 1e17, toMs: 1e-3 },
  { below: Infinity, toMs: 1e-6 },
] as const;

function parseOffsetMinutes(zone: string | undefined): number {
  if (!zone || /^(z|utc)$/i.test(zone)) return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
}

function parseIso(field: string): number | string {
  const match = ISO.exec(field);
  if (!match) return `time "${field}" is neither an ISO date nor an epoch number`;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  const utc = Date.UTC(year, month - 1, day, Number(h), Number(mi), Number(s), ms);
  const check = new Date(utc);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s) > 59
  ) {
    return `time "${field}" is not a valid date`;
  }
  return utc - parseOffsetMinutes(zone) * 60_000;
}

/** Parses a CSV time field to UTC ms; returns a message naming the field when it cannot. */
export function parseCsvTime(field: string): number | string {
  if (!EPOCH.test(field)) return parseIso(field);
  const value = Number(field);
  const unit = EPOCH_UNITS.find((candidate) => value < candidate.below);
  const ms = Math.round(value * (unit?.toMs ?? 1));
  return Number.isSafeInteger(ms) ? ms : `time "${field}" is out of range`;
}
