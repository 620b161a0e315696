/**
 * Exchange accounts: the built-in "sim-default" simulated account (starting balances, fees,
 * slippage, replay speed) and exchange-connection accounts (a ccxt exchange, testnet, CORS
 * proxy, a local test exchange URL, paper settings). API keys are never stored here, only the
 * id of the vault secret that holds them. Names are unique among all accounts.
 */
import type { TimestampMs } from '../core/time';
import {
  DEFAULT_PAPER_SETTINGS,
  MAX_FEE,
  requireAccountName,
  validateBalances,
  validateExchangeAccount,
} from './exchangeAccountValidation';
import type {
  ExchangeAccount,
  ExchangeConnectionAccount,
  FlotillaDb,
  PaperSettings,
  SimulatedAccount,
} from './schema';
import { isPlainObject, requireNumber, requireString, ValidationError } from './validation';

export const DEFAULT_SIM_ACCOUNT_ID = 'sim-default';

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

/** A new exchange account; `paper` defaults to DEFAULT_PAPER_SETTINGS. */
export interface NewExchangeAccount {
  id: string;
  name: string;
  exchange: string;
  sandbox: boolean;
  proxyUrl?: string;
  apiUrl?: string;
  credentialsSecretId?: string;
  paper?: PaperSettings;
}

/** What may change on an exchange account; `null` removes an optional field. */
export interface ExchangeAccountPatch {
  name?: string;
  sandbox?: boolean;
  proxyUrl?: string | null;
  apiUrl?: string | null;
  credentialsSecretId?: string | null;
  paper?: PaperSettings;
}

const EXCHANGE_EDITABLE_FIELDS: readonly string[] = [
  'name',
  'sandbox',
  'proxyUrl',
  'apiUrl',
  'credentialsSecretId',
  'paper',
] satisfies (keyof ExchangeAccountPatch)[];

export interface AccountsRepository {
  /** Creates the built-in simulated account unless it exists; resolves to the stored one. */
  ensureDefaultSimAccount(now: TimestampMs): Promise<SimulatedAccount>;
  getAccount(id: string): Promise<ExchangeAccount | undefined>;
  /** Accounts by creation time. */
  listAccounts(): Promise<ExchangeAccount[]>;
  /** Applies `patch` to a simulated account after validating the result; throws naming the bad field. */
  updateAccount(id: string, patch: SimulatedAccountPatch): Promise<ExchangeAccount>;
  /**
   * Adds an exchange account after validating every field; `knownExchanges` is the catalogue
   * of ccxt ids the exchange must be one of.
   */
  addExchangeAccount(
    input: NewExchangeAccount,
    options: { now: TimestampMs; knownExchanges: ReadonlySet<string> },
  ): Promise<ExchangeConnectionAccount>;
  /** Applies `patch` to an exchange account (the exchange itself cannot change). */
  updateExchangeAccount(
    id: string,
    patch: ExchangeAccountPatch,
  ): Promise<ExchangeConnectionAccount>;
  /**
   * Deletes an exchange account and its paper state in one transaction. The built-in simulated
   * account cannot be deleted; whether bots still use the account is the caller's check.
   */
  deleteAccount(id: string): Promise<void>;
}

/** Checks every field of a simulated account and returns a clean copy. */
export function validateSimulatedAccount(account: SimulatedAccount): SimulatedAccount {
  return {
    kind: 'simulated',
    id: requireString(account.id, 'id'),
    name: requireAccountName(account.name),
    exchange: 'simulated',
    speed: requireNumber(account.speed, 'speed', { min: 0, isMinExclusive: true }),
    startingBalances: validateBalances(account.startingBalances, 'startingBalances'),
    makerFee: requireNumber(account.makerFee, 'makerFee', { min: 0, max: MAX_FEE }),
    takerFee: requireNumber(account.takerFee, 'takerFee', { min: 0, max: MAX_FEE }),
    slippageBps: requireNumber(account.slippageBps, 'slippageBps', { min: 0, max: 10_000 }),
    createdAt: requireNumber(account.createdAt, 'createdAt', { min: 0 }),
  };
}

