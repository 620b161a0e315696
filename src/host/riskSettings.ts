/**
 * Account and portfolio circuit-breaker settings, the trips they latched and the breakers'
 * running state, persisted in the `settings` table (keys below; no schema change). Settings are
 * validated as a whole with field-named errors ("portfolio.maxDrawdownPercent",
 * "accounts.sim-default.action"), so nothing is saved when any field is wrong.
 */
import type { BreakerConfig, BreakerState, BreakerTrip } from '../core/risk/breakers';
import { validateBreakerConfig } from '../core/risk/breakers';
import type { FlotillaDb } from '../db';
import type { FieldError } from './engineApi';

/** What a trip does: refuse new entries (default), or stop the bots like the kill switch. */
export type TripAction = 'halt_entries' | 'stop_bots';

export const TRIP_ACTIONS: readonly TripAction[] = ['halt_entries', 'stop_bots'];

/** The breakers of one scope (the portfolio, or one exchange account) and what a trip does. */
export interface ScopeRiskSettings {
  breakers: BreakerConfig;
  action: TripAction;
}

export interface RiskSettings {
  portfolio: ScopeRiskSettings;
  /** Keyed by exchange account id; an account without an entry has no breakers of its own. */
  accounts: Record<string, ScopeRiskSettings>;
}

/** "portfolio" or "account:<id>". */
export type RiskScope = string;

/** A latched trip: it holds until the user resets it. */
export interface RiskTrip {
  id: string;
  scope: RiskScope;
  /** The account's id for an account trip. */
  accountId?: string;
  /** "Portfolio" or the account's name. */
  scopeName: string;
  kind: BreakerTrip['kind'];
  /** Market time of the sample that tripped it. */
  time: number;
  reason: string;
  /** The figures behind it (equity, peak, loss, limits…). */
  figures: Record<string, number>;
  action: TripAction;
  /** The bots it applied to when it tripped. */
  botIds: string[];
}

/** Breaker state per scope, with the last equity of every bot counted in it. */
export interface ScopeBreakerState {
  state?: BreakerState;
  members: Record<string, number>;
}

/** How each breaker is named in events and the UI. */
export const BREAKER_LABELS: Record<BreakerTrip['kind'], string> = {
  daily_loss: 'daily loss limit',
  max_drawdown: 'max drawdown',
  exposure: 'exposure cap',
};

export const RISK_SETTINGS_KEY = 'riskBreakers';
export const RISK_TRIPS_KEY = 'riskTrips';
export const RISK_STATE_KEY = 'riskBreakerState';

export const PORTFOLIO_SCOPE: RiskScope = 'portfolio';
export const accountScope = (accountId: string): RiskScope => `account:${accountId}`;

export const DEFAULT_RISK_SETTINGS: RiskSettings = {
  portfolio: { breakers: {}, action: 'halt_entries' },
  accounts: {},
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function validateScope(
  raw: unknown,
  prefix: string,
  errors: FieldError[],
): ScopeRiskSettings | undefined {
  if (!isRecord(raw)) {
    errors.push({ field: prefix, message: `${prefix} must be an object of breaker settings.` });
    return undefined;
  }
  const breakers = validateBreakerConfig(raw.breakers);
  if (!breakers.ok) {
    for (const error of breakers.errors)
      errors.push({ field: `${prefix}.${error.field}`, message: error.message });
  }
  const action = raw.action ?? 'halt_entries';
  if (!TRIP_ACTIONS.includes(action as TripAction)) {
    errors.push({
      field: `${prefix}.action`,
      message: 'The trip action must be "halt_entries" or "stop_bots".',
    });
  }
  return breakers.ok ? { breakers: breakers.value, action: action as TripAction } : undefined;
}

/** Validates settings from the UI; `accountIds` are the accounts that exist. */
export function validateRiskSettings(
  raw: unknown,
  accountIds: readonly string[],
): { ok: true; value: RiskSettings } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (!isRecord(raw))
    return { ok: false, errors: [{ field: 'settings', message: 'Risk settings are missing.' }] };
  const portfolio = validateScope(raw.portfolio ?? {}, 'portfolio', errors);
  const accounts: Record<string, ScopeRiskSettings> = {};
  const rawAccounts = raw.accounts ?? {};
  if (!isRecord(rawAccounts)) {
    errors.push({ field: 'accounts', message: 'accounts must map account ids to settings.' });
  } else {
    for (const [accountId, scope] of Object.entries(rawAccounts)) {
      if (!accountIds.includes(accountId)) {
        errors.push({
          field: `accounts.${accountId}`,
          message: `Account "${accountId}" does not exist.`,
        });
        continue;
      }
      const value = validateScope(scope, `accounts.${accountId}`, errors);
      if (value) accounts[accountId] = value;
    }
  }
  if (errors.length > 0 || !portfolio) return { ok: false, errors };
  return { ok: true, value: { portfolio, accounts } };
}

/** Reads and writes the three settings rows. */
export function createRiskStore(db: FlotillaDb) {
  const read = async <T>(key: string, fallback: T): Promise<T> =>
    ((await db.settings.get(key))?.value as T | undefined) ?? fallback;
  return {
    async settings(): Promise<RiskSettings> {
      const stored = await read<unknown>(RISK_SETTINGS_KEY, undefined);
      // Stored settings were validated when saved; an unreadable row falls back to none.
      const checked = validateRiskSettings(
        stored,
        isRecord(stored) && isRecord(stored.accounts) ? Object.keys(stored.accounts) : [],
      );
      return checked.ok ? checked.value : DEFAULT_RISK_SETTINGS;
    },
    async saveSettings(value: RiskSettings): Promise<void> {
      await db.settings.put({ key: RISK_SETTINGS_KEY, value });
    },
    trips: () => read<RiskTrip[]>(RISK_TRIPS_KEY, []),
    async saveTrips(value: RiskTrip[]): Promise<void> {
      await db.settings.put({ key: RISK_TRIPS_KEY, value });
    },
    states: () => read<Record<RiskScope, ScopeBreakerState>>(RISK_STATE_KEY, {}),
    async saveStates(value: Record<RiskScope, ScopeBreakerState>): Promise<void> {
      await db.settings.put({ key: RISK_STATE_KEY, value });
    },
  };
}

export type RiskStore = ReturnType<typeof createRiskStore>;
