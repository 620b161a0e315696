/**
 * The bots as cards on narrow screens (below 640 px), with the same facts and selection
 * checkboxes as the table.
 */
import { For, Show, type JSX } from 'solid-js';
import type { Bot } from '../../core/bot/types';
import { strategyName } from '../catalog';
import { LifecycleButtons } from '../components/LifecycleButtons';
import { ModeBadge } from '../components/ModeBadge';
import { StatusIndicator, StatusNote } from '../components/StatusIndicator';
import { formatPrice, trend } from '../format';
import { href } from '../router';
import { SelectAllCheckbox, SelectBotCheckbox } from './BulkBar';
import { createCommandRunner } from '../stores/createCommandRunner';
import { createVisibility } from '../visibility';
import {
  createVisibleFacts,
  LastActionText,
  PnlFigures,
  PositionText,
  type BotListParts,
} from './BotRowParts';

function BotCard(props: BotListParts & { bot: Bot }): JSX.Element {
  const runner = createCommandRunner();
  let card: HTMLLIElement | undefined;
  // Off-screen cards keep their last figures: live updates re-render only the cards in view.
  const isVisible = createVisibility(() => card);
  const { metrics, price, lastAction, now } = createVisibleFacts(props, isVisible);
  return (
    <li
      ref={card}
      class="card bot-card"
      classList={{ 'is-selected': props.view.isSelected(props.bot.id) }}
    >
      <div class="bot-card-head">
        <SelectBotCheckbox bot={props.bot} view={props.view} />
        <h3>
          <a href={href(`/bots/${encodeURIComponent(props.bot.id)}`)}>{props.bot.config.name}</a>
        </h3>
        <StatusIndicator status={props.bot.status} />
      </div>
      <StatusNote bot={props.bot} />
      <p class="bot-card-meta">
        {props.bot.config.symbol} · <ModeBadge mode={props.bot.config.mode} /> ·{' '}
        {strategyName(props.bot.config.strategyId)}
      </p>
      <dl class="facts">
        <div>
          <dt>PnL</dt>
          <dd class="pnl" data-trend={trend(metrics().pnl)}>
            <PnlFigures
              bot={props.bot}
              metrics={metrics()}
              sparklines={props.sparklines}
              isVisible={isVisible}
            />
          </dd>
        </div>
        <div>
          <dt>Position</dt>
          <dd>
            <PositionText
              bot={props.bot}
              metrics={metrics()}
              steps={props.store.stepsOf(props.bot)}
            />
          </dd>
        </div>
        <div>
          <dt>Last price</dt>
          <dd>{formatPrice(price(), props.store.stepsOf(props.bot).price)}</dd>
        </div>
        <div>
          <dt>Last action</dt>
          <dd>
            <LastActionText action={lastAction()} now={now} />
          </dd>
        </div>
      </dl>
      <div class="button-row">
        <LifecycleButtons bot={props.bot} runner={runner} isInList />
      </div>
      <Show when={runner.error()}>
        {(message) => (
          <p class="field-error" role="alert">
            {message()}
          </p>
        )}
      </Show>
    </li>
  );
}

export function BotCards(props: BotListParts): JSX.Element {
  return (
    <>
      <div class="bot-cards-head">
        <SelectAllCheckbox view={props.view} id="bot-cards-select-all" />
      </div>
      <ul class="bot-cards" aria-label="Bots">
        <For each={props.view.matching()}>{(bot) => <BotCard {...props} bot={bot} />}</For>
      </ul>
    </>
  );
}
