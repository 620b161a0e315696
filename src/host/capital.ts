/**
 * How much quote currency new bots may still be given on a venue. Simulated and paper venues
 * start from the account's (pretend) starting balances, less every bot's allocation there. A
 * live venue starts from what the exchange holds now: its total in the quote currency, less the
 * cash other live bots on it still hold (their allocation until they trade, then their
 * ledger's cash), so money a bot has moved into a position is not counted twice.
 */
import type { Bot, BotMode } from '../core/bot/types';
import type { BotStore } from '../core/engine/store';
import type { Balances } from '../core/exchangePort';
import type { AccountsRepository, BotsRepository } from '../db';
import type { Venue } from './venue';

export interface CapitalDeps {
  accounts: AccountsRepository;
  bots: BotsRepository;
  store: Pick<BotStore, 'loadLedger'>;
  /** Opens the live venue (the exchange's balance needs its keys). */
  openLive: (accountId: string) => Promise<Venue>;
}

const onQuote = (bot: Bot, accountId: string, mode: BotMode, quote: string) =>
  bot.config.accountId === accountId &&
  bot.config.mode === mode &&
  bot.config.symbol.endsWith(`/${quote}`);

export function createCapital(deps: CapitalDeps) {
  /**
   * Quote not yet allocated on the venue of `mode` on the account, excluding `exceptBotId`.
   * `liveBalances`: the live venue's balance when the caller has just fetched it.
   */
  return async (
    accountId: string,
    quote: string,
    exceptBotId?: string,
    mode: BotMode = 'simulated',
    liveBalances?: Balances,
  ): Promise<number> => {
    const account = await deps.accounts.getAccount(accountId);
    if (!account) return 0;
    const others = (await deps.bots.listBots()).filter(
      (bot) => bot.id !== exceptBotId && onQuote(bot, accountId, mode, quote),
    );
    if (mode === 'live' && account.kind === 'exchange') {
      const balance =
        liveBalances ?? (await (await deps.openLive(accountId)).exchange.fetchBalance());
      let held = 0;
      for (const bot of others) {
        held += (await deps.store.loadLedger(bot.id))?.cash ?? bot.config.allocation;
      }
      return (balance[quote]?.total ?? 0) - held;
    }
    const starting =
      account.kind === 'simulated'
        ? account.startingBalances[quote]
        : account.paper.startingBalances[quote];
    return (starting ?? 0) - others.reduce((sum, bot) => sum + bot.config.allocation, 0);
  };
}

export type Unallocated = ReturnType<typeof createCapital>;
