/**
 * What the bot-creation form needs about accounts: the exchange accounts in the database and
 * the modes each supports, and from the engine the simulated account's markets, balances (with
 * what is still unallocated) and name. Each is a resource for rendering and a
 * promise too, so a submit made while they load can wait for them instead of failing.
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
  markets: Resource<Market[]>;
  balances: Resource<AccountBalanceView[]>;
  account: Resource<SimulatedAccountSettings>;
  /** Live: the default simulated account is created by the engine at its first start. */
  accounts: LiveQuery<readonly ExchangeAccount[]>;
  /** Resolves once markets and balances have loaded (or failed). */
  settled: Promise<unknown>;
}

async function valueOf<T>(promise: Promise<CommandResult<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

export function createAccountContext(api: EngineApi): AccountContext {
  const marketsLoading = valueOf(api.listMarkets(DEFAULT_SIM_ACCOUNT_ID));
  const balancesLoading = valueOf(api.listBalances());
  const [markets] = createResource(() => marketsLoading);
  const [balances] = createResource(() => balancesLoading);
  const [account] = createResource(() => valueOf(api.getSimulatedAccount(DEFAULT_SIM_ACCOUNT_ID)));
  const accounts = createLiveList(() => db.accounts.toArray(), 'id');
  return {
    accounts,
    markets,
    balances,
    account,
    settled: Promise.allSettled([marketsLoading, balancesLoading]),
  };
}

/**
 * The modes a bot on `account` may run in: the built-in simulated exchange only simulates;
 * exchange accounts (later) offer paper and live trading.
 */
export function accountModes(account: ExchangeAccount | undefined): readonly BotMode[] {
  if (!account) return [];
  return account.exchange === 'simulated' ? ['simulated'] : ['paper', 'live'];
}
