import { describe, expect, it } from 'vitest';
import type { BotConfig } from '../core/bot/types';
import { ExchangeError } from '../core/exchangePort';
import { createOrdersRepository } from '../db';
import type { ExchangeAccountInput } from './engineApi';
import { WAITING_FOR_VAULT } from './liveWaiting';
import {
  createTestExchanges,
  TEST_API_KEY,
  TEST_SECRET,
  type TestExchanges,
} from './testExchanges';
import { startTestHost, type TestHost } from './testHost';

const PASS = 'correct horse battery staple';

const INPUT: ExchangeAccountInput = {
  name: 'My Binance',
  exchange: 'binance',
  sandbox: false,
  apiUrl: 'http://127.0.0.1:4207',
  credentials: { apiKey: TEST_API_KEY, secret: TEST_SECRET },
};

const toHex = (text: string) =>
  [...new TextEncoder().encode(text)].map((byte) => byte.toString(16).padStart(2, '0')).join('');

interface Setup extends TestHost {
  exchanges: TestExchanges;
}

async function setup(options: { vault?: boolean } = {}): Promise<Setup> {
  const first = await startTestHost({ vaultIterations: 1_000 });
  // The exchanges share the host's clock, so one host is started to get it, then replaced.
  await first.host.shutdown();
  const exchanges = createTestExchanges(first.clock);
  const test = await startTestHost({
    db: first.db,
    clock: first.clock,
    vaultIterations: 1_000,
    exchanges: exchanges.factories,
  });
  if (options.vault !== false) expect((await test.host.setupVault(PASS, PASS)).ok).toBe(true);
  return { ...test, exchanges };
}

async function addAccount(test: TestHost, input: ExchangeAccountInput = INPUT): Promise<string> {
  const added = await test.host.addExchangeAccount(input);
  if (!added.ok) throw new Error(`${added.error} ${JSON.stringify(added.fieldErrors)}`);
  return added.value.id;
}

function botOn(accountId: string, mode: 'paper' | 'live', name = `${mode} bot`): BotConfig {
  return {
    name,
    mode,
    accountId,
    symbol: 'BTC/USDT',
    strategyId: 'buy-and-hold',
    timeframe: '1m',
    params: {},
    allocation: 500,
  };
}

async function createStarted(test: TestHost, config: BotConfig): Promise<string> {
  const created = await test.host.createBot(config, { start: true });
  if (!created.ok) throw new Error(`${created.error} ${JSON.stringify(created.fieldErrors)}`);
  return created.value.id;
}