function checkPatchKeys(patch: unknown, editable: readonly string[]): void {
  if (!isPlainObject(patch)) throw new ValidationError('patch', 'must be an object');
  for (const key of Object.keys(patch)) {
    if (!editable.includes(key)) throw new ValidationError(key, 'cannot be changed');
  }
}

/** `patch` applied to `account`, `null` removing an optional field. */
function mergePatch(
  account: ExchangeConnectionAccount,
  patch: ExchangeAccountPatch,
): ExchangeConnectionAccount {
  const merged: Record<string, unknown> = { ...account };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined) delete merged[key];
    else merged[key] = value;
  }
  return merged as unknown as ExchangeConnectionAccount;
}

export function createAccountsRepository(db: FlotillaDb): AccountsRepository {
  /** Throws when another account already has this name (ignoring case and spaces). */
  const requireUniqueName = async (name: string, exceptId?: string) => {
    const wanted = name.trim().toLowerCase();
    const clash = await db.accounts
      .filter((each) => each.id !== exceptId && each.name.trim().toLowerCase() === wanted)
      .first();
    if (clash) throw new ValidationError('name', `is already used by another account`);
  };

  return {
    async ensureDefaultSimAccount(now) {
      requireNumber(now, 'now', { min: 0 });
      return db.transaction('rw', db.accounts, async () => {
        const existing = await db.accounts.get(DEFAULT_SIM_ACCOUNT_ID);
        if (existing?.kind === 'simulated') return existing;
        const account: SimulatedAccount = {
          kind: 'simulated',
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
      // The built-in simulated account first among accounts created at the same time.
      return accounts.sort(
        (a, b) =>
          a.createdAt - b.createdAt ||
          Number(b.kind === 'simulated') - Number(a.kind === 'simulated') ||
          a.id.localeCompare(b.id),
      );
    },

    async updateAccount(id, patch) {
      checkPatchKeys(patch, EDITABLE_FIELDS);
      return db.transaction('rw', db.accounts, async () => {
        const account = await db.accounts.get(id);
        if (!account) throw new ValidationError('id', `does not name an account ("${id}")`);
        if (account.kind !== 'simulated') {
          throw new ValidationError('id', `does not name a simulated account ("${id}")`);
        }
        const updated = validateSimulatedAccount({ ...account, ...patch });
        await requireUniqueName(updated.name, id);
        await db.accounts.put(updated);
        return updated;
      });
    },

    async addExchangeAccount(input, { now, knownExchanges }) {
      if (!isPlainObject(input)) throw new ValidationError('account', 'must be an object');
      const account = validateExchangeAccount(
        {
          ...input,
          kind: 'exchange',
          paper: input.paper ?? DEFAULT_PAPER_SETTINGS,
          createdAt: now,
        },
        knownExchanges,
      );
      return db.transaction('rw', db.accounts, async () => {
        if (await db.accounts.get(account.id)) {
          throw new ValidationError('id', `is already taken ("${account.id}")`);
        }
        await requireUniqueName(account.name);
        await db.accounts.add(account);
        return account;
      });
    },

    async updateExchangeAccount(id, patch) {
      checkPatchKeys(patch, EXCHANGE_EDITABLE_FIELDS);
      return db.transaction('rw', db.accounts, async () => {
        const account = await db.accounts.get(id);
        if (account?.kind !== 'exchange') {
          throw new ValidationError('id', `does not name an exchange account ("${id}")`);
        }
        const updated = validateExchangeAccount(mergePatch(account, patch));
        await requireUniqueName(updated.name, id);
        await db.accounts.put(updated);
        return updated;
      });
    },

    async deleteAccount(id) {
      if (id === DEFAULT_SIM_ACCOUNT_ID) {
        throw new ValidationError('id', 'names the built-in simulated account, which stays');
      }
      await db.transaction('rw', db.accounts, db.paperState, async () => {
        if (!(await db.accounts.get(id))) {
          throw new ValidationError('id', `does not name an account ("${id}")`);
        }
        await db.accounts.delete(id);
        await db.paperState.delete(id);
      });
    },
  };
}
