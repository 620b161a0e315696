/**
 * The account view of the Risk and Accounts pages: per account (and, on exchange accounts, per
 * paper or live balance) and currency, the balance (total and free), what is allocated to bots
 * and what is still unallocated, and each bot's allocation next to its current equity.
 * Refreshed every few seconds while shown.
 */
import { createResource, For, onCleanup, Show, type JSX } from 'solid-js';
import type { AccountBalanceView, BotSummary } from '../../../host/engineApi';
import { DataTable } from '../../components/DataTable';
import { useEngine } from '../../EngineProvider';
import { formatAmount } from '../../format';
import { href } from '../../router';

const REFRESH_MS = 5_000;

const BALANCE_COLUMNS = [
  { label: 'Account' },
  { label: 'Currency' },
  { label: 'Total', isNumeric: true },
  { label: 'Free', isNumeric: true },
  { label: 'Allocated to bots', isNumeric: true },
  { label: 'Unallocated', isNumeric: true },
] as const;

const BOT_COLUMNS = [
  { label: 'Bot' },
  { label: 'Account' },
  { label: 'Allocation', isNumeric: true },
  { label: 'Equity', isNumeric: true },
] as const;

const quoteOf = (summary: BotSummary): string => summary.bot.config.symbol.split('/')[1] ?? '';

export function AccountAllocation(props: {
  accountName: (accountId: string) => string;
}): JSX.Element {
  const { api } = useEngine();
  const [data, { refetch }] = createResource(async () => {
    const [balances, bots] = await Promise.all([api.listBalances(), api.listBots()]);
    if (!balances.ok) throw new Error(balances.error);
    if (!bots.ok) throw new Error(bots.error);
    // Currencies with nothing in them and nothing allocated are noise.
    const rows = balances.value.filter(
      (row: AccountBalanceView) => row.total !== 0 || row.allocated !== 0,
    );
    return { balances: rows, bots: bots.value };
  });
  const timer = setInterval(() => void refetch(), REFRESH_MS);
  onCleanup(() => clearInterval(timer));

  return (
    <section class="risk-section" aria-labelledby="allocation-heading">
      <h2 id="allocation-heading" class="section-title">
        Capital and allocation
      </h2>
      <Show when={data.error}>
        <p class="form-error" role="alert">
          Could not load the balances: {String(data.error)}
        </p>
      </Show>
      <Show when={data.latest} fallback={<p class="loading">Loading balances…</p>}>
        {(loaded) => (
          <>
            <DataTable
              id="balances-table"
              title="Balances"
              level={3}
              columns={BALANCE_COLUMNS}
              rowCount={loaded().balances.length}
              emptyMessage="No balances"
            >
              <For each={loaded().balances}>
                {(row) => (
                  <tr>
                    <td>
                      {props.accountName(row.accountId)}
                      {row.mode ? ` (${row.mode})` : ''}
                    </td>
                    <td>{row.currency}</td>
                    <td class="numeric">{formatAmount(row.total, row.currency)}</td>
                    <td class="numeric">{formatAmount(row.free, row.currency)}</td>
                    <td class="numeric">{formatAmount(row.allocated, row.currency)}</td>
                    <td class="numeric">{formatAmount(row.unallocated, row.currency)}</td>
                  </tr>
                )}
              </For>
            </DataTable>
            <DataTable
              id="bot-allocations-table"
              title="Bot allocations"
              level={3}
              columns={BOT_COLUMNS}
              rowCount={loaded().bots.length}
              emptyMessage="No bots yet"
            >
              <For each={loaded().bots}>
                {(summary) => (
                  <tr>
                    <td>
                      <a href={href(`/bots/${encodeURIComponent(summary.bot.id)}`)}>
                        {summary.bot.config.name}
                      </a>
                    </td>
                    <td>{props.accountName(summary.bot.config.accountId)}</td>
                    <td class="numeric">
                      {formatAmount(summary.bot.config.allocation, quoteOf(summary))}
                    </td>
                    <td class="numeric">
                      {summary.equity === undefined
                        ? '—'
                        : formatAmount(summary.equity, quoteOf(summary))}
                    </td>
                  </tr>
                )}
              </For>
            </DataTable>
          </>
        )}
      </Show>
    </section>
  );
}
