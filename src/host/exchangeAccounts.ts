/**
 * The Accounts commands: list every account (never a secret, only the vault's masked hint),
 * add, change and delete exchange accounts, test a connection, and list an account's markets.
 * API keys travel from the form to this worker once, are sealed in the vault as
 * "account:<id>" (so adding keys needs the unlocked vault) and are never sent back; testing a
 * saved account decrypts them here and hands them only to the exchange client.
 */
import type { Bot, BotMode } from '../core/bot/types';
import { makeShortId } from '../core/orders/clientOrderId';
import type { Market } from '../core/market/types';
import type { Clock, Random } from '../core/time';
import {
  validateExchangeAccount,
  type AccountsRepository,
  type BotsRepository,
  type ExchangeAccount,
  type ExchangeAccountPatch,
  type ExchangeConnectionAccount,
} from '../db';
import type { CcxtConnectionConfig, ConnectionReport } from '../exchange/ccxt/types';
import type { Vault } from '../vault';
import { FieldErrorsError } from './commandResult';
import { credentialLabel } from './credentialFields';
import type { AccountView, ConnectionTarget, ExchangeAccountInput, FieldError } from './engineApi';
import type { ExchangeFactories } from './exchangeDeps';
import { connectionConfig, type Venues } from './venues';
import {
  asFieldErrors,
  candidate,
  enteredCredentials,
  samePaper,
  VAULT_MISSING_MESSAGE,
  VAULT_NEEDED_MESSAGE,
} from './accountInput';

export interface ExchangeAccountsDeps {
  accounts: AccountsRepository;
  bots: BotsRepository;
  vault: Vault;
  clock: Clock;
  random: Random;
  venues: Venues;
  exchanges?: ExchangeFactories;
  /** Whether any bot runtime on the account is loaded (running, paused or finishing orders). */
  hasLoadedBots: (accountId: string) => boolean;
}

const modesOf = (account: ExchangeAccount): BotMode[] =>
  account.kind === 'simulated' ? ['simulated'] : ['paper', 'live'];

