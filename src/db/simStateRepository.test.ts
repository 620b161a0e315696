import { describe, expect, it } from 'vitest';
import { createSimStateRepository } from './simStateRepository';
import { createTestDb } from './testDb';

describe('simStateRepository', () => {
  it('saves, replaces and loads the simulator state per account', async () => {
    const simState = createSimStateRepository(createTestDb());
    expect(await simState.loadSimState('sim-default')).toBeUndefined();
    await simState.saveSimState('sim-default', { cursor: 1, balances: { USDT: 10 } });
    await simState.saveSimState('sim-default', { cursor: 2, balances: { USDT: 9 } });
    await simState.saveSimState('sim-other', { cursor: 7 });
    expect(await simState.loadSimState('sim-default')).toEqual({
      cursor: 2,
      balances: { USDT: 9 },
    });
    expect(await simState.loadSimState('sim-other')).toEqual({ cursor: 7 });
    await expect(simState.saveSimState('', {})).rejects.toThrow(/^accountId /);
  });
});
