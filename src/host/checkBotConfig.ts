/**
 * Checks a bot configuration against what the host knows: the account and its markets, the
 * strategy library and its parameter spec, and the capital not yet allocated to other bots.
 * Returns one message per bad field, keyed like the form ("name", "params.fast", "allocation"),
 * so the UI can show each next to its field. Nothing is saved when any error is returned.
 */
import type { BotConfig } from '../core/bot/types';
import { isTimeframe } from '../core/market/timeframe';
import type { Market } from '../core/market/types';
import { validateRiskConfig } from '../core/risk/riskConfig';
import { validateParams } from '../core/strategy/params';
import type { StrategyInfo } from '../core/strategy/types';
import { isCustomStrategyId } from './custom/protocol';
import type { FieldError } from './engineApi';

export interface BotConfigContext {
  accountExists: boolean;
  /** The account's kind: simulated accounts run simulated bots, exchange accounts paper or live. */
  accountKind?: 'simulated' | 'exchange';
  /** Whether the exchange account has API keys (live trading needs them). */
  hasCredentials?: boolean;
  markets: Record<string, Market>;
  /** Runnable strategies in the host; the UI's catalogue entries when importing a file. */
  strategies: readonly StrategyInfo[];
  /** Quote currency still free to allocate on the account (excluding this bot's own share). */
  unallocated: (quote: string) => number;
}

const MAX_NAME_LENGTH = 60;

function checkParams(config: BotConfig, strategy: StrategyInfo | undefined): FieldError[] {
  if (!strategy) return [];
  const result = validateParams(strategy, config.params ?? {});
  if (result.ok) return [];
  return result.errors.map((error) => ({ field: `params.${error.field}`, message: error.message }));
}

/** The risk section, each error keyed `risk.<field>` (`risk` for the section as a whole). */
function checkRisk(config: BotConfig): FieldError[] {
  const result = validateRiskConfig(config.risk);
  if (result.ok) return [];
  return result.errors.map((error) => ({
    field: error.field === 'risk' || error.field === '' ? 'risk' : `risk.${error.field}`,
    message: error.message,
  }));
}

/** The mode must be one the account offers; live trading needs the account's API keys. */
export function checkMode(
  config: BotConfig,
  context: Pick<BotConfigContext, 'accountExists' | 'accountKind' | 'hasCredentials'>,
): string | undefined {
  const mode: unknown = config.mode;
  if (mode !== 'simulated' && mode !== 'paper' && mode !== 'live') {
    return `Mode "${String(mode)}" does not exist: choose simulated, paper or live.`;
  }
  // Without the account's kind (e.g. a file checked in the UI) the account check speaks.
  if (!context.accountExists || context.accountKind === undefined) return undefined;
  if (context.accountKind === 'simulated') {
    return mode === 'simulated'
      ? undefined
      : 'The simulated account runs simulated bots only: choose an exchange account for paper or live trading.';
  }
  if (mode === 'simulated') {
    return 'Exchange accounts run paper or live bots: choose Paper or Live (or the simulated account).';
  }
  if (mode === 'live' && context.hasCredentials === false) {
    return "Live trading needs the account's API keys: add them on the Accounts page, or choose Paper.";
  }
  return undefined;
}

export function checkBotConfig(config: BotConfig, context: BotConfigContext): FieldError[] {
  const errors: FieldError[] = [];
  const name = typeof config.name === 'string' ? config.name.trim() : '';
  if (name === '') errors.push({ field: 'name', message: 'Name is required.' });
  else if (name.length > MAX_NAME_LENGTH) {
    errors.push({ field: 'name', message: `Name must be at most ${MAX_NAME_LENGTH} characters.` });
  }
  const modeError = checkMode(config, context);
  if (modeError) errors.push({ field: 'mode', message: modeError });
  if (!context.accountExists)
    errors.push({ field: 'accountId', message: `Account "${config.accountId}" does not exist.` });
  const market = context.markets[config.symbol];
  if (context.accountExists && !market) {
    errors.push({
      field: 'symbol',
      message: `Market "${config.symbol}" is not traded on this account.`,
    });
  }
  const strategy = context.strategies.find((each) => each.id === config.strategyId);
  if (!strategy)
    errors.push({
      field: 'strategyId',
      message: isCustomStrategyId(String(config.strategyId))
        ? `Custom strategy "${config.strategyId}" is not installed.`
        : `Template "${config.strategyId}" does not exist.`,
    });
  if (typeof config.timeframe !== 'string' || !isTimeframe(config.timeframe)) {
    errors.push({
      field: 'timeframe',
      message: `Timeframe "${String(config.timeframe)}" is not supported.`,
    });
  }
  errors.push(...checkParams(config, strategy));
  errors.push(...checkRisk(config));

  const allocation = config.allocation;
  if (typeof allocation !== 'number' || !Number.isFinite(allocation) || allocation <= 0) {
    errors.push({ field: 'allocation', message: 'Allocation must be a positive amount.' });
  } else if (market) {
    const available = context.unallocated(market.quote);
    const minimum = market.limits.cost.min ?? 0;
    if (allocation > available + 1e-9) {
      errors.push({
        field: 'allocation',
        message: `Allocation ${allocation} ${market.quote} is more than the ${available.toFixed(2)} ${market.quote} not yet allocated to other bots: ${(allocation - available).toFixed(2)} ${market.quote} short.`,
      });
    } else if (allocation < minimum * 2) {
      errors.push({
        field: 'allocation',
        message: `Allocation must be at least ${minimum * 2} ${market.quote} to place orders above the market's minimum of ${minimum}.`,
      });
    }
  }
  return errors;
}
