/**
 * The Accounts form's draft as plain strings, and its conversion to what the engine takes:
 * only the credential fields the chosen exchange requires, URLs trimmed, and the paper
 * starting balances parsed from "USDT=10000, BTC=0.5". Pure, so it is tested in Node.
 */
import type { ExchangeCatalogEntry } from '../../exchange/ccxt/types';
import type { AccountView, ExchangeAccountInput } from '../../host/engineApi';

export interface AccountDraft {
  exchange: string;
  name: string;
  sandbox: boolean;
  proxyUrl: string;
  apiUrl: string;
  /** Entered once; cleared after saving and never filled from the engine. */
  credentials: Record<string, string>;
  /** "USDT=10000, BTC=0.5". */
  paperBalances: string;
}

export const DEFAULT_PAPER_BALANCES = 'USDT=10000';

export function emptyAccountDraft(): AccountDraft {
  return {
    exchange: '',
    name: '',
    sandbox: false,
    proxyUrl: '',
    apiUrl: '',
    credentials: {},
    paperBalances: DEFAULT_PAPER_BALANCES,
  };
}

/** A saved account as a draft to edit (its keys stay in the vault: the fields start empty). */
export function draftFromAccount(account: AccountView): AccountDraft {
  const balances = Object.entries(account.paper?.startingBalances ?? {})
    .map(([currency, amount]) => `${currency}=${amount}`)
    .join(', ');
  return {
    exchange: account.exchange,
    name: account.name,
    sandbox: account.sandbox,
    proxyUrl: account.proxyUrl ?? '',
    apiUrl: account.apiUrl ?? '',
    credentials: {},
    paperBalances: balances || DEFAULT_PAPER_BALANCES,
  };
}

export type ParsedBalances =
  { ok: true; value: Record<string, number> } | { ok: false; error: string };

/** "USDT=10000, BTC=0.5" → { USDT: 10000, BTC: 0.5 }; currencies upper-cased. */
export function parseBalances(text: string): ParsedBalances {
  const value: Record<string, number> = {};
  for (const part of text.split(',')) {
    if (part.trim() === '') continue;
    const match = /^\s*([A-Za-z0-9]{1,15})\s*=\s*([0-9]+(?:\.[0-9]+)?)\s*$/.exec(part);
    if (!match?.[1] || match[2] === undefined) {
      return {
        ok: false,
        error: `"${part.trim()}" is not CURRENCY=amount: write e.g. USDT=10000, BTC=0.5.`,
      };
    }
    value[match[1].toUpperCase()] = Number(match[2]);
  }
  if (Object.keys(value).length === 0) {
    return { ok: false, error: 'Give paper trading a starting balance, e.g. USDT=10000.' };
  }
  return { ok: true, value };
}

/** What the engine takes; undefined `paper` when the balances do not parse (shown as an error). */
export function toAccountInput(
  draft: AccountDraft,
  entry: ExchangeCatalogEntry | undefined,
  fees: { makerFee: number; takerFee: number; slippageBps: number },
): ExchangeAccountInput {
  const credentials: Record<string, string> = {};
  for (const field of entry?.requiredCredentials ?? []) {
    const value = draft.credentials[field] ?? '';
    if (value.trim() !== '') credentials[field] = value.trim();
  }
  const paper = parseBalances(draft.paperBalances);
  return {
    name: draft.name.trim(),
    exchange: draft.exchange,
    sandbox: entry?.hasSandbox === true && draft.sandbox,
    ...(draft.proxyUrl.trim() ? { proxyUrl: draft.proxyUrl.trim() } : {}),
    ...(draft.apiUrl.trim() ? { apiUrl: draft.apiUrl.trim() } : {}),
    credentials,
    ...(paper.ok ? { paper: { startingBalances: paper.value, ...fees } } : {}),
  };
}
