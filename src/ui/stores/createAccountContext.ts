/**
 * What the bot-creation form needs about accounts: the accounts in the database and the modes
 * each supports, and from the engine the chosen account's markets (an exchange account's come
 * from its exchange), the balances (with what is still unallocated) and the simulated
 * account's settings. Each is a resource for rendering; `settled()` is a promise too, so a
 * submit made while they load can wait for them instead of failing.
 */
import { createResource, type Resource } from 'solid-js';
import type { BotMode } from '../../core/bot/types';
import type { Market } from '../../core/market/types';
import type { ExchangeAccount } from '../../db';
import {
  DEFAULT_SIM_ACCOUNT_ID,
  type AccountBalanceView,
  type CommandResult,
  type EngineApi,
  type SimulatedAccountSettings,
} from '../../host/engineApi';
import { db } from '../db';
import { createLiveList, type LiveQuery } from '../liveQuery';

export interface AccountContext {
  /** Markets of the chosen account (reloaded when the account changes). */
  markets: Resource<Market[]>;
  balances: Resource<AccountBalanceView[]>;
  account: Resource<SimulatedAccountSettings>;
  /** Live: the default simulated account is created by the engine at its first start. */
  accounts: LiveQuery<readonly ExchangeAccount[]>;
  /** Resolves once the chosen account's markets and the balances have loaded (or failed). */
  settled(): Promise<unknown>;
}

async function valueOf<T>(promise: Promise<CommandResult<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

export function createAccountContext(api: EngineApi, accountId: () => string): AccountContext {
  let marketsLoading: Promise<Market[]> = Promise.resolve([]);
  const balancesLoading = valueOf(api.listBalances());
  const [markets] = createResource(accountId, (id) => {
    marketsLoading = valueOf(api.listMarkets(id));
    return marketsLoading;
  });
  const [balances] = createResource(() => balancesLoading);
  const [account] = createResource(() => valueOf(api.getSimulatedAccount(DEFAULT_SIM_ACCOUNT_ID)));
  const accounts = createLiveList(() => db.accounts.toArray(), 'id');
  return {
    accounts,
    markets,
    balances,
    account,
    settled: () => Promise.allSettled([marketsLoading, balancesLoading]),
  };
}

/**
 * The modes a bot on `account` may run in: the built-in simulated exchange only simulates;
 * exchange accounts offer paper and live trading.
 */
export function accountModes(account: ExchangeAccount | undefined): readonly BotMode[] {
  if (!account) return [];
  return account.kind === 'simulated' ? ['simulated'] : ['paper', 'live'];
}
