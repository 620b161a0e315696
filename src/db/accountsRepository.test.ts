import { describe, expect, it } from 'vitest';
import {
  createAccountsRepository,
  DEFAULT_SIM_ACCOUNT_ID,
  type NewExchangeAccount,
} from './accountsRepository';
import { createPaperStateRepository } from './paperStateRepository';
import { DEFAULT_PAPER_SETTINGS } from './exchangeAccountValidation';
import type { SimulatedAccount } from './schema';
import { createTestDb } from './testDb';

describe('accountsRepository', () => {
  it('creates the default simulated account once', async () => {
    const db = createTestDb();
    const accounts = createAccountsRepository(db);
    const created = await accounts.ensureDefaultSimAccount(1_000);
    expect(created).toEqual({
      kind: 'simulated',
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

  it('rejects a name another account already has, ignoring case and spaces', async () => {
    const accounts = createAccountsRepository(createTestDb());
    await accounts.ensureDefaultSimAccount(1_000);
    await accounts.addExchangeAccount(exchangeInput(), { now: 2_000, knownExchanges: KNOWN });
    await expect(accounts.updateAccount('sim-default', { name: ' my BINANCE ' })).rejects.toThrow(
      /^name is already used by another account/,
    );
  });
});

const KNOWN = new Set(['binance', 'kraken']);

function exchangeInput(overrides: Partial<NewExchangeAccount> = {}): NewExchangeAccount {
  return { id: 'acc-1', name: 'My Binance', exchange: 'binance', sandbox: false, ...overrides };
}

describe('exchange accounts', () => {
  it('adds an account with default paper settings and lists it after the simulated one', async () => {
    const db = createTestDb();
    const accounts = createAccountsRepository(db);
    await accounts.ensureDefaultSimAccount(1_000);
    const added = await accounts.addExchangeAccount(
      exchangeInput({
        name: '  My Binance ',
        apiUrl: ' http://127.0.0.1:4207 ',
        proxyUrl: '',
        credentialsSecretId: 'account:acc-1',
      }),
      { now: 2_000, knownExchanges: KNOWN },
    );
    expect(added).toEqual({
      kind: 'exchange',
      id: 'acc-1',
      name: 'My Binance',
      exchange: 'binance',
      sandbox: false,
      apiUrl: 'http://127.0.0.1:4207',
      credentialsSecretId: 'account:acc-1',
      paper: DEFAULT_PAPER_SETTINGS,
      createdAt: 2_000,
    });
    expect((await accounts.listAccounts()).map((account) => account.id)).toEqual([
      'sim-default',
      'acc-1',
    ]);
    expect(await db.accounts.where('kind').equals('exchange').count()).toBe(1);
  });

  it.each([
    [{ name: ' ' }, /^name must be a non-empty string/],
    [{ name: 'x'.repeat(61) }, /^name must be at most 60 characters/],
    [{ name: 'simulated' }, /^name is already used by another account/],
    [{ exchange: 'nasdaq' }, /^exchange "nasdaq" is not in the list of exchanges/],
    [{ exchange: '' }, /^exchange must be a non-empty string/],
    [{ sandbox: 'yes' }, /^sandbox must be true or false/],
    [{ proxyUrl: 'ftp://proxy.local/' }, /^proxyUrl must be an http:\/\/ or https:\/\/ URL/],
    [{ apiUrl: 'not a url' }, /^apiUrl must be an http:\/\/ or https:\/\/ URL/],
    [{ apiUrl: 'http://user:pw@127.0.0.1:1/' }, /^apiUrl must not contain a user name or password/],
    [{ paper: { ...DEFAULT_PAPER_SETTINGS, takerFee: 0.5 } }, /^paper\.takerFee must be ≤ 0\.01/],
    [
      { paper: { ...DEFAULT_PAPER_SETTINGS, startingBalances: { USDT: -1 } } },
      /^paper\.startingBalances\.USDT must be ≥ 0/,
    ],
  ])('refuses %j naming the field, and stores nothing', async (overrides, message) => {
    const db = createTestDb();
    const accounts = createAccountsRepository(db);
    await accounts.ensureDefaultSimAccount(1_000);
    await expect(
      accounts.addExchangeAccount(exchangeInput(overrides as Partial<NewExchangeAccount>), {
        now: 2_000,
        knownExchanges: KNOWN,
      }),
    ).rejects.toThrow(message);
    expect(await db.accounts.count()).toBe(1);
  });

  it('refuses a second account with the same id', async () => {
    const accounts = createAccountsRepository(createTestDb());
    await accounts.addExchangeAccount(exchangeInput(), { now: 1, knownExchanges: KNOWN });
    await expect(
      accounts.addExchangeAccount(exchangeInput({ name: 'Other' }), {
        now: 2,
        knownExchanges: KNOWN,
      }),
    ).rejects.toThrow(/^id is already taken/);
  });

  it('updates connection fields, removes optional ones with null, never the exchange', async () => {
    const accounts = createAccountsRepository(createTestDb());
    await accounts.addExchangeAccount(
      exchangeInput({ proxyUrl: 'http://127.0.0.1:8787/', credentialsSecretId: 'account:acc-1' }),
      { now: 1, knownExchanges: KNOWN },
    );
    const updated = await accounts.updateExchangeAccount('acc-1', {
      name: 'Binance main',
      sandbox: true,
      proxyUrl: null,
      credentialsSecretId: null,
    });
    expect(updated).toMatchObject({ name: 'Binance main', sandbox: true, exchange: 'binance' });
    expect(updated).not.toHaveProperty('proxyUrl');
    expect(updated).not.toHaveProperty('credentialsSecretId');
    await expect(
      accounts.updateExchangeAccount('acc-1', { exchange: 'kraken' } as never),
    ).rejects.toThrow(/^exchange cannot be changed/);
    await expect(accounts.updateExchangeAccount('acc-1', { apiUrl: 'file:///x' })).rejects.toThrow(
      /^apiUrl /,
    );
    await expect(accounts.updateExchangeAccount('sim-default', { name: 'x' })).rejects.toThrow(
      /^id does not name an exchange account/,
    );
    await expect(accounts.updateAccount('acc-1', { speed: 2 })).rejects.toThrow(
      /^id does not name a simulated account/,
    );
  });

  it('deletes an exchange account with its paper state; the built-in one stays', async () => {
    const db = createTestDb();
    const accounts = createAccountsRepository(db);
    await accounts.ensureDefaultSimAccount(1);
    await accounts.addExchangeAccount(exchangeInput(), { now: 2, knownExchanges: KNOWN });
    await createPaperStateRepository(db).savePaperState('acc-1', { balances: {} }, 3);
    await accounts.deleteAccount('acc-1');
    expect(await accounts.getAccount('acc-1')).toBeUndefined();
    expect(await db.paperState.count()).toBe(0);
    await expect(accounts.deleteAccount('acc-1')).rejects.toThrow(/^id does not name an account/);
    await expect(accounts.deleteAccount('sim-default')).rejects.toThrow(/built-in/);
  });
});

describe('paper state', () => {
  it('saves, loads and clears the paper exchange state of an account', async () => {
    const paper = createPaperStateRepository(createTestDb());
    expect(await paper.loadPaperState('acc-1')).toBeUndefined();
    await paper.savePaperState('acc-1', { balances: { USDT: 5 } }, 10);
    expect(await paper.loadPaperState('acc-1')).toEqual({ balances: { USDT: 5 } });
    await paper.clearPaperState('acc-1');
    expect(await paper.loadPaperState('acc-1')).toBeUndefined();
    await expect(paper.savePaperState('', {}, 1)).rejects.toThrow(/^accountId /);
  });
});