describe('exchange accounts', () => {
  it('stores the keys only in the vault and lists the account with a masked hint', async () => {
    const test = await setup();
    const id = await addAccount(test);
    expect(id).toMatch(/^acc-[a-z0-9]{6}$/);
    const stored = await test.db.accounts.get(id);
    expect(stored).toMatchObject({ kind: 'exchange', credentialsSecretId: `account:${id}` });
    expect(await test.host.vault.getSecret(`account:${id}`)).toEqual({
      apiKey: TEST_API_KEY,
      secret: TEST_SECRET,
    });
    const listed = await test.host.listAccounts();
    if (!listed.ok) throw new Error(listed.error);
    expect(listed.value.map((account) => [account.name, account.modes])).toEqual([
      ['Simulated', ['simulated']],
      ['My Binance', ['paper', 'live']],
    ]);
    expect(listed.value[1]).toMatchObject({
      exchangeName: 'Binance',
      hasCredentials: true,
      credentialsHint: '••••WXYZ',
      apiUrl: 'http://127.0.0.1:4207',
      botCount: 0,
    });
    expect(JSON.stringify(listed)).not.toContain(TEST_SECRET);
    expect(JSON.stringify(listed)).not.toContain(TEST_API_KEY);
    await test.host.shutdown();
  });

  it('asks for the vault before storing keys, and names every bad field', async () => {
    const test = await setup({ vault: false });
    expect(await test.host.addExchangeAccount(INPUT)).toMatchObject({
      ok: false,
      fieldErrors: [
        {
          field: 'credentials',
          message: 'Set up the vault (Settings → Security) to store API keys.',
        },
      ],
    });
    await test.host.setupVault(PASS, PASS);
    await test.host.lockVault();
    expect(await test.host.addExchangeAccount(INPUT)).toMatchObject({
      ok: false,
      fieldErrors: [
        {
          field: 'credentials',
          message: 'Unlock the vault (Settings → Security) to store API keys.',
        },
      ],
    });
    // Without keys an account (for paper trading) needs no vault.
    await addAccount(test, { ...INPUT, name: 'Public only', credentials: {} });
    await test.host.unlockVault(PASS);
    const cases: [Partial<ExchangeAccountInput>, string, RegExp][] = [
      [{ proxyUrl: 'ftp://proxy' }, 'proxyUrl', /^CORS proxy URL must be an http/],
      [{ apiUrl: 'nope' }, 'apiUrl', /^API base URL must be an http/],
      [{ name: ' public ONLY ' }, 'name', /^Name is already used by another account\.$/],
      [{ name: '' }, 'name', /^Name must be a non-empty string\.$/],
      [{ exchange: 'mtgox' }, 'exchange', /^Exchange "mtgox" is not in the list/],
      [{ credentials: { apiKey: TEST_API_KEY } }, 'credentials.secret', /^Enter the API secret\.$/],
    ];
    for (const [change, field, message] of cases) {
      const result = await test.host.addExchangeAccount({ ...INPUT, ...change });
      expect(result.ok, field).toBe(false);
      if (!result.ok)
        expect(result.fieldErrors?.[0]).toEqual({ field, message: expect.stringMatching(message) });
    }
    expect(
      await test.host.addExchangeAccount({ ...INPUT, exchange: 'okx', name: 'OKX' }),
    ).toMatchObject({ ok: false, fieldErrors: [{ field: 'credentials.password' }] });
    expect(await test.db.accounts.count()).toBe(2);
    expect(
      (await test.host.listVaultSecrets()).ok && (await test.host.listVaultSecrets()),
    ).toMatchObject({
      value: [],
    });
    await test.host.shutdown();
  });

  it('tests a connection from the form and from a saved account, inside the worker', async () => {
    const test = await setup();
    const fromForm = await test.host.testExchangeConnection({ input: INPUT });
    expect(fromForm).toMatchObject({
      ok: true,
      value: {
        ok: true,
        marketCount: 2,
        tradingPath: 'websocket',
        balances: { USDT: { total: 5_000 } },
      },
    });
    const wrong = await test.host.testExchangeConnection({
      input: { ...INPUT, credentials: { apiKey: TEST_API_KEY, secret: 'wrong' } },
    });
    expect(wrong).toMatchObject({ ok: true, value: { ok: false, problem: 'auth' } });
    const id = await addAccount(test);
    expect(await test.host.testExchangeConnection({ accountId: id })).toMatchObject({
      value: { ok: true },
    });
    expect(test.exchanges.opened.at(-1)).toMatchObject({
      exchangeId: 'binance',
      apiUrl: 'http://127.0.0.1:4207',
      credentials: { apiKey: TEST_API_KEY },
    });
    await test.host.lockVault();
    expect(await test.host.testExchangeConnection({ accountId: id })).toMatchObject({
      value: { ok: false, fix: expect.stringContaining('Unlock the vault') },
    });
    await test.host.shutdown();
  });

  it('lists the exchange markets and checks bot modes against the account', async () => {
    const test = await setup();
    const id = await addAccount(test);
    const markets = await test.host.listMarkets(id);
    expect(markets.ok && markets.value.map((market) => market.symbol)).toEqual([
      'BTC/USDT',
      'BTC/USDC',
    ]);
    const modeError = async (config: BotConfig) => {
      const result = await test.host.createBot(config);
      return result.ok ? undefined : result.fieldErrors?.find((error) => error.field === 'mode');
    };
    expect(await modeError({ ...botOn(id, 'paper'), mode: 'simulated' })).toMatchObject({
      message: expect.stringContaining('Exchange accounts run paper or live bots'),
    });
    expect(await modeError({ ...botOn('sim-default', 'paper') })).toMatchObject({
      message: expect.stringContaining('runs simulated bots only'),
    });
    const publicOnly = await addAccount(test, { ...INPUT, name: 'Keyless', credentials: {} });
    expect(await modeError(botOn(publicOnly, 'live'))).toMatchObject({
      message: expect.stringContaining("Live trading needs the account's API keys"),
    });
    await test.host.lockVault();
    expect(await modeError(botOn(id, 'live'))).toMatchObject({
      message: expect.stringContaining('Unlock the vault to trade live on My Binance'),
    });
    await test.host.unlockVault(PASS);
    const tooMuch = await test.host.createBot({ ...botOn(id, 'live'), allocation: 6_000 });
    expect(tooMuch).toMatchObject({ ok: false, fieldErrors: [{ field: 'allocation' }] });
    expect(await test.db.bots.count()).toBe(0);
    await test.host.shutdown();
  });

  it('refuses to delete an account bots use; deleting removes its keys from the vault', async () => {
    const test = await setup();
    const id = await addAccount(test);
    const botId = await createStarted(test, botOn(id, 'paper', 'Paper one'));
    expect(await test.host.deleteExchangeAccount(id)).toMatchObject({
      ok: false,
      error: 'My Binance is used by a bot (Paper one): delete it first.',
    });
    await test.host.stopBot(botId, { cancelOrders: true, closePosition: false });
    expect(await test.host.updateExchangeAccount(id, { ...INPUT, exchange: 'okx' })).toMatchObject({
      ok: false,
      fieldErrors: [{ field: 'exchange' }],
    });
    expect((await test.host.deleteBot(botId)).ok).toBe(true);
    expect(await test.host.deleteExchangeAccount(id)).toEqual({ ok: true, value: undefined });
    expect(await test.db.accounts.get(id)).toBeUndefined();
    // Only the vault's own config key is left.
    expect((await test.db.vaultSecrets.toArray()).map((secret) => secret.kind)).toEqual([
      'dataKey',
    ]);
    expect(await test.db.paperState.count()).toBe(0);
    expect(test.exchanges.openClients()).toBe(0);
    await test.host.shutdown();
  });

  it('updates an account: the name any time, the connection and paper settings only while idle', async () => {
    const test = await setup();
    const id = await addAccount(test);
    const botId = await createStarted(test, botOn(id, 'paper'));
    expect(
      await test.host.updateExchangeAccount(id, { ...INPUT, name: 'Renamed', credentials: {} }),
    ).toEqual({ ok: true, value: undefined });
    expect((await test.db.accounts.get(id))?.name).toBe('Renamed');
    const proxied = {
      ...INPUT,
      name: 'Renamed',
      proxyUrl: 'http://127.0.0.1:8787/',
      credentials: {},
    };
    expect(await test.host.updateExchangeAccount(id, proxied)).toMatchObject({
      ok: false,
      error: 'Stop the bots on Renamed before changing its connection or paper settings.',
    });
    await test.host.stopBot(botId, { cancelOrders: true, closePosition: false });
    await test.host.idle();
    const richer = {
      ...proxied,
      paper: {
        startingBalances: { USDT: 50_000 },
        makerFee: 0.001,
        takerFee: 0.001,
        slippageBps: 5,
      },
    };
    expect(await test.host.updateExchangeAccount(id, richer)).toMatchObject({
      ok: false,
      fieldErrors: [{ field: 'paper' }],
    });
    expect(await test.host.updateExchangeAccount(id, proxied)).toEqual({
      ok: true,
      value: undefined,
    });
    const newKeys = { apiKey: 'another-key-00000000ABCD', secret: 'another-secret' };
    expect(await test.host.updateExchangeAccount(id, { ...proxied, credentials: newKeys })).toEqual(
      { ok: true, value: undefined },
    );
    expect(await test.host.vault.getSecret(`account:${id}`)).toEqual(newKeys);
    expect(await test.db.accounts.get(id)).toMatchObject({
      proxyUrl: 'http://127.0.0.1:8787/',
      credentialsSecretId: `account:${id}`,
    });
    await test.host.shutdown();
  });

  it('leaves no plaintext key in any IndexedDB store after adding an account', async () => {
    const test = await setup();
    const id = await addAccount(test);
    await createStarted(test, botOn(id, 'live'));
    await test.play(3);
    await test.host.lockVault();
    const rows: unknown[] = [];
    for (const table of test.db.tables) rows.push(table.name, await table.toArray());
    const dump = JSON.stringify(rows);
    expect(dump).toContain('vaultSecrets');
    expect(dump).toContain('account:');
    for (const plain of [TEST_SECRET, TEST_API_KEY, PASS]) {
      for (const form of [plain, btoa(plain), toHex(plain), encodeURIComponent(plain)]) {
        expect(dump).not.toContain(form);
      }
    }
    await test.host.shutdown();
  });
});

