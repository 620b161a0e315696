/**
 * Create a bot: name, market, template (with its parameters and presets), timeframe and
 * allocation on the simulated account. Checked inline as the user types; the draft survives
 * reloads; `preset` (from `?preset=<id>`) loads a saved preset into it; on success the bot page
 * opens. The engine validates again and its field errors show at the fields.
 */
import { For, Show, type JSX } from 'solid-js';
import { TIMEFRAMES } from '../../core/market/timeframe';
import { createStrategyCatalog } from '../catalog';
import { CheckboxField, describedBy, FormField, invalid } from '../components/FormField';
import { useEngine } from '../EngineProvider';
import { formatAmount } from '../format';
import { usePageTitle } from '../pageTitle';
import { navigate } from '../router';
import { createBotFormStore, type BotFormStore } from '../stores/createBotFormStore';
import { ParamFields } from './ParamFields';
import { PresetFields } from './PresetFields';

function focusFirstInvalid(form: HTMLFormElement): void {
  requestAnimationFrame(() => {
    form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });
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

function MarketAndTemplate(props: { form: BotFormStore }): JSX.Element {
  const form = props.form;
  const catalog = createStrategyCatalog();
  return (
    <>
      <FormField id="bot-market" label="Market" error={form.errorFor('symbol')}>
        <select
          id="bot-market"
          value={form.draft.symbol}
          aria-invalid={invalid(form.errorFor('symbol'))}
          aria-describedby={describedBy('bot-market', false, form.errorFor('symbol'))}
          aria-busy={form.markets.loading ? 'true' : undefined}
          onChange={(event) => form.setSymbol(event.currentTarget.value)}
        >
          <Show when={form.markets.state === 'ready'} fallback={<option value="">Loading…</option>}>
            <For each={form.markets()}>
              {(market) => (
                <option value={market.symbol} selected={market.symbol === form.draft.symbol}>
                  {market.symbol}
                </option>
              )}
            </For>
          </Show>
        </select>
      </FormField>
      <Show when={form.markets.error}>
        <p class="field-error" role="alert">
          Could not load the markets: {String(form.markets.error)}
        </p>
      </Show>
      <FormField
        id="bot-template"
        label="Template"
        help={form.strategy()?.description}
        error={form.errorFor('strategyId')}
      >
        <select
          id="bot-template"
          value={form.draft.strategyId}
          aria-invalid={invalid(form.errorFor('strategyId'))}
          aria-describedby={describedBy(
            'bot-template',
            Boolean(form.strategy()),
            form.errorFor('strategyId'),
          )}
          onChange={(event) => form.setStrategy(event.currentTarget.value)}
        >
          <For each={catalog()}>
            {(strategy) => (
              <option value={strategy.id} selected={strategy.id === form.draft.strategyId}>
                {strategy.isCustom ? `${strategy.name} (custom)` : strategy.name}
              </option>
            )}
          </For>
        </select>
      </FormField>
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

function BotForm(props: { form: BotFormStore }): JSX.Element {
  const form = props.form;
  let formElement!: HTMLFormElement;
  const onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const id = await form.submit();
    if (id) navigate(`/bots/${encodeURIComponent(id)}`);
    else focusFirstInvalid(formElement);
  };
  return (
    <form ref={formElement} class="form" novalidate onSubmit={(event) => void onSubmit(event)}>
      <FormField id="bot-name" label="Name" error={form.errorFor('name')}>
        <input
          id="bot-name"
          type="text"
          autocomplete="off"
          required
          maxlength="60"
          value={form.draft.name}
          aria-invalid={invalid(form.errorFor('name'))}
          aria-describedby={describedBy('bot-name', false, form.errorFor('name'))}
          onInput={(event) => form.setName(event.currentTarget.value)}
        />
      </FormField>
      <dl class="facts facts-inline">
        <div>
          <dt>Mode</dt>
          <dd>Simulated — trades the built-in simulated exchange replaying real market data</dd>
        </div>
        <div>
          <dt>Account</dt>
          <dd>{form.account()?.name ?? 'Simulated'} account</dd>
        </div>
      </dl>
      <MarketAndTemplate form={form} />
      <fieldset class="fieldset">
        <legend>Parameters</legend>
        <ParamFields form={form} />
      </fieldset>
      <PresetFields form={form} />
      <FormField
        id="bot-allocation"
        label="Allocation"
        help={<AllocationHelp form={form} />}
        error={form.errorFor('allocation')}
      >
        <div class="input-with-unit">
          <input
            id="bot-allocation"
            type="number"
            inputmode="decimal"
            min="0"
            step="any"
            value={form.draft.allocation}
            aria-invalid={invalid(form.errorFor('allocation'))}
            aria-describedby={describedBy('bot-allocation', true, form.errorFor('allocation'))}
            onInput={(event) => form.setAllocation(event.currentTarget.value)}
          />
          <span class="input-unit">{form.market()?.quote ?? ''}</span>
        </div>
      </FormField>
      <CheckboxField
        id="bot-start"
        label="Start the bot now"
        checked={form.draft.start}
        onChange={(checked) => form.setStart(checked)}
      />
      <Show when={form.formError()}>
        {(message) => (
          <p class="form-error" role="alert">
            {message()}
          </p>
        )}
      </Show>
      <div class="button-row">
        <button
          type="submit"
          class="button button-primary"
          aria-disabled={form.isSubmitting() ? 'true' : undefined}
        >
          Create bot
        </button>
        <Show when={form.isSubmitting()}>
          <span class="muted" aria-live="polite">
            Creating the bot…
          </span>
        </Show>
      </div>
    </form>
  );
}

export function CreateBotPage(props: { template?: string; preset?: string }): JSX.Element {
  usePageTitle(() => 'New bot');
  const form = createBotFormStore(useEngine().api, props.template, props.preset);
  return (
    <section class="page narrow">
      <h1 tabindex="-1">New bot</h1>
      <p class="lead">
        A bot trades one market with a strategy template and its own share of the account's capital.
        Your draft is saved as you type.
      </p>
      <Show when={form.isReady()} fallback={<p class="loading">Loading…</p>}>
        <BotForm form={form} />
      </Show>
    </section>
  );
}
