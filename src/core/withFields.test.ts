import { describe, expect, it } from 'vitest';
import { withFields } from './withFields';

describe('withFields', () => {
  it('builds what a spread builds: the same keys in the same order, undefined values kept', () => {
    const base = { b: 1, a: undefined, c: 'x' };
    const made = withFields(base, { d: 2, a: 3 });
    expect(made).toStrictEqual({ ...base, d: 2, a: 3 });
    expect(Object.keys(made)).toEqual(Object.keys({ ...base, d: 2, a: 3 }));
    expect(JSON.stringify(made)).toBe(JSON.stringify({ ...base, d: 2, a: 3 }));
  });

  it('copies: neither input changes', () => {
    const base = { a: 1 };
    const fields = { b: 2 };
    const made = withFields(base, fields);
    expect(made).not.toBe(base);
    expect(base).toEqual({ a: 1 });
    expect(fields).toEqual({ b: 2 });
  });
});