describe('live and paper bots', () => {
  it('trades live through the account client: the order is on the exchange, the fill in the app', async () => {
    const test = await setup();
    const id = await addAccount(test);
    const botId = await createStarted(test, botOn(id, 'live'));
    await test.play(3);
    const fills = await createOrdersRepository(test.db).listFills(botId, 10);
    expect(fills).toHaveLength(1);
    expect(fills[0]).toMatchObject({ side: 'buy', accountId: id });
    const trades = await test.exchanges.remote.fetchMyTrades('BTC/USDT');
    expect(trades.map((trade) => trade.clientOrderId)).toEqual([fills[0]?.clientOrderId]);
    const balance = await test.exchanges.remote.fetchBalance();
    expect(balance.BTC?.total).toBeGreaterThan(0.1);
    const listed = await test.host.listAccounts();
    expect(listed.ok && listed.value[1]?.tradingPath).toBe('websocket');
    await test.host.shutdown();
  });

  it('refuses to start a live bot while the vault is locked', async () => {
    const test = await setup();
    const id = await addAccount(test);
    const created = await test.host.createBot(botOn(id, 'live'));
    if (!created.ok) throw new Error(created.error);
    await test.host.lockVault();
    expect(await test.host.startBot(created.value.id)).toMatchObject({
      ok: false,
      error: expect.stringContaining('the vault is locked: unlock it first'),
    });
    expect((await test.db.bots.get(created.value.id))?.status).toBe('stopped');
    await test.host.shutdown();
  });

  it('after a reload bots wait for the vault (configs sealed), say so, and resume on unlock', async () => {
    const first = await setup();
    const id = await addAccount(first);
    const liveId = await createStarted(first, botOn(id, 'live'));
    const paperId = await createStarted(first, botOn(id, 'paper'));
    await first.play(3);
    await first.host.shutdown();

    const second = await startTestHost({
      db: first.db,
      clock: first.clock,
      vaultIterations: 1_000,
      exchanges: first.exchanges.factories,
    });
    // Once a vault exists every bot's configuration is sealed: paper bots wait too.
    for (const botId of [liveId, paperId]) {
      const waiting = await second.db.bots.get(botId);
      expect(waiting).toMatchObject({ status: 'running', statusNote: WAITING_FOR_VAULT });
      const events = await second.db.events.where('botId').equals(botId).toArray();
      expect(events.at(-1)?.message).toContain('waiting for the vault to be unlocked');
    }
    expect((await second.host.listBots()).ok).toBe(false);

    expect((await second.host.unlockVault(PASS)).ok).toBe(true);
    await second.host.idle();
    const resumed = await second.db.bots.get(liveId);
    expect(resumed?.status).toBe('running');
    expect(resumed).not.toHaveProperty('statusNote');
    const after = await second.host.listBots();
    expect(after.ok && after.value.every((summary) => summary.isLoaded)).toBe(true);
    // Locking again does not stop it: its client already holds the keys.
    await second.host.lockVault();
    await second.play(2);
    expect((await second.db.bots.get(liveId))?.status).toBe('running');
    expect((await second.host.listBots()).ok).toBe(true);
    await second.host.shutdown();
  });

  it('a paper bot fills on the exchange prices without touching the exchange; its state persists', async () => {
    const test = await setup();
    const id = await addAccount(test, { ...INPUT, credentials: {} });
    const before = await test.exchanges.remote.fetchBalance();
    const botId = await createStarted(test, botOn(id, 'paper'));
    await test.play(3);
    const fills = await createOrdersRepository(test.db).listFills(botId, 10);
    expect(fills).toHaveLength(1);
    const price = test.exchanges.remote.getLastPrice('BTC/USDT');
    expect(Math.abs((fills[0]?.price ?? 0) / price - 1)).toBeLessThan(0.01);
    expect(await test.exchanges.remote.fetchBalance()).toEqual(before);
    expect(await test.exchanges.remote.fetchMyTrades('BTC/USDT')).toEqual([]);
    const paperUsdt = async (host: TestHost['host']) => {
      const balances = await host.listBalances();
      if (!balances.ok) throw new Error(balances.error);
      return balances.value.find((row) => row.mode === 'paper' && row.currency === 'USDT');
    };
    const spent = await paperUsdt(test.host);
    expect(spent).toMatchObject({ allocated: 500, unallocated: 9_500 });
    expect(spent?.total).toBeLessThan(10_000);
    await test.host.shutdown();
    expect(await test.db.paperState.get(id)).toMatchObject({ accountId: id });

    // A new host continues from the saved paper state: the same balance, no second buy.
    const again = await startTestHost({
      db: test.db,
      clock: test.clock,
      vaultIterations: 1_000,
      exchanges: test.exchanges.factories,
    });
    expect((await again.host.unlockVault(PASS)).ok).toBe(true);
    await again.host.idle();
    await again.play(3);
    expect((await paperUsdt(again.host))?.total).toBeCloseTo(spent?.total ?? 0, 9);
    expect(await createOrdersRepository(again.db).listFills(botId, 10)).toHaveLength(1);
    await again.host.shutdown();
  });

  it('stops the bots on an account whose API key the exchange rejects, saying what to check', async () => {
    const test = await setup();
    const id = await addAccount(test);
    const botId = await createStarted(test, botOn(id, 'live'));
    test.exchanges.failNext(
      'createOrder',
      new ExchangeError('auth', 'Invalid API-key, IP, or permissions for action'),
    );
    await test.play(3);
    const bot = await test.db.bots.get(botId);
    expect(bot?.status).toBe('error');
    expect(bot?.statusReason).toMatch(
      /^API key rejected: Invalid API-key, IP, or permissions for action\. Check the account's API key, secret and permissions \(Accounts → My Binance\)\.$/,
    );
    await test.host.shutdown();
  });

  it('retries reads through a rate limit instead of failing the bot', async () => {
    const test = await setup();
    const id = await addAccount(test);
    test.exchanges.failNext(
      'fetchOHLCV',
      new ExchangeError('rate_limited', 'Too many requests'),
      2,
    );
    const created = await test.host.createBot(botOn(id, 'live'));
    if (!created.ok) throw new Error(created.error);
    const starting = test.host.startBot(created.value.id);
    // Two backoffs (1 s, 2 s) on the injected clock.
    for (let step = 0; step < 40; step++) {
      test.clock.advance(100);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(await starting).toEqual({ ok: true, value: undefined });
    await test.play(3);
    expect((await test.db.bots.get(created.value.id))?.status).toBe('running');
    await test.host.shutdown();
  });
});
