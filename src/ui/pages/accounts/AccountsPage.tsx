/**
 * Accounts (#/accounts): every account — the built-in simulated one and exchange accounts —
 * with its exchange, testnet, stored-key hint (never a key), the path its orders take and its
 * bots; "Add account", edit, test a saved account's connection, delete with confirmation; and
 * the capital of each account (balances, allocated, free) as on the Risk page.
 */
import { createResource, createSignal, For, Match, Show, Switch, type JSX } from 'solid-js';
import type { ConnectionReport } from '../../../exchange/ccxt/types';
import type { AccountView } from '../../../host/engineApi';
import { Dialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { useEngine, useLiveEvents } from '../../EngineProvider';
import { usePageTitle } from '../../pageTitle';
import { href } from '../../router';
import { createCommandRunner } from '../../stores/createCommandRunner';
import { AccountAllocation } from '../risk/AccountAllocation';
import { AccountForm } from './AccountForm';
import { ConnectionReportView, TRADING_PATH_LABELS } from './ConnectionReportView';
import './accounts.css';

function AccountCard(props: {
  account: AccountView;
  onEdit: () => void;
  onDelete: () => void;
}): JSX.Element {
  const { api } = useEngine();
  const runner = createCommandRunner();
  const [report, setReport] = createSignal<ConnectionReport>();
  const test = async () => {
    setReport(undefined);
    const result = await runner.run('Test connection', () =>
      api.testExchangeConnection({ accountId: props.account.id }),
    );
    if (result?.ok) setReport(result.value);
  };
  const headingId = `account-${props.account.id}-heading`;
  return (
    <li class="card account-card" aria-labelledby={headingId}>
      <h3 id={headingId} class="account-name">
        {props.account.name}
      </h3>
      <dl class="account-facts">
        <dt>Kind</dt>
        <dd>{props.account.kind === 'simulated' ? 'Simulated' : 'Exchange'}</dd>
        <dt>Exchange</dt>
        <dd>
          {props.account.exchangeName}
          {props.account.sandbox ? ' (testnet)' : ''}
        </dd>
        <dt>Modes</dt>
        <dd>{props.account.modes.join(', ')}</dd>
        <Show when={props.account.kind === 'exchange'}>
          <dt>API keys</dt>
          <dd>
            {props.account.hasCredentials
              ? `In the vault ${props.account.credentialsHint}`.trim()
              : 'None (paper trading only)'}
          </dd>
          <dt>Orders go over</dt>
          <dd>
            {props.account.tradingPath
              ? TRADING_PATH_LABELS[props.account.tradingPath]
              : '— (known once connected)'}
          </dd>
          <Show when={props.account.proxyUrl}>
            <dt>CORS proxy</dt>
            <dd class="account-url">{props.account.proxyUrl}</dd>
          </Show>
          <Show when={props.account.apiUrl}>
            <dt>API base URL</dt>
            <dd class="account-url">{props.account.apiUrl}</dd>
          </Show>
        </Show>
        <dt>Bots</dt>
        <dd>{props.account.botCount}</dd>
      </dl>
      <Show
        when={props.account.kind === 'exchange'}
        fallback={
          <p class="field-help">
            Its balances, fees and replay speed are in <a href={href('/settings')}>Settings</a>.
          </p>
        }
      >
        <div class="button-row">
          <button
            type="button"
            class="button button-small"
            aria-disabled={runner.busy() ? 'true' : undefined}
            aria-label={`Test connection of ${props.account.name}`}
            onClick={() => void test()}
          >
            Test connection
          </button>
          <button
            type="button"
            class="button button-small"
            aria-label={`Edit ${props.account.name}`}
            onClick={() => props.onEdit()}
          >
            Edit
          </button>
          <button
            type="button"
            class="button button-small button-danger-outline"
            aria-label={`Delete ${props.account.name}`}
            onClick={() => props.onDelete()}
          >
            Delete
          </button>
          <span class="muted" aria-live="polite">
            {runner.busy() ? 'Testing the connection…' : ''}
          </span>
        </div>
        <Show when={runner.error()}>
          {(message) => (
            <p class="form-error" role="alert">
              {message()}
            </p>
          )}
        </Show>
        <Show when={report()}>{(shown) => <ConnectionReportView report={shown()} />}</Show>
      </Show>
    </li>
  );
}

function DeleteDialog(props: {
  account?: AccountView;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { api } = useEngine();
  const runner = createCommandRunner();
  const remove = async (account: AccountView) => {
    const result = await runner.run(
      'Delete account',
      () => api.deleteExchangeAccount(account.id),
      `${account.name} deleted.`,
    );
    if (result?.ok) props.onDeleted();
  };
  return (
    <Dialog
      open={props.account !== undefined}
      title={`Delete ${props.account?.name ?? 'account'}?`}
      onClose={() => {
        runner.clearError();
        props.onClose();
      }}
    >
      <p>
        The account and its API keys in the vault are deleted. Accounts that bots use cannot be
        deleted: delete those bots first.
      </p>
      <Show when={runner.error()}>
        {(message) => (
          <p class="form-error" role="alert">
            {message()}
          </p>
        )}
      </Show>
      <div class="button-row">
        <button
          type="button"
          class="button button-danger"
          aria-disabled={runner.busy() ? 'true' : undefined}
          onClick={() => props.account && void remove(props.account)}
        >
          Delete account
        </button>
        <button type="button" class="button" onClick={() => props.onClose()}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}

export function AccountsPage(): JSX.Element {
  usePageTitle(() => 'Accounts');
  const { api } = useEngine();
  const [accounts, { refetch }] = createResource(async () => {
    const result = await api.listAccounts();
    if (!result.ok) throw new Error(result.error);
    return result.value;
  });
  // Key hints change with the vault (set up, erased): ask again.
  useLiveEvents((event) => {
    if (event.type === 'vault') void refetch();
  });
  const [editing, setEditing] = createSignal<AccountView | 'new'>();
  const [deleting, setDeleting] = createSignal<AccountView>();
  const nameOf = (accountId: string) =>
    accounts.latest?.find((account) => account.id === accountId)?.name ?? accountId;
  const done = () => {
    setEditing(undefined);
    void refetch();
  };
  return (
    <section class="page accounts-page">
      <h1 tabindex="-1">Accounts</h1>
      <p class="muted">
        Exchange accounts let bots paper-trade on an exchange's real prices or trade live. API keys
        are kept encrypted in the vault and used only inside the bot worker.
      </p>
      <Show
        when={editing()}
        fallback={
          <div class="button-row">
            <button type="button" class="button button-primary" onClick={() => setEditing('new')}>
              Add account
            </button>
          </div>
        }
      >
        {(current) => (
          <section class="card" aria-labelledby="account-form-heading">
            <h2 id="account-form-heading" class="section-title">
              {current() === 'new'
                ? 'Add an exchange account'
                : `Edit ${(current() as AccountView).name}`}
            </h2>
            <AccountForm
              editing={current() === 'new' ? undefined : (current() as AccountView)}
              onDone={done}
            />
          </section>
        )}
      </Show>
      <section aria-labelledby="accounts-heading" aria-busy={accounts.loading ? 'true' : undefined}>
        <h2 id="accounts-heading" class="section-title">
          Your accounts
        </h2>
        <Switch>
          <Match when={accounts.error}>
            <p class="form-error" role="alert">
              Could not load the accounts: {String(accounts.error)}
            </p>
          </Match>
          <Match when={!accounts.latest}>
            <p class="loading">Loading the accounts…</p>
          </Match>
          <Match when={accounts.latest?.length === 0}>
            <EmptyState message="No accounts yet." />
          </Match>
          <Match when={accounts.latest}>
            {(list) => (
              <ul class="account-list" role="list">
                <For each={list()}>
                  {(account) => (
                    <AccountCard
                      account={account}
                      onEdit={() => setEditing(account)}
                      onDelete={() => setDeleting(account)}
                    />
                  )}
                </For>
              </ul>
            )}
          </Match>
        </Switch>
      </section>
      <AccountAllocation accountName={nameOf} />
      <DeleteDialog
        account={deleting()}
        onClose={() => setDeleting(undefined)}
        onDeleted={() => {
          setDeleting(undefined);
          void refetch();
        }}
      />
    </section>
  );
}
