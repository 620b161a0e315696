/**
 * Checks of exchange-connection accounts at the persistence boundary: a name (required, unique
 * among accounts, case-insensitively), an exchange from the catalogue the caller knows, http(s)
 * URLs without embedded user names or passwords, and the paper-trading settings. Every failure
 * is a ValidationError naming the field ("proxyUrl", "paper.startingBalances.USDT"…).
 */
import type { ExchangeConnectionAccount, PaperSettings } from './schema';
import { isPlainObject, requireNumber, requireString, ValidationError } from './validation';

/** Highest maker/taker fee accepted: 1 %, above any real exchange's spot fee. */
export const MAX_FEE = 0.01;
export const MAX_ACCOUNT_NAME_LENGTH = 60;

/** Paper settings of a new account unless given: 10,000 USDT, 0.1 % fees, 5 bps slippage. */
export const DEFAULT_PAPER_SETTINGS: PaperSettings = {
  startingBalances: { USDT: 10_000 },
  makerFee: 0.001,
  takerFee: 0.001,
  slippageBps: 5,
};

export function validateBalances(value: unknown, field: string): Record<string, number> {
  if (!isPlainObject(value)) throw new ValidationError(field, 'must be an object');
  const balances: Record<string, number> = {};
  for (const [currency, amount] of Object.entries(value)) {
    if (currency.trim() === '') throw new ValidationError(field, 'has an empty currency code');
    balances[currency] = requireNumber(amount, `${field}.${currency}`, { min: 0 });
  }
  return balances;
}

/** A trimmed account name of at most MAX_ACCOUNT_NAME_LENGTH characters. */
export function requireAccountName(value: unknown): string {
  const name = requireString(value, 'name').trim();
  if (name === '') throw new ValidationError('name', 'must be a non-empty string');
  if (name.length > MAX_ACCOUNT_NAME_LENGTH) {
    throw new ValidationError('name', `must be at most ${MAX_ACCOUNT_NAME_LENGTH} characters`);
  }
  return name;
}

/** An optional http(s) URL: undefined when absent or blank. */
export function optionalHttpUrl(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ValidationError(field, 'must be text');
  const text = value.trim();
  if (text === '') return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ValidationError(field, 'must be an http:// or https:// URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ValidationError(field, 'must be an http:// or https:// URL');
  }
  if (url.username !== '' || url.password !== '') {
    throw new ValidationError(field, 'must not contain a user name or password');
  }
  return text;
}

export function validatePaperSettings(value: unknown): PaperSettings {
  if (!isPlainObject(value)) throw new ValidationError('paper', 'must be an object');
  return {
    startingBalances: validateBalances(value.startingBalances, 'paper.startingBalances'),
    makerFee: requireNumber(value.makerFee, 'paper.makerFee', { min: 0, max: MAX_FEE }),
    takerFee: requireNumber(value.takerFee, 'paper.takerFee', { min: 0, max: MAX_FEE }),
    slippageBps: requireNumber(value.slippageBps, 'paper.slippageBps', { min: 0, max: 10_000 }),
  };
}

/**
 * Checks every field of an exchange account and returns a clean copy holding only known
 * fields. `knownExchanges` is the catalogue's ccxt ids; `undefined` skips that check (rows
 * already stored, whose exchange cannot change).
 */
export function validateExchangeAccount(
  account: ExchangeConnectionAccount,
  knownExchanges?: ReadonlySet<string>,
): ExchangeConnectionAccount {
  const exchange = requireString(account.exchange, 'exchange');
  if (knownExchanges && !knownExchanges.has(exchange)) {
    throw new ValidationError('exchange', `"${exchange}" is not in the list of exchanges`);
  }
  if (typeof account.sandbox !== 'boolean') {
    throw new ValidationError('sandbox', 'must be true or false');
  }
  const proxyUrl = optionalHttpUrl(account.proxyUrl, 'proxyUrl');
  const apiUrl = optionalHttpUrl(account.apiUrl, 'apiUrl');
  const secretId =
    account.credentialsSecretId === undefined
      ? undefined
      : requireString(account.credentialsSecretId, 'credentialsSecretId');
  return {
    kind: 'exchange',
    id: requireString(account.id, 'id'),
    name: requireAccountName(account.name),
    exchange,
    sandbox: account.sandbox,
    ...(proxyUrl === undefined ? {} : { proxyUrl }),
    ...(apiUrl === undefined ? {} : { apiUrl }),
    ...(secretId === undefined ? {} : { credentialsSecretId: secretId }),
    paper: validatePaperSettings(account.paper),
    createdAt: requireNumber(account.createdAt, 'createdAt', { min: 0 }),
  };
}
