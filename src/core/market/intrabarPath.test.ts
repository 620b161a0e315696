import { describe, expect, it } from 'vitest';
import { firstTouch, intrabarPath } from './intrabarPath';

const candle = (open: number, high: number, low: number, close: number) => ({
  open,
  high,
  low,
  close,
});

describe('intrabarPath', () => {
  it('walks an up candle open -> low -> high -> close', () => {
    expect(intrabarPath(candle(100, 110, 95, 105))).toEqual([100, 95, 110, 105]);
  });

  it('walks a down candle open -> high -> low -> close', () => {
    expect(intrabarPath(candle(100, 110, 95, 97))).toEqual([100, 110, 95, 97]);
  });

  it('treats a flat candle (close = open) as up', () => {
    expect(intrabarPath(candle(100, 102, 98, 100))).toEqual([100, 98, 102, 100]);
  });
});

describe('firstTouch', () => {
  const up = intrabarPath(candle(100, 110, 95, 105)); // 100 -> 95 -> 110 -> 105

  it('touches a level below the open on the first leg, at the level', () => {
    expect(firstTouch(up, 97, 'at_or_below')).toEqual({ price: 97, point: 1, distance: 3 });
  });

  it('touches a level above the open after the low leg', () => {
    // 5 down to the low, then 13 up from 95 to 108.
    expect(firstTouch(up, 108, 'at_or_above')).toEqual({ price: 108, point: 2, distance: 18 });
  });

  it('touches at the open when the path opens through the level', () => {
    expect(firstTouch(up, 101, 'at_or_below')).toEqual({ price: 100, point: 0, distance: 0 });
    expect(firstTouch(up, 100, 'at_or_above')).toEqual({ price: 100, point: 0, distance: 0 });
  });

  it('counts a level equal to an extreme as touched', () => {
    expect(firstTouch(up, 95, 'at_or_below')?.price).toBe(95);
    expect(firstTouch(up, 110, 'at_or_above')?.price).toBe(110);
  });

  it('returns undefined when the path never reaches the level', () => {
    expect(firstTouch(up, 94.99, 'at_or_below')).toBeUndefined();
    expect(firstTouch(up, 110.01, 'at_or_above')).toBeUndefined();
  });

  it('walks a down candle up to the high first, then down to the low', () => {
    const down = intrabarPath(candle(100, 104, 90, 92)); // 100 -> 104 -> 90 -> 92
    expect(firstTouch(down, 103, 'at_or_above')).toEqual({ price: 103, point: 1, distance: 3 });
    expect(firstTouch(down, 91, 'at_or_below')).toEqual({ price: 91, point: 2, distance: 17 });
  });
});

describe('firstTouch from a later point', () => {
  const up = intrabarPath(candle(100, 110, 95, 105)); // 100 -> 95 -> 110 -> 105

  it('ignores the part of the path before the starting point', () => {
    // From the low (point 1): a level of 97 is already through there.
    expect(firstTouch(up, 97, 'at_or_below', 1)).toEqual({ price: 95, point: 1, distance: 5 });
    // From the high (point 2) the path only falls to 105, never to 97.
    expect(firstTouch(up, 97, 'at_or_below', 2)).toBeUndefined();
  });

  it('measures distance from the open so touches compare across starting points', () => {
    expect(firstTouch(up, 106, 'at_or_below', 2)).toEqual({ price: 106, point: 3, distance: 24 });
  });
});