export function createExchangeAccounts(deps: ExchangeAccountsDeps) {
  const { accounts, bots, vault, clock } = deps;

  const catalog = () => deps.exchanges?.catalog ?? [];
  const entryOf = (exchange: string) => catalog().find((each) => each.id === exchange);
  const knownExchanges = () => new Set(catalog().map((each) => each.id));

  const requireExchangeAccount = async (id: string): Promise<ExchangeConnectionAccount> => {
    const account = await accounts.getAccount(id);
    if (!account) throw new Error(`Account "${id}" does not exist.`);
    if (account.kind !== 'exchange') throw new Error(`${account.name} is not an exchange account.`);
    return account;
  };

  /** Refuses keys missing a field the exchange requires, or a vault that cannot store them. */
  const checkCredentials = async (exchange: string, credentials: Record<string, string>) => {
    const missing = (entryOf(exchange)?.requiredCredentials ?? []).filter(
      (field) => !credentials[field],
    );
    const errors: FieldError[] = missing.map((field) => ({
      field: `credentials.${field}`,
      message: `Enter the ${credentialLabel(field)}.`,
    }));
    if (errors.length > 0) throw new FieldErrorsError(errors);
    if (!vault.isUnlocked()) {
      const state = (await vault.status()).state;
      throw new FieldErrorsError([
        {
          field: 'credentials',
          message: state === 'none' ? VAULT_MISSING_MESSAGE : VAULT_NEEDED_MESSAGE,
        },
      ]);
    }
  };

  const newAccountId = async () => {
    for (;;) {
      const id = `acc-${makeShortId(deps.random)}`;
      if (!(await accounts.getAccount(id))) return id;
    }
  };

  const botsOn = async (accountId: string): Promise<Bot[]> =>
    (await bots.listBots({ includeArchived: true })).filter(
      (bot) => bot.config.accountId === accountId,
    );

  const view = async (
    account: ExchangeAccount,
    hints: Map<string, string>,
    allBots: Bot[],
  ): Promise<AccountView> => {
    const botCount = allBots.filter((bot) => bot.config.accountId === account.id).length;
    const common = { id: account.id, name: account.name, modes: modesOf(account), botCount };
    if (account.kind === 'simulated') {
      return {
        ...common,
        kind: 'simulated',
        exchange: 'simulated',
        exchangeName: 'Built-in simulator',
        sandbox: false,
        hasCredentials: false,
        credentialsHint: '',
        createdAt: account.createdAt,
      };
    }
    const live = await deps.venues.peek(`${account.id}:live`)?.catch(() => undefined);
    const secretId = account.credentialsSecretId;
    return {
      ...common,
      kind: 'exchange',
      exchange: account.exchange,
      exchangeName: entryOf(account.exchange)?.name ?? account.exchange,
      sandbox: account.sandbox,
      ...(account.proxyUrl === undefined ? {} : { proxyUrl: account.proxyUrl }),
      ...(account.apiUrl === undefined ? {} : { apiUrl: account.apiUrl }),
      hasCredentials: secretId !== undefined,
      credentialsHint: secretId === undefined ? '' : (hints.get(secretId) ?? ''),
      paper: account.paper,
      ...(live?.tradingPath === undefined ? {} : { tradingPath: live.tradingPath }),
      createdAt: account.createdAt,
    };
  };

  const list = async (): Promise<AccountView[]> => {
    const hints = new Map((await vault.listSecrets()).map((each) => [each.id, each.hint]));
    const allBots = await bots.listBots({ includeArchived: true });
    const views: AccountView[] = [];
    for (const account of await accounts.listAccounts()) {
      views.push(await view(account, hints, allBots));
    }
    return views;
  };

  const add = async (input: ExchangeAccountInput): Promise<{ id: string }> => {
    const id = await newAccountId();
    const secretId = `account:${id}`;
    const credentials = enteredCredentials(input);
    await asFieldErrors(() =>
      validateExchangeAccount(candidate(input, id, clock.now()), knownExchanges()),
    );
    if (credentials) await checkCredentials(input.exchange, credentials);
    if (credentials) await vault.putSecret(secretId, credentials);
    try {
      await asFieldErrors(() =>
        accounts.addExchangeAccount(
          {
            ...candidate(input, id, clock.now(), credentials ? secretId : undefined),
            paper: input.paper,
          },
          { now: clock.now(), knownExchanges: knownExchanges() },
        ),
      );
    } catch (error) {
      if (credentials) await vault.deleteSecret(secretId);
      throw error;
    }
    return { id };
  };

  const update = async (id: string, input: ExchangeAccountInput): Promise<undefined> => {
    const account = await requireExchangeAccount(id);
    if (input.exchange !== account.exchange) {
      throw new FieldErrorsError([
        {
          field: 'exchange',
          message: 'The exchange of an account cannot change: add a new account.',
        },
      ]);
    }
    const credentials = enteredCredentials(input);
    const secretId = account.credentialsSecretId ?? `account:${id}`;
    const patch: ExchangeAccountPatch = {
      name: input.name,
      sandbox: input.sandbox,
      proxyUrl: input.proxyUrl ?? null,
      apiUrl: input.apiUrl ?? null,
      ...(credentials ? { credentialsSecretId: secretId } : {}),
      ...(input.paper ? { paper: input.paper } : {}),
    };
    await asFieldErrors(() => validateExchangeAccount(candidate(input, id, clock.now(), secretId)));
    const changesConnection =
      credentials !== undefined ||
      input.sandbox !== account.sandbox ||
      (input.proxyUrl ?? '') !== (account.proxyUrl ?? '') ||
      (input.apiUrl ?? '') !== (account.apiUrl ?? '');
    const changesPaper = input.paper !== undefined && !samePaper(input.paper, account.paper);
    if ((changesConnection || changesPaper) && deps.hasLoadedBots(id)) {
      throw new Error(
        `Stop the bots on ${account.name} before changing its connection or paper settings.`,
      );
    }
    if (changesPaper && (await botsOn(id)).some((bot) => bot.config.mode === 'paper')) {
      throw new FieldErrorsError([
        {
          field: 'paper',
          message: 'Paper balances and fees can only change while the account has no paper bots.',
        },
      ]);
    }
    if (credentials) await checkCredentials(account.exchange, credentials);
    await asFieldErrors(() => accounts.updateExchangeAccount(id, patch));
    if (credentials) await vault.putSecret(secretId, credentials);
    if (changesConnection || changesPaper) await deps.venues.closeAccount(id);
    return undefined;
  };

  const remove = async (id: string): Promise<undefined> => {
    const account = await requireExchangeAccount(id);
    const using = await botsOn(id);
    if (using.length > 0) {
      const names = using.map((bot) => bot.config.name).join(', ');
      throw new Error(
        `${account.name} is used by ${using.length === 1 ? 'a bot' : `${using.length} bots`} (${names}): delete ${using.length === 1 ? 'it' : 'them'} first.`,
      );
    }
    await deps.venues.closeAccount(id);
    await accounts.deleteAccount(id);
    if (account.credentialsSecretId) await vault.deleteSecret(account.credentialsSecretId);
    return undefined;
  };

  const locked = (): ConnectionReport => ({
    ok: false,
    problem: 'auth',
    message: 'The vault is locked, so the stored API keys cannot be used.',
    fix: 'Unlock the vault (Settings → Security), then test again.',
  });

  /** The connection a test uses: a saved account with its stored keys, or the form's values. */
  const configFor = async (
    target: ConnectionTarget,
  ): Promise<CcxtConnectionConfig | ConnectionReport> => {
    if ('accountId' in target) {
      const account = await requireExchangeAccount(target.accountId);
      const secretId = account.credentialsSecretId;
      if (secretId && !vault.isUnlocked()) return locked();
      return connectionConfig(account, secretId ? await vault.getSecret(secretId) : undefined);
    }
    // A name is not needed to test: the form may not have one yet.
    const input = { ...target.input, name: target.input.name.trim() || 'Test' };
    const account = await asFieldErrors(() =>
      validateExchangeAccount(candidate(input, 'acc-test', clock.now()), knownExchanges()),
    );
    return connectionConfig(account, enteredCredentials(target.input));
  };

  const test = async (target: ConnectionTarget): Promise<ConnectionReport> => {
    if (!deps.exchanges) throw new Error('Exchange accounts are not available in this build.');
    const config = await configFor(target);
    if ('ok' in config) return config;
    try {
      return await deps.exchanges.testConnection(config);
    } catch (error) {
      return {
        ok: false,
        problem: 'unknown',
        message: error instanceof Error ? error.message : String(error),
        fix: 'Check the exchange, the URLs and the keys, then test again.',
      };
    }
  };

  /** Tether pairs first (the most liquid), then by symbol; inactive markets left out. */
  const markets = async (accountId: string): Promise<Market[]> =>
    Object.values(await deps.venues.markets(accountId))
      .filter((market) => market.active !== false)
      .sort(
        (a, b) =>
          Number(b.quote === 'USDT') - Number(a.quote === 'USDT') ||
          a.symbol.localeCompare(b.symbol),
      );

  return { list, add, update, remove, test, markets };
}
