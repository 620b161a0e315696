/**
 * The Accounts form (add or edit an exchange account): the draft, errors next to their fields
 * (the form's own checks, then the engine's field errors), "Test connection" and "Save". The
 * credential inputs are bound to the draft, and the draft's credentials are emptied right
 * after a successful save, so the secrets leave the DOM at once; the engine never sends them
 * back.
 */
import { batch, createMemo, createSignal, type Accessor } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { ConnectionReport, ExchangeCatalogEntry } from '../../exchange/ccxt/types';
import type { AccountView, EngineApi, FieldError } from '../../host/engineApi';
import { announce } from '../announcer';
import { catalogEntry } from '../exchangeCatalog';
import {
  draftFromAccount,
  emptyAccountDraft,
  parseBalances,
  toAccountInput,
  type AccountDraft,
} from './accountDraft';
import { messageOf } from './createCommandRunner';

export interface AccountFormStore {
  draft: Readonly<AccountDraft>;
  /** The chosen exchange's catalogue entry. */
  entry: Accessor<ExchangeCatalogEntry | undefined>;
  /** Set when editing a saved account. */
  editing: AccountView | undefined;
  errorFor(field: string): string | undefined;
  formError: Accessor<string | undefined>;
  report: Accessor<ConnectionReport | undefined>;
  busy: Accessor<'test' | 'save' | undefined>;
  set<K extends keyof AccountDraft>(field: K, value: AccountDraft[K]): void;
  setCredential(field: string, value: string): void;
  test(): Promise<void>;
  /** Resolves to the account's id once saved. */
  save(): Promise<string | undefined>;
}

/** Paper fees and slippage of new accounts (like the simulated account's defaults). */
const PAPER_FEES = { makerFee: 0.001, takerFee: 0.001, slippageBps: 5 };

/** Field errors keyed as the form shows them ("paper.startingBalances.USDT" → "paper"). */
const formField = (field: string): string => (field.startsWith('paper') ? 'paper' : field);

export function createAccountForm(api: EngineApi, editing?: AccountView): AccountFormStore {
  const [draft, setDraft] = createStore<AccountDraft>(
    editing ? draftFromAccount(editing) : emptyAccountDraft(),
  );
  const [errors, setErrors] = createStore<Record<string, string | undefined>>({});
  const [formError, setFormError] = createSignal<string>();
  const [report, setReport] = createSignal<ConnectionReport>();
  const [busy, setBusy] = createSignal<'test' | 'save'>();
  const entry = createMemo(() => catalogEntry(draft.exchange));

  /** An edited account keeps its paper fees; the form edits only its starting balances. */
  const fees = editing?.paper
    ? {
        makerFee: editing.paper.makerFee,
        takerFee: editing.paper.takerFee,
        slippageBps: editing.paper.slippageBps,
      }
    : PAPER_FEES;
  const input = () => toAccountInput(draft, entry(), fees);

  /** The form's own checks, before asking the engine. */
  const localErrors = (needsName: boolean): FieldError[] => {
    const found: FieldError[] = [];
    if (!entry()) found.push({ field: 'exchange', message: 'Choose an exchange.' });
    if (needsName && draft.name.trim() === '') {
      found.push({ field: 'name', message: 'Enter a name for the account.' });
    }
    const balances = parseBalances(draft.paperBalances);
    if (!balances.ok) found.push({ field: 'paper', message: balances.error });
    return found;
  };

  const show = (fieldErrors: readonly FieldError[], fallback?: string) =>
    batch(() => {
      const unplaced: string[] = [];
      for (const { field, message } of fieldErrors) {
        const key = formField(field);
        if (
          key === 'name' ||
          key === 'exchange' ||
          key === 'proxyUrl' ||
          key === 'apiUrl' ||
          key === 'paper' ||
          key.startsWith('credentials')
        ) {
          setErrors(key, message);
        } else unplaced.push(message);
      }
      if (unplaced.length > 0 || (fieldErrors.length === 0 && fallback)) {
        setFormError(
          [...unplaced, ...(fieldErrors.length === 0 && fallback ? [fallback] : [])].join(' '),
        );
      }
    });

  const reset = () =>
    batch(() => {
      for (const key of Object.keys(errors)) setErrors(key, undefined);
      setFormError(undefined);
    });

  const run = async <T>(kind: 'test' | 'save', job: () => Promise<T>): Promise<T | undefined> => {
    if (busy()) return undefined;
    setBusy(kind);
    try {
      return await job();
    } catch (cause) {
      setFormError(`${kind === 'test' ? 'Testing' : 'Saving'} failed: ${messageOf(cause)}`);
      return undefined;
    } finally {
      setBusy(undefined);
    }
  };

  return {
    draft,
    entry,
    editing,
    errorFor: (field) => errors[field],
    formError,
    report,
    busy,
    set(field, value) {
      batch(() => {
        setDraft(field, value);
        setErrors(formField(field), undefined);
        setFormError(undefined);
        if (field !== 'name') setReport(undefined);
      });
    },
    setCredential(field, value) {
      batch(() => {
        setDraft('credentials', field, value);
        setErrors(`credentials.${field}`, undefined);
        setErrors('credentials', undefined);
        setReport(undefined);
      });
    },
    test: () =>
      run('test', async () => {
        reset();
        setReport(undefined);
        const found = localErrors(false);
        if (found.length > 0) return show(found);
        const hasNewKeys = Object.keys(input().credentials ?? {}).length > 0;
        // A saved account without new keys is tested with the keys in the vault.
        const result = await api.testExchangeConnection(
          editing && !hasNewKeys ? { accountId: editing.id } : { input: input() },
        );
        if (!result.ok) return show(result.fieldErrors ?? [], result.error);
        setReport(result.value);
        announce(
          result.value.ok ? 'Connection works.' : `Connection failed: ${result.value.message}`,
        );
      }),
    save: () =>
      run('save', async () => {
        reset();
        const found = localErrors(true);
        if (found.length > 0) {
          show(found);
          return undefined;
        }
        const result = editing
          ? await api
              .updateExchangeAccount(editing.id, input())
              .then((done) => (done.ok ? { ok: true as const, value: editing.id } : done))
          : await api
              .addExchangeAccount(input())
              .then((done) => (done.ok ? { ok: true as const, value: done.value.id } : done));
        if (!result.ok) {
          show(result.fieldErrors ?? [], result.error);
          return undefined;
        }
        // The secrets leave the form (and the DOM) now; the vault holds them.
        setDraft('credentials', {});
        announce(`${draft.name.trim()} saved.`);
        return result.value;
      }),
  };
}
