/**
 * The first three steps of the bot wizard: name, exchange account and mode (the modes the
 * account supports); market, from a searchable list of the account's markets, with the
 * allocation; and template, from the library (built-in and custom) with category and
 * description, plus the timeframe. Lists are radio groups, so arrows move within them.
 */
import { createMemo, createSignal, For, Show, type JSX } from 'solid-js';
import { TIMEFRAMES } from '../../core/market/timeframe';
import type { ExchangeAccount } from '../../db';
import { createStrategyCatalog } from '../catalog';
import { href } from '../router';
import { describedBy, FieldMessages, FormField, invalid } from '../components/FormField';
import { formatAmount } from '../format';
import type { BotFormStore } from '../stores/createBotFormStore';
import { categoryLabel } from '../stores/templateLibrary';

/** At most this many markets are listed at once (an exchange has thousands): search narrows. */
const MAX_LISTED_MARKETS = 100;

/** "Simulated", or "Binance · testnet" for an exchange account. */
function accountDetails(account: ExchangeAccount): string {
  if (account.kind === 'simulated') return 'Built-in simulator · simulated bots';
  const testnet = account.sandbox ? ' · testnet' : '';
  const keys = account.credentialsSecretId ? 'paper or live' : 'paper (no API keys)';
  return `${account.exchange}${testnet} · ${keys}`;
}

const MODE_LABELS: Record<string, string> = {
  simulated: 'Simulated — the built-in exchange replaying real market data',
  paper: 'Paper — real prices, pretend orders',
  live: 'Live — real orders with real money',
};

export function AccountStep(props: { form: BotFormStore }): JSX.Element {
  const form = props.form;
  return (
    <>
      <FormField id="bot-name" label="Name" error={form.errorFor('name')}>
        <input
          id="bot-name"
          type="text"
          autocomplete="off"
          maxlength="60"
          value={form.draft.name}
          aria-invalid={invalid(form.errorFor('name'))}
          aria-describedby={describedBy('bot-name', false, form.errorFor('name'))}
          onInput={(event) => form.setName(event.currentTarget.value)}
        />
      </FormField>
      <fieldset class="fieldset" aria-describedby="bot-account-error">
        <legend>Exchange account</legend>
        <Show
          when={form.accounts().length > 0}
          fallback={<p class="loading">Loading the accounts…</p>}
        >
          <For each={form.accounts()}>
            {(account) => (
              <label class="radio">
                <input
                  type="radio"
                  name="bot-account"
                  value={account.id}
                  checked={form.draft.accountId === account.id}
                  aria-labelledby={`account-${account.id}-name`}
                  aria-describedby={`account-${account.id}-details`}
                  onChange={() => form.setAccount(account.id)}
                />
                <span id={`account-${account.id}-name`}>{account.name}</span>
                <span id={`account-${account.id}-details`} class="choice-details">
                  {' '}
                  — {accountDetails(account)}
                </span>
              </label>
            )}
          </For>
        </Show>
        <FieldMessages id="bot-account" error={form.errorFor('accountId')} />
      </fieldset>
      <fieldset class="fieldset">
        <legend>Mode</legend>
        <For each={form.modes()}>
          {(mode) => (
            <label class="radio">
              <input
                type="radio"
                name="bot-mode"
                value={mode}
                checked={form.draft.mode === mode}
                onChange={() => form.setMode(mode)}
              />
              {MODE_LABELS[mode] ?? mode}
            </label>
          )}
        </For>
        <p class="field-help">
          Modes this account supports. Paper and live trading need an exchange account:{' '}
          <a href={href('/accounts')}>add one on the Accounts page</a>.
        </p>
        <Show when={form.draft.mode === 'live'}>
          <p class="notice" role="note">
            Live bots place real orders with real money, and need the unlocked vault to start.
          </p>
        </Show>
        <FieldMessages id="bot-mode" error={form.errorFor('mode')} />
      </fieldset>
    </>
  );
}

function AllocationHelp(props: { form: BotFormStore }): JSX.Element {
  return (
    <Show
      when={props.form.balance()}
      fallback={<>In {props.form.market()?.quote ?? 'the quote currency'} of the market.</>}
    >
      {(balance) => (
        <>
          Not yet allocated: {formatAmount(balance().unallocated, balance().currency)} (free on the
          account: {formatAmount(balance().free, balance().currency)}).
        </>
      )}
    </Show>
  );
}

