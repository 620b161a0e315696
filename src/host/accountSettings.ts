/**
 * Commands on simulated accounts: read and change their settings, and list balances with what
 * is allocated to bots. The replay speed changes live; starting balances only while the account
 * has no bots (they define the capital bots are allocated from); fees and slippage only while
 * none of its bots runs (they are baked into the running simulator).
 */
import type { Bot } from '../core/bot/types';
import type { Clock } from '../core/time';
import type { AccountsRepository, BotsRepository, SimStateRepository } from '../db';
import type { AccountBalanceView, SimulatedAccountSettings } from './engineApi';
import type { OpenAccount } from './simulatedAccount';

export interface AccountSettingsDeps {
  accounts: AccountsRepository;
  bots: BotsRepository;
  simStates: SimStateRepository;
  clock: Clock;
  openAccounts: Map<string, Promise<OpenAccount>>;
  runtimesOn: (accountId: string) => { bot: Bot }[];
  unallocated: (accountId: string, quote: string) => Promise<number>;
}

function sameBalances(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => (a[key] ?? 0) === (b[key] ?? 0));
}

export function createAccountSettingsCommands(deps: AccountSettingsDeps) {
  const { accounts, bots } = deps;

  const get = async (accountId: string): Promise<SimulatedAccountSettings> => {
    const account = await accounts.getAccount(accountId);
    if (!account) throw new Error(`Account "${accountId}" does not exist.`);
    const { id, name, speed, startingBalances, makerFee, takerFee, slippageBps } = account;
    return { id, name, speed, startingBalances, makerFee, takerFee, slippageBps };
  };

  const update = async (settings: SimulatedAccountSettings): Promise<undefined> => {
    const current = await get(settings.id);
    const accountBots = (await bots.listBots()).filter(
      (bot) => bot.config.accountId === settings.id,
    );
    const balancesChanged = !sameBalances(current.startingBalances, settings.startingBalances);
    const feesChanged =
      current.makerFee !== settings.makerFee ||
      current.takerFee !== settings.takerFee ||
      current.slippageBps !== settings.slippageBps;
    if (balancesChanged && accountBots.length > 0) {
      throw new Error(
        'Starting balances can only change while the account has no bots: they are the capital bots are allocated from.',
      );
    }
    if (feesChanged && deps.runtimesOn(settings.id).length > 0) {
      throw new Error('Stop the bots on this account before changing its fees or slippage.');
    }
    await accounts.updateAccount(settings.id, {
      name: settings.name,
      speed: settings.speed,
      startingBalances: settings.startingBalances,
      makerFee: settings.makerFee,
      takerFee: settings.takerFee,
      slippageBps: settings.slippageBps,
    });
    const opening = deps.openAccounts.get(settings.id);
    if (!opening) return undefined;
    if (balancesChanged || feesChanged) {
      // Rebuild the simulator from the new settings; new balances start a fresh market state.
      deps.openAccounts.delete(settings.id);
      await (await opening).close();
      if (balancesChanged) await deps.simStates.saveSimState(settings.id, undefined);
    } else {
      (await opening).exchange.setSpeed(settings.speed);
    }
    return undefined;
  };

  const balances = async (
    open: (accountId: string) => Promise<OpenAccount>,
  ): Promise<AccountBalanceView[]> => {
    const views: AccountBalanceView[] = [];
    const allBots = await bots.listBots();
    for (const account of await accounts.listAccounts()) {
      const live = await (await open(account.id)).exchange.fetchBalance();
      const currencies = new Set([...Object.keys(account.startingBalances), ...Object.keys(live)]);
      for (const currency of currencies) {
        const allocated = allBots
          .filter(
            (bot) =>
              bot.config.accountId === account.id && bot.config.symbol.endsWith(`/${currency}`),
          )
          .reduce((sum, bot) => sum + bot.config.allocation, 0);
        views.push({
          accountId: account.id,
          currency,
          total: live[currency]?.total ?? 0,
          free: live[currency]?.free ?? 0,
          allocated,
          unallocated: await deps.unallocated(account.id, currency),
        });
      }
    }
    return views;
  };

  return { get, update, balances };
}
