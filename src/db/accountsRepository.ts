/**
 * Exchange accounts. For now only simulated ones: the built-in "sim-default" account that
 * needs no setup, with its starting balances, fees, slippage and replay speed.
 */
import type { TimestampMs } from '../core/time';
import type { ExchangeAccount, FlotillaDb, SimulatedAccount } from './schema';
import { isPlainObject, requireNumber, requireString, ValidationError } from './validation';

export const DEFAULT_SIM_ACCOUNT_ID = 'sim-default';

/** Highest maker/taker fee accepted: 1 %, above any real exchange's spot fee. */
const MAX_FEE = 0.01;

export type SimulatedAccountPatch = Partial<
  Pick<
    SimulatedAccount,
    'name' | 'speed' | 'startingBalances' | 'makerFee' | 'takerFee' | 'slippageBps'
  >
>;

const EDITABLE_FIELDS: readonly string[] = [
  'name',
  'speed',
  'startingBalances',
  'makerFee',
  'takerFee',
  'slippageBps',
] satisfies (keyof SimulatedAccountPatch)[];

export interface AccountsRepository {
  /** Creates the built-in simulated account unless it exists; resolves to the stored one. */
  ensureDefaultSimAccount(now: TimestampMs): Promise<SimulatedAccount>;
  getAccount(id: string): Promise<ExchangeAccount | undefined>;
  /** Accounts by creation time. */
  listAccounts(): Promise<ExchangeAccount[]>;
  /** Applies `patch` after validating the merged account; throws naming the bad field. */
  updateAccount(id: string, patch: SimulatedAccountPatch): Promise<ExchangeAccount>;
}

function validateBalances(value: unknown): Record<string, number> {
  if (!isPlainObject(value)) throw new ValidationError('startingBalances', 'must be an object');
  const balances: Record<string, number> = {};
  for (const [currency, amount] of Object.entries(value)) {
    if (currency.trim() === '') {
      throw new ValidationError('startingBalances', 'has an empty currency code');
    }
    balances[currency] = requireNumber(amount, `startingBalances.${currency}`, { min: 0 });
  }
  return balances;
}

/** Checks every field of a simulated account and returns a clean copy. */
export function validateSimulatedAccount(account: SimulatedAccount): SimulatedAccount {
  return {
    id: requireString(account.id, 'id'),
    name: requireString(account.name, 'name'),
    exchange: 'simulated',
    speed: requireNumber(account.speed, 'speed', { min: 0, isMinExclusive: true }),
    startingBalances: validateBalances(account.startingBalances),
    makerFee: requireNumber(account.makerFee, 'makerFee', { min: 0, max: MAX_FEE }),
    takerFee: requireNumber(account.takerFee, 'takerFee', { min: 0, max: MAX_FEE }),
    slippageBps: requireNumber(account.slippageBps, 'slippageBps', { min: 0, max: 10_000 }),
    createdAt: requireNumber(account.createdAt, 'createdAt', { min: 0 }),
  };
}

export function createAccountsRepository(db: FlotillaDb): AccountsRepository {
  return {
    async ensureDefaultSimAccount(now) {
      requireNumber(now, 'now', { min: 0 });
      return db.transaction('rw', db.accounts, async () => {
        const existing = await db.accounts.get(DEFAULT_SIM_ACCOUNT_ID);
        if (existing) return existing;
        const account: SimulatedAccount = {
          id: DEFAULT_SIM_ACCOUNT_ID,
          name: 'Simulated',
          exchange: 'simulated',
          // 60× real time: an hour of market data replays in a minute.
          speed: 60,
          startingBalances: { USDT: 10_000, USDC: 10_000, BTC: 0 },
          makerFee: 0.001,
          takerFee: 0.001,
          slippageBps: 5,
          createdAt: now,
        };
        await db.accounts.add(account);
        return account;
      });
    },

    getAccount: (id) => db.accounts.get(id),

    async listAccounts() {
      const accounts = await db.accounts.toArray();
      return accounts.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
    },

    async updateAccount(id, patch) {
      if (!isPlainObject(patch)) throw new ValidationError('patch', 'must be an object');
      for (const key of Object.keys(patch)) {
        if (!EDITABLE_FIELDS.includes(key)) throw new ValidationError(key, 'cannot be changed');
      }
      return db.transaction('rw', db.accounts, async () => {
        const account = await db.accounts.get(id);
        if (!account) throw new ValidationError('id', `does not name an account ("${id}")`);
        const updated = validateSimulatedAccount({ ...account, ...patch });
        await db.accounts.put(updated);
        return updated;
      });
    },
  };
}
