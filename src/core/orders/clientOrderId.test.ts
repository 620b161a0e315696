import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../time';
import { makeClientOrderId, makeShortId, parseClientOrderId } from './clientOrderId';

describe('makeShortId', () => {
  it('makes 6 chars of [a-z0-9], deterministically from the Random', () => {
    const a = makeShortId(createSeededRandom(7));
    expect(a).toMatch(/^[a-z0-9]{6}$/);
    expect(makeShortId(createSeededRandom(7))).toBe(a);
    expect(makeShortId(createSeededRandom(8))).not.toBe(a);
  });

  it('stays in the alphabet at the edges of [0, 1)', () => {
    expect(makeShortId({ next: () => 0 })).toBe('aaaaaa');
    expect(makeShortId({ next: () => 0.9999999999 })).toBe('999999');
    expect(makeShortId({ next: () => 1 })).toBe('999999');
  });
});

describe('makeClientOrderId', () => {
  it('is flt + short id + zero-padded base-36 sequence', () => {
    expect(makeClientOrderId('k3x9q2', 0)).toBe('fltk3x9q2000000');
    expect(makeClientOrderId('k3x9q2', 1)).toBe('fltk3x9q2000001');
    expect(makeClientOrderId('k3x9q2', 36)).toBe('fltk3x9q2000010');
    expect(makeClientOrderId('k3x9q2', 36 ** 6)).toBe('fltk3x9q21000000');
    expect(makeClientOrderId('k3x9q2', Number.MAX_SAFE_INTEGER)).toHaveLength(20);
  });

  it('rejects bad input', () => {
    expect(() => makeClientOrderId('K3X9Q2', 1)).toThrow(/short id/);
    expect(() => makeClientOrderId('abc', 1)).toThrow(RangeError);
    expect(() => makeClientOrderId('abcdef', -1)).toThrow(/sequence/);
    expect(() => makeClientOrderId('abcdef', 1.5)).toThrow(RangeError);
  });

  it('round-trips through parseClientOrderId and fits every exchange limit', () => {
    const shortId = fc.stringMatching(/^[a-z0-9]{6}$/);
    const seq = fc.oneof(fc.nat({ max: 5000 }), fc.maxSafeNat());
    fc.assert(
      fc.property(shortId, seq, (s, n) => {
        const id = makeClientOrderId(s, n);
        expect(id).toMatch(/^[A-Za-z0-9]{1,36}$/);
        expect(parseClientOrderId(id)).toEqual({ shortId: s, seq: n });
      }),
    );
  });

  it('orders ids of one bot by sequence when compared as strings (below 36^6)', () => {
    expect(makeClientOrderId('abcdef', 35) < makeClientOrderId('abcdef', 36)).toBe(true);
  });
});

describe('parseClientOrderId', () => {
  it.each([
    'x-123',
    'fltabc',
    'fltABCDEF000001',
    'fltabcdef00001',
    'fltabcdef0000001',
    'fltabcdef000001-',
    'web_a9f8e7d6c5',
  ])('returns undefined for %j', (id) => {
    expect(parseClientOrderId(id)).toBeUndefined();
  });
});
