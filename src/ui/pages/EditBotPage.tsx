/**
 * Edit a bot (#/bots/<id>/edit): name, allocation, parameters and risk; market, template and
 * account are shown read-only (clone the bot to change them). "Review changes" lists exactly
 * what changes and when it takes effect; "Save changes" stores a new config version.
 */
import { For, Match, Show, Switch, type JSX } from 'solid-js';
import type { Bot } from '../../core/bot/types';
import { strategyName } from '../catalog';
import { describedBy, FormField, invalid } from '../components/FormField';
import { useEngine } from '../EngineProvider';
import { usePageTitle } from '../pageTitle';
import { href, navigate } from '../router';
import { formatChange } from '../stores/configDiff';
import { createBotEditStore, type BotEditStore } from '../stores/createBotEditStore';
import { emptyRiskDraft } from '../stores/riskDraft';
import { ParamFields } from './ParamFields';
import { RiskFields } from './RiskFields';
import './wizard.css';

/** When a saved change reaches the bot, by its status. */
export function effectNote(bot: Bot): string {
  if (bot.status === 'running' || bot.status === 'paused') {
    return `The bot is ${bot.status}: the new version applies from the next candle. Open orders stay until the strategy amends them.`;
  }
  return 'The bot is not running: the new version applies when it next starts.';
}

function ReadOnlyFacts(props: { bot: Bot }): JSX.Element {
  return (
    <dl class="facts facts-inline">
      <div>
        <dt>Account</dt>
        <dd>{props.bot.config.accountId}</dd>
      </div>
      <div>
        <dt>Mode</dt>
        <dd>{props.bot.config.mode}</dd>
      </div>
      <div>
        <dt>Market</dt>
        <dd>{props.bot.config.symbol}</dd>
      </div>
      <div>
        <dt>Template</dt>
        <dd>
          {strategyName(props.bot.config.strategyId)} · {props.bot.config.timeframe}
        </dd>
      </div>
      <div>
        <dt>Version</dt>
        <dd>v{props.bot.configVersion}</dd>
      </div>
    </dl>
  );
}

function ChangesReview(props: { store: BotEditStore; bot: Bot; onSave: () => void }): JSX.Element {
  return (
    <section class="card edit-review" aria-labelledby="changes-heading">
      <h2 id="changes-heading" class="section-title" tabindex="-1">
        Changes
      </h2>
      <Show
        when={props.store.changes().length > 0}
        fallback={
          <p>Nothing changes: the values are those of version {props.bot.configVersion}.</p>
        }
      >
        <ul class="change-list" aria-label="Changes to save">
          <For each={props.store.changes()}>{(change) => <li>{formatChange(change)}</li>}</For>
        </ul>
        <p class="field-help">{effectNote(props.bot)}</p>
      </Show>
      <div class="button-row">
        <Show when={props.store.changes().length > 0}>
          <button
            type="button"
            class="button button-primary"
            aria-disabled={props.store.isSaving() ? 'true' : undefined}
            onClick={props.onSave}
          >
            Save changes
          </button>
        </Show>
        <button type="button" class="button" onClick={() => props.store.keepEditing()}>
          Keep editing
        </button>
      </div>
    </section>
  );
}

function EditForm(props: { store: BotEditStore; bot: Bot }): JSX.Element {
  const store = props.store;
  let formElement!: HTMLFormElement;
  const onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    requestAnimationFrame(() => {
      const target = store.review()
        ? document.getElementById('changes-heading')
        : formElement.querySelector<HTMLElement>('[aria-invalid="true"]');
      target?.focus();
    });
  };
  const onSave = (): void => {
    void store.save().then((version) => {
      if (version !== undefined) navigate(`/bots/${encodeURIComponent(props.bot.id)}`);
    });
  };
  const value = (key: 'name' | 'allocation'): string => store.draft?.[key] ?? '';
  return (
    <form ref={formElement} class="form" novalidate onSubmit={onSubmit}>
      <FormField id="bot-name" label="Name" error={store.errorFor('name')}>
        <input
          id="bot-name"
          type="text"
          autocomplete="off"
          maxlength="60"
          value={value('name')}
          aria-invalid={invalid(store.errorFor('name'))}
          aria-describedby={describedBy('bot-name', false, store.errorFor('name'))}
          onInput={(event) => store.setName(event.currentTarget.value)}
        />
      </FormField>
      <FormField id="bot-allocation" label="Allocation" error={store.errorFor('allocation')}>
        <div class="input-with-unit">
          <input
            id="bot-allocation"
            type="text"
            inputmode="decimal"
            autocomplete="off"
            value={value('allocation')}
            aria-invalid={invalid(store.errorFor('allocation'))}
            aria-describedby={describedBy('bot-allocation', false, store.errorFor('allocation'))}
            onInput={(event) => store.setAllocation(event.currentTarget.value)}
          />
          <span class="input-unit">{props.bot.config.symbol.split('/')[1]}</span>
        </div>
      </FormField>
      <fieldset class="fieldset">
        <legend>Parameters</legend>
        <ParamFields form={store} />
      </fieldset>
      <h2 class="section-title">Risk</h2>
      <RiskFields
        form={{
          risk: () => store.draft?.risk ?? emptyRiskDraft(),
          setRisk: store.setRisk,
          errorFor: store.errorFor,
          quote: () => props.bot.config.symbol.split('/')[1] ?? '',
        }}
      />
      <Show when={store.formError()}>
        {(message) => (
          <p class="form-error" role="alert">
            {message()}
          </p>
        )}
      </Show>
      <Show
        when={store.isReviewing()}
        fallback={
          <div class="button-row">
            <button type="submit" class="button button-primary">
              Review changes
            </button>
            <a class="button" href={href(`/bots/${encodeURIComponent(props.bot.id)}`)}>
              Cancel
            </a>
          </div>
        }
      >
        <ChangesReview store={store} bot={props.bot} onSave={onSave} />
      </Show>
    </form>
  );
}

export function EditBotPage(props: { botId: string }): JSX.Element {
  const store = createBotEditStore(useEngine().api, props.botId);
  usePageTitle(() => `Edit ${store.bot()?.config.name ?? 'bot'}`);
  return (
    <section class="page narrow">
      <p class="breadcrumb">
        <a href={href(`/bots/${encodeURIComponent(props.botId)}`)}>← Back to the bot</a>
      </p>
      <Switch>
        <Match when={store.bot.loading}>
          <p class="loading">Loading the bot…</p>
        </Match>
        <Match when={store.bot()}>
          {(bot) => (
            <>
              <h1 tabindex="-1">Edit {bot().config.name}</h1>
              <ReadOnlyFacts bot={bot()} />
              <p class="field-help">
                Market, template and account stay as they are; clone the bot to change them.
              </p>
              <EditForm store={store} bot={bot()} />
            </>
          )}
        </Match>
        <Match when={!store.bot()}>
          <h1 tabindex="-1">Bot not found</h1>
          <p>
            There is no bot with id <code>{props.botId}</code> in this browser.
          </p>
        </Match>
      </Switch>
    </section>
  );
}
