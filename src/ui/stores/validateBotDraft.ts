/**
 * Inline checks of the bot-creation form, keyed like the engine's field errors ("name",
 * "params.fast", "allocation", "risk.stopLoss.percent"): the template's own validateParams,
 * core's validateRiskConfig, plus account, name and allocation.
 * The engine checks again on submit; these only give earlier, field-level feedback.
 */
import { isTimeframe } from '../../core/market/timeframe';
import type { Market } from '../../core/market/types';
import { validateParams } from '../../core/strategy/params';
import type { StrategyInfo } from '../../core/strategy/types';
import type { FieldError } from '../../host/engineApi';
import { formatAmount } from '../format';
import { parseAmount, toRawParams, type BotDraft } from './createBotDraft';
import { validateRiskDraft } from './riskDraft';

/** Matches the engine's limit (src/host/checkBotConfig.ts). */
const MAX_NAME_LENGTH = 60;

export interface DraftContext {
  strategy: StrategyInfo | undefined;
  /** undefined while the markets are loading. */
  market: Market | undefined;
  /** Quote currency not yet allocated to other bots; undefined while unknown. */
  unallocated: number | undefined;
  /** The modes the chosen account supports; undefined while the accounts load. */
  accountModes?: readonly string[];
}

function checkName(name: string): FieldError[] {
  const trimmed = name.trim();
  if (trimmed === '') return [{ field: 'name', message: 'Name is required.' }];
  if (trimmed.length > MAX_NAME_LENGTH) {
    return [{ field: 'name', message: `Name must be at most ${MAX_NAME_LENGTH} characters.` }];
  }
  return [];
}

function checkAllocation(text: string, context: DraftContext): FieldError[] {
  const allocation = parseAmount(text);
  if (!Number.isFinite(allocation) || allocation <= 0) {
    return [{ field: 'allocation', message: 'Allocation must be a positive amount.' }];
  }
  const { market, unallocated } = context;
  if (market && unallocated !== undefined && allocation > unallocated + 1e-9) {
    return [
      {
        field: 'allocation',
        message: `Allocation is more than the ${formatAmount(unallocated, market.quote)} not yet allocated to other bots.`,
      },
    ];
  }
  const minimum = market?.limits.cost.min;
  // Twice the minimum order cost, as the engine requires: room for an entry and an exit.
  if (market && minimum !== undefined && allocation < minimum * 2) {
    return [
      {
        field: 'allocation',
        message: `Allocation must be at least ${formatAmount(minimum * 2, market.quote)} to place orders above the market's minimum.`,
      },
    ];
  }
  return [];
}

/** Every problem with `draft`, one per field at most. */
export function validateBotDraft(draft: BotDraft, context: DraftContext): FieldError[] {
  const errors: FieldError[] = [...checkName(draft.name)];
  if (draft.accountId === '') errors.push({ field: 'accountId', message: 'Choose an account.' });
  else if (context.accountModes && !context.accountModes.includes(draft.mode)) {
    errors.push({ field: 'mode', message: `This account does not support ${draft.mode} trading.` });
  }
  if (draft.symbol === '') errors.push({ field: 'symbol', message: 'Choose a market.' });
  if (!context.strategy) {
    errors.push({ field: 'strategyId', message: 'Choose a template.' });
  } else {
    const result = validateParams(context.strategy, toRawParams(draft, context.strategy));
    if (!result.ok) {
      for (const error of result.errors) {
        errors.push({ field: `params.${error.field}`, message: error.message });
      }
    }
  }
  if (!isTimeframe(draft.timeframe)) {
    errors.push({ field: 'timeframe', message: 'Choose a timeframe.' });
  }
  errors.push(...checkAllocation(draft.allocation, context));
  errors.push(...validateRiskDraft(draft.risk));
  return errors;
}
