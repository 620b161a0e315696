/**
 * Commands on simulated accounts: read and change their settings, and list balances with what
 * is allocated to bots. The replay speed changes live; starting balances only while the account
 * has no bots (they define the capital bots are allocated from); fees and slippage only while
 * none of its bots runs (they are baked into the running simulator). Balances of exchange
 * accounts are listed per open venue (paper, live) without opening one: a paper venue not yet
 * open shows its starting balances.
 */
import type { Bot, BotMode } from '../core/bot/types';
import type { Balances } from '../core/exchangePort';
import type { Clock } from '../core/time';
import type {
  AccountsRepository,
  BotsRepository,
  ExchangeAccount,
  SimulatedAccount,
  SimStateRepository,
} from '../db';
import type { Unallocated } from './capital';
import type { AccountBalanceView, SimulatedAccountSettings } from './engineApi';
import type { OpenAccount } from './simulatedAccount';
import { venueKey, type Venue } from './venue';

export interface AccountSettingsDeps {
  accounts: AccountsRepository;
  bots: BotsRepository;
  simStates: SimStateRepository;
  clock: Clock;
  /** Open simulated accounts by id. */
  openAccounts: Map<string, Promise<OpenAccount>>;
  openSimulated: (accountId: string) => Promise<OpenAccount>;
  /** An open (or opening) venue, without opening one. */
  peekVenue: (key: string) => Promise<Venue> | undefined;
  runtimesOn: (accountId: string) => { bot: Bot }[];
  unallocated: Unallocated;
}

function sameBalances(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => (a[key] ?? 0) === (b[key] ?? 0));
}

interface BalanceSource {
  mode: BotMode;
  starting: Record<string, number>;
  live: Balances;
}

export function createAccountSettingsCommands(deps: AccountSettingsDeps) {
  const { accounts, bots } = deps;

  const requireSimulated = async (accountId: string): Promise<SimulatedAccount> => {
    const account = await accounts.getAccount(accountId);
    if (!account) throw new Error(`Account "${accountId}" does not exist.`);
    if (account.kind !== 'simulated') throw new Error(`${account.name} is not simulated.`);
    return account;
  };

  const get = async (accountId: string): Promise<SimulatedAccountSettings> => {
    const { id, name, speed, startingBalances, makerFee, takerFee, slippageBps } =
      await requireSimulated(accountId);
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

  /** Where an account's balances come from: its simulator, or its open paper/live venues. */
  const sourcesOf = async (account: ExchangeAccount): Promise<BalanceSource[]> => {
    if (account.kind === 'simulated') {
      const live = await (await deps.openSimulated(account.id)).exchange.fetchBalance();
      return [{ mode: 'simulated', starting: account.startingBalances, live }];
    }
    const sources: BalanceSource[] = [];
    for (const mode of ['paper', 'live'] as const) {
      const venue = await deps.peekVenue(venueKey(account.id, mode))?.catch(() => undefined);
      const starting = mode === 'paper' ? account.paper.startingBalances : {};
      if (venue) sources.push({ mode, starting, live: await venue.exchange.fetchBalance() });
      else if (mode === 'paper') {
        const live = Object.fromEntries(
          Object.entries(starting).map(([currency, total]) => [
            currency,
            { free: total, used: 0, total },
          ]),
        );
        sources.push({ mode, starting, live });
      }
    }
    return sources;
  };

  const balances = async (): Promise<AccountBalanceView[]> => {
    const views: AccountBalanceView[] = [];
    const allBots = await bots.listBots();
    for (const account of await accounts.listAccounts()) {
      for (const { mode, starting, live } of await sourcesOf(account)) {
        const currencies = new Set([...Object.keys(starting), ...Object.keys(live)]);
        for (const currency of currencies) {
          const allocated = allBots
            .filter(
              (bot) =>
                bot.config.accountId === account.id &&
                bot.config.mode === mode &&
                bot.config.symbol.endsWith(`/${currency}`),
            )
            .reduce((sum, bot) => sum + bot.config.allocation, 0);
          views.push({
            accountId: account.id,
            ...(mode === 'simulated' ? {} : { mode }),
            currency,
            total: live[currency]?.total ?? 0,
            free: live[currency]?.free ?? 0,
            allocated,
            // The balance just fetched serves every currency (one request per venue and poll).
            unallocated: await deps.unallocated(account.id, currency, undefined, mode, live),
          });
        }
      }
    }
    return views;
  };

  return { get, update, balances };
}
