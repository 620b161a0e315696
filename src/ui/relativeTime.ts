/**
 * Relative times ("3 min ago", "yesterday") in the user's locale, and a clock signal that
 * ticks slowly so every "… ago" on a page updates together without a timer per row.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
  ['second', 1000],
];

let relative: Intl.RelativeTimeFormat | undefined;

/** `time` relative to `now` (both UTC ms), e.g. "5 minutes ago"; "—" when unknown. */
export function formatRelativeTime(time: number | undefined, now: number): string {
  if (time === undefined || !Number.isFinite(time)) return '—';
  relative ??= new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' });
  // A moment newer than the slowly ticking clock is "now", never "in 10 sec.".
  const elapsed = Math.min(0, time - now);
  for (const [unit, size] of UNITS) {
    if (Math.abs(elapsed) >= size || unit === 'second') {
      return relative.format(Math.round(elapsed / size), unit);
    }
  }
  return '—';
}

/** How often "… ago" texts refresh: seconds-level precision is not useful in a list. */
const NOW_INTERVAL_MS = 15_000;

/** The wall-clock time, refreshed every 15 s while the owner is alive. */
export function createNow(): Accessor<number> {
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), NOW_INTERVAL_MS);
  onCleanup(() => clearInterval(timer));
  return now;
}
