/**
 * What the bot-creation form needs from the engine about the simulated account: its markets,
 * balances (with what is still unallocated) and name. Each is a resource for rendering and a
 * promise too, so a submit made while they load can wait for them instead of failing.
 */
import { createResource, type Resource } from 'solid-js';
import type { Market } from '../../core/market/types';
import {
  DEFAULT_SIM_ACCOUNT_ID,
  type AccountBalanceView,
  type CommandResult,
  type EngineApi,
  type SimulatedAccountSettings,
} from '../../host/engineApi';

export interface AccountContext {
  markets: Resource<Market[]>;
  balances: Resource<AccountBalanceView[]>;
  account: Resource<SimulatedAccountSettings>;
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
  return {
    markets,
    balances,
    account,
    settled: Promise.allSettled([marketsLoading, balancesLoading]),
  };
}
