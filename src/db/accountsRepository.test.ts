import { describe, expect, it } from 'vitest';
import { createAccountsRepository, DEFAULT_SIM_ACCOUNT_ID } from './accountsRepository';
import type { SimulatedAccount } from './schema';
import { createTestDb } from './testDb';

describe('accountsRepository', () => {
  it('creates the default simulated account once', async () => {
    const db = createTestDb();
    const accounts = createAccountsRepository(db);
    const created = await accounts.ensureDefaultSimAccount(1_000);
    expect(created).toEqual({
      id: 'sim-default',
      name: 'Simulated',
      exchange: 'simulated',
      speed: 60,
      startingBalances: { USDT: 10_000, USDC: 10_000, BTC: 0 },
      makerFee: 0.001,
      takerFee: 0.001,
      slippageBps: 5,
      createdAt: 1_000,
    });
    expect(await accounts.ensureDefaultSimAccount(2_000)).toEqual(created);
    expect(await db.accounts.count()).toBe(1);
    expect(await accounts.getAccount(DEFAULT_SIM_ACCOUNT_ID)).toEqual(created);
    expect(await accounts.getAccount('nope')).toBeUndefined();
  });

  it('lists accounts by creation time', async () => {
    const db = createTestDb();
    const accounts = createAccountsRepository(db);
    const defaultAccount = await accounts.ensureDefaultSimAccount(2_000);
    const early: SimulatedAccount = { ...defaultAccount, id: 'sim-early', createdAt: 1_000 };
    await db.accounts.add(early);
    expect((await accounts.listAccounts()).map((account) => account.id)).toEqual([
      'sim-early',
      'sim-default',
    ]);
  });

  it('updates editable fields after validating the result', async () => {
    const accounts = createAccountsRepository(createTestDb());
    await accounts.ensureDefaultSimAccount(1_000);
    const updated = await accounts.updateAccount('sim-default', {
      speed: 600,
      startingBalances: { USDT: 500 },
      makerFee: 0,
      takerFee: 0.01,
    });
    expect(updated).toMatchObject({
      speed: 600,
      startingBalances: { USDT: 500 },
      makerFee: 0,
      takerFee: 0.01,
      createdAt: 1_000,
    });
    expect(await accounts.getAccount('sim-default')).toEqual(updated);
  });

  it.each([
    [{ speed: 0 }, /^speed must be > 0/],
    [{ speed: Number.POSITIVE_INFINITY }, /^speed /],
    [{ startingBalances: { BTC: -1 } }, /^startingBalances\.BTC must be ≥ 0/],
    [{ startingBalances: [] }, /^startingBalances must be an object/],
    [{ makerFee: 0.02 }, /^makerFee must be ≤ 0.01/],
    [{ takerFee: -0.001 }, /^takerFee must be ≥ 0/],
    [{ slippageBps: -1 }, /^slippageBps /],
    [{ name: '' }, /^name /],
    [{ exchange: 'binance' }, /^exchange cannot be changed/],
    [{ id: 'other' }, /^id cannot be changed/],
  ])('rejects %j naming the field and keeps the account', async (patch, message) => {
    const accounts = createAccountsRepository(createTestDb());
    const before = await accounts.ensureDefaultSimAccount(1_000);
    await expect(accounts.updateAccount('sim-default', patch as never)).rejects.toThrow(message);
    expect(await accounts.getAccount('sim-default')).toEqual(before);
  });

  it('rejects an unknown account', async () => {
    const accounts = createAccountsRepository(createTestDb());
    await expect(accounts.updateAccount('nope', { speed: 2 })).rejects.toThrow(/^id /);
  });
});
