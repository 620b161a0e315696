/**
 * The host's check of a bot configuration before it is saved: it gathers what checkBotConfig
 * needs — the account and its kind, its markets, the strategy, the capital still free on the
 * bot's venue (a live venue's comes from the exchange, so a locked vault is a "mode" error) —
 * then runs a custom strategy's cross-field check in its worker. Throws FieldErrorsError.
 */
import type { BotConfig } from '../core/bot/types';
import type { Market } from '../core/market/types';
import type { RunnableStrategy } from '../core/strategy/types';
import type { AccountsRepository } from '../db';
import type { Unallocated } from './capital';
import { checkBotConfig, checkMode } from './checkBotConfig';
import { FieldErrorsError } from './commandResult';
import type { FieldError } from './engineApi';
import { VaultLockedForLiveError } from './venues';

export interface ConfigCheckDeps {
  accounts: AccountsRepository;
  markets: (accountId: string) => Promise<Record<string, Market>>;
  findStrategy: (id: string) => Promise<RunnableStrategy | undefined>;
  unallocated: Unallocated;
}

export function createConfigCheck(deps: ConfigCheckDeps) {
  /** Throws FieldErrorsError naming every bad field; `exceptBotId` is the bot being edited. */
  return async (config: BotConfig, exceptBotId?: string): Promise<void> => {
    const account = await deps.accounts.getAccount(config.accountId);
    const markets = account ? await deps.markets(config.accountId) : {};
    const market = markets[config.symbol];
    const strategy =
      typeof config.strategyId === 'string'
        ? await deps.findStrategy(config.strategyId)
        : undefined;
    const accountContext = {
      accountExists: account !== undefined,
      accountKind: account?.kind,
      hasCredentials: account?.kind === 'exchange' && account.credentialsSecretId !== undefined,
    };
    // Only a valid mode has capital to check (a live venue's comes from the exchange).
    let free: number | undefined;
    const vaultErrors: FieldError[] = [];
    if (market && checkMode(config, accountContext) === undefined) {
      try {
        free = await deps.unallocated(config.accountId, market.quote, exceptBotId, config.mode);
      } catch (error) {
        if (!(error instanceof VaultLockedForLiveError)) throw error;
        vaultErrors.push({ field: 'mode', message: error.message });
      }
    }
    const errors = [
      ...checkBotConfig(config, {
        ...accountContext,
        markets,
        strategies: strategy ? [strategy] : [],
        unallocated: () => free ?? Number.POSITIVE_INFINITY,
      }),
      ...vaultErrors,
    ];
    if (errors.length > 0) throw new FieldErrorsError(errors);
    // Cross-field checks of a custom strategy run in its worker, once the ranges are valid.
    const crossField = await strategy?.validateAsync?.(config.params);
    if (crossField) {
      throw new FieldErrorsError([
        { field: `params.${crossField.field}`, message: crossField.message },
      ]);
    }
  };
}