export function MarketStep(props: { form: BotFormStore }): JSX.Element {
  const form = props.form;
  const [query, setQuery] = createSignal('');
  const matching = createMemo(() => {
    const text = query().trim().toLowerCase();
    const list = form.markets.state === 'ready' ? form.markets() : [];
    return text === ''
      ? list
      : list.filter((market) =>
          `${market.symbol} ${market.base} ${market.quote}`.toLowerCase().includes(text),
        );
  });
  const shown = createMemo(() => matching().slice(0, MAX_LISTED_MARKETS));
  return (
    <>
      <FormField id="market-search" label="Search markets">
        <input
          id="market-search"
          type="search"
          autocomplete="off"
          value={query()}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
      </FormField>
      <fieldset class="fieldset" aria-busy={form.markets.loading ? 'true' : undefined}>
        <legend>Market</legend>
        <Show when={form.markets.error}>
          <p class="form-error" role="alert">
            Could not load the markets: {String(form.markets.error)}
          </p>
        </Show>
        <Show
          when={form.markets.state === 'ready'}
          fallback={<p class="loading">Loading the markets…</p>}
        >
          <ul class="choice-list" role="list">
            <For each={shown()} fallback={<li class="muted">No market matches “{query()}”.</li>}>
              {(market) => (
                <li>
                  <label class="choice">
                    <input
                      type="radio"
                      name="bot-market"
                      value={market.symbol}
                      checked={form.draft.symbol === market.symbol}
                      aria-labelledby={`market-${market.id}-title`}
                      aria-describedby={`market-${market.id}-details`}
                      onChange={() => form.setSymbol(market.symbol)}
                    />
                    <span id={`market-${market.id}-title`} class="choice-title">
                      {market.symbol}
                    </span>
                    <span id={`market-${market.id}-details`} class="choice-details">
                      {market.base} / {market.quote} · price step {market.precision.price} · amount
                      step {market.precision.amount}
                    </span>
                  </label>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={matching().length > shown().length}>
          <p class="field-help">
            Showing {shown().length} of {matching().length} markets: search to narrow them.
          </p>
        </Show>
        <FieldMessages id="bot-market" error={form.errorFor('symbol')} />
      </fieldset>
      <FormField
        id="bot-allocation"
        label="Allocation"
        help={<AllocationHelp form={form} />}
        error={form.errorFor('allocation')}
      >
        <div class="input-with-unit">
          <input
            id="bot-allocation"
            type="text"
            inputmode="decimal"
            autocomplete="off"
            value={form.draft.allocation}
            aria-invalid={invalid(form.errorFor('allocation'))}
            aria-describedby={describedBy('bot-allocation', true, form.errorFor('allocation'))}
            onInput={(event) => form.setAllocation(event.currentTarget.value)}
          />
          <span class="input-unit">{form.market()?.quote ?? ''}</span>
        </div>
      </FormField>
    </>
  );
}

export function TemplateStep(props: { form: BotFormStore }): JSX.Element {
  const form = props.form;
  const catalog = createStrategyCatalog();
  return (
    <>
      <fieldset class="fieldset">
        <legend>Template</legend>
        <ul class="choice-list" role="list">
          <For each={catalog()}>
            {(strategy) => (
              <li>
                <label class="choice">
                  <input
                    type="radio"
                    name="bot-template"
                    value={strategy.id}
                    checked={form.draft.strategyId === strategy.id}
                    aria-labelledby={`template-${strategy.id}-title`}
                    aria-describedby={`template-${strategy.id}-details`}
                    onChange={() => form.setStrategy(strategy.id)}
                  />
                  <span id={`template-${strategy.id}-title`} class="choice-title">
                    {strategy.name}
                  </span>
                  <span id={`template-${strategy.id}-details`} class="choice-details">
                    {strategy.isCustom ? 'Custom · ' : ''}
                    {categoryLabel(strategy.category)} · {strategy.timeframe} —{' '}
                    {strategy.description}
                  </span>
                </label>
              </li>
            )}
          </For>
        </ul>
        <FieldMessages id="bot-template" error={form.errorFor('strategyId')} />
      </fieldset>
      <FormField
        id="bot-timeframe"
        label="Timeframe"
        help={`Candle length the strategy decides on; ${form.strategy()?.name ?? 'the template'} is designed for ${form.strategy()?.timeframe ?? '—'}.`}
        error={form.errorFor('timeframe')}
      >
        <select
          id="bot-timeframe"
          value={form.draft.timeframe}
          aria-invalid={invalid(form.errorFor('timeframe'))}
          aria-describedby={describedBy('bot-timeframe', true, form.errorFor('timeframe'))}
          onChange={(event) => form.setTimeframe(event.currentTarget.value)}
        >
          <For each={TIMEFRAMES}>
            {(timeframe) => (
              <option value={timeframe} selected={timeframe === form.draft.timeframe}>
                {timeframe}
              </option>
            )}
          </For>
        </select>
      </FormField>
    </>
  );
}
