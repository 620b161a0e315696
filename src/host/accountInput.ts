/**
 * The Accounts form's input as the host checks it: the account it describes (validated before
 * any key is stored), the credentials actually entered, refusals as field errors whose message
 * starts with the field's label ("CORS proxy URL must be an http:// or https:// URL."), and
 * whether paper settings changed.
 */
import { DEFAULT_PAPER_SETTINGS, ValidationError, type ExchangeConnectionAccount } from '../db';
import { FieldErrorsError } from './commandResult';
import type { ExchangeAccountInput, FieldError, PaperSettingsView } from './engineApi';

export const VAULT_NEEDED_MESSAGE = 'Unlock the vault (Settings → Security) to store API keys.';
export const VAULT_MISSING_MESSAGE = 'Set up the vault (Settings → Security) to store API keys.';

/** Labels of the form's fields, so refusals read as sentences next to them. */
const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  exchange: 'Exchange',
  sandbox: 'Testnet',
  proxyUrl: 'CORS proxy URL',
  apiUrl: 'API base URL',
  paper: 'Paper settings',
};

/** A ValidationError as a field error whose message starts with the field's label. */
export function fieldErrorOf(error: ValidationError): FieldError {
  const problem = error.message.slice(error.field.length + 1);
  const root = error.field.split('.')[0] ?? error.field;
  const label = FIELD_LABELS[error.field] ?? FIELD_LABELS[root] ?? error.field;
  return { field: error.field, message: `${label} ${problem}.` };
}

export async function asFieldErrors<T>(job: () => Promise<T> | T): Promise<T> {
  try {
    return await job();
  } catch (error) {
    if (error instanceof ValidationError) throw new FieldErrorsError([fieldErrorOf(error)]);
    throw error;
  }
}

/** The entered credentials without blank fields; undefined when none was entered. */
export function enteredCredentials(
  input: ExchangeAccountInput,
): Record<string, string> | undefined {
  const entries = Object.entries(input.credentials ?? {}).filter(
    ([, value]) => typeof value === 'string' && value.trim() !== '',
  );
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

export function samePaper(a: PaperSettingsView, b: PaperSettingsView): boolean {
  const currencies = new Set([
    ...Object.keys(a.startingBalances),
    ...Object.keys(b.startingBalances),
  ]);
  return (
    a.makerFee === b.makerFee &&
    a.takerFee === b.takerFee &&
    a.slippageBps === b.slippageBps &&
    [...currencies].every(
      (currency) => (a.startingBalances[currency] ?? 0) === (b.startingBalances[currency] ?? 0),
    )
  );
}

/** The account `input` describes, to validate (every field named) before anything is stored. */
export function candidate(
  input: ExchangeAccountInput,
  id: string,
  now: number,
  secretId?: string,
): ExchangeConnectionAccount {
  return {
    kind: 'exchange',
    id,
    name: input.name,
    exchange: input.exchange,
    sandbox: input.sandbox,
    ...(input.proxyUrl === undefined ? {} : { proxyUrl: input.proxyUrl }),
    ...(input.apiUrl === undefined ? {} : { apiUrl: input.apiUrl }),
    ...(secretId === undefined ? {} : { credentialsSecretId: secretId }),
    paper: input.paper ?? DEFAULT_PAPER_SETTINGS,
    createdAt: now,
  };
}
