/**
 * The intrabar path: the order in which a simulated candle is assumed to have traded, shared by
 * the simulated exchange and backtests so both fill orders the same way (DESIGN.md, "Hard parts").
 *
 * A candle that closed up (close >= open) is walked open -> low -> high -> close; one that closed
 * down is walked open -> high -> low -> close. Between points the price moves linearly, so every
 * level between two points is traded. The assumption is pessimistic for the common case of a
 * level on each side of the open (a stop below and a take-profit above): in an up candle the low
 * comes first, so the stop wins; in a down candle the high comes first. Pure; no I/O.
 */
import type { Candle } from './candle';

/** The four points a candle is walked through: open, first extreme, second extreme, close. */
export type IntrabarPath = [number, number, number, number];

/** How a level is reached: the price trades at or below it, or at or above it. */
export type LevelCrossing = 'at_or_below' | 'at_or_above';

/** Where the path first reaches a level. */
export interface PathTouch {
  /** The level itself, or the open when the candle opened through the level (a gap). */
  price: number;
  /** The starting point when it is already through the level, else k: reached on the way to point k. */
  point: number;
  /** Price distance travelled along the path before the touch; orders touches in one candle. */
  distance: number;
}

/**
 * The path a candle is assumed to have traded along.
 *
 * @example intrabarPath({ open: 10, high: 12, low: 9, close: 11, ... }) // [10, 9, 12, 11]
 */
export function intrabarPath(
  candle: Pick<Candle, 'open' | 'high' | 'low' | 'close'>,
): IntrabarPath {
  return writeIntrabarPath(candle, [0, 0, 0, 0]);
}

/** Writes `candle`'s path into `path` and returns it (the replay reuses one per symbol). */
export function writeIntrabarPath(
  candle: Pick<Candle, 'open' | 'high' | 'low' | 'close'>,
  path: IntrabarPath,
): IntrabarPath {
  const isUp = candle.close >= candle.open;
  path[0] = candle.open;
  path[1] = isUp ? candle.low : candle.high;
  path[2] = isUp ? candle.high : candle.low;
  path[3] = candle.close;
  return path;
}

/**
 * The first point at which `path` trades at or beyond `level`, or undefined if it never does.
 * The walk starts at point `fromPoint` (default 0, the open): a path that is already beyond the
 * level there touches it at that point's price (a gap). `distance` is always measured from the
 * open, so touches found from different starting points still compare in path order.
 */
/** Whether `price` is at or beyond `level` in the direction of `crossing`. */
function isThrough(price: number, level: number, crossing: LevelCrossing): boolean {
  return crossing === 'at_or_below' ? price <= level : price >= level;
}

export function firstTouch(
  path: IntrabarPath,
  level: number,
  crossing: LevelCrossing,
  fromPoint = 0,
): PathTouch | undefined {
  let travelled = 0;
  for (let point = 1; point <= fromPoint && point < path.length; point++) {
    travelled += Math.abs((path[point] as number) - (path[point - 1] as number));
  }
  const start = path[fromPoint];
  if (start === undefined) return undefined;
  if (isThrough(start, level, crossing))
    return { price: start, point: fromPoint, distance: travelled };
  for (let point = fromPoint + 1; point < path.length; point++) {
    const from = path[point - 1] as number;
    const to = path[point] as number;
    // `from` is not through the level (else an earlier step returned), so a segment that ends
    // through it crosses it exactly at the level.
    if (isThrough(to, level, crossing))
      return { price: level, point, distance: travelled + Math.abs(level - from) };
    travelled += Math.abs(to - from);
  }
  return undefined;
}
