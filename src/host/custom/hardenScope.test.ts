import { describe, expect, it } from 'vitest';
import { hardenScope } from './hardenScope';

describe('hardenScope', () => {
  it('removes network and storage globals, own and inherited, and leaves the rest', () => {
    const prototype = { fetch: () => 'network', postMessage: () => 'kept' };
    const scope = Object.assign(Object.create(prototype) as Record<string, unknown>, {
      indexedDB: {},
      BroadcastChannel: class {},
      Math,
    });
    expect(hardenScope(scope).sort()).toEqual(['BroadcastChannel', 'fetch', 'indexedDB']);
    expect([scope.fetch, scope.indexedDB, scope.BroadcastChannel]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(Object.getPrototypeOf(scope)).not.toHaveProperty('fetch');
    expect(typeof scope.postMessage).toBe('function');
    expect(scope.Math).toBe(Math);
  });
});
