import { describe, expect, it } from 'vitest';
import { withGetters } from './withGetters';

describe('withGetters', () => {
  it('adds live, enumerable, read-only properties to the same object', () => {
    let count = 0;
    const base = { next: () => (count += 1) };
    const counter = withGetters(base, { count: () => count, isReady: () => count >= 2 });
    expect(counter).toBe(base);
    expect(counter.count).toBe(0);
    counter.next();
    counter.next();
    expect(counter.count).toBe(2);
    expect(counter.isReady).toBe(true);
    expect(Object.keys(counter)).toEqual(['next', 'count', 'isReady']);
    expect(() => {
      (counter as { count: number }).count = 5;
    }).toThrow(TypeError);
  });
});
