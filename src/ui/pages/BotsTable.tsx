/**
 * The bots as a table (desktop and tablet): one row per matching bot with a selection checkbox,
 * live PnL and its controls; the header checkbox selects every bot matching the filters.
 * An ARIA table of rows that are grids with one fixed column template (botList.css): each row
 * is laid out on its own, so a live figure that changes re-lays out its row only, and rows off
 * screen skip layout and paint altogether (`content-visibility: auto`) — on the first render
 * too. Native table rows cannot skip layout: every one of them was laid out on each render.
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

function BotTableRow(props: BotListParts & { bot: Bot }): JSX.Element {
  const runner = createCommandRunner();
  let row: HTMLDivElement | undefined;
  // Off-screen rows keep their last figures: live updates re-render only the rows in view.
  const isVisible = createVisibility(() => row);
  const { metrics, price, lastAction, now } = createVisibleFacts(props, isVisible);
  return (
    <div
      ref={row}
      role="row"
      class="bots-row"
      classList={{ 'is-selected': props.view.isSelected(props.bot.id) }}
    >
      <div role="cell">
        <SelectBotCheckbox bot={props.bot} view={props.view} />
      </div>
      <div role="rowheader">
        <a href={href(`/bots/${encodeURIComponent(props.bot.id)}`)}>{props.bot.config.name}</a>
        <span class="cell-sub">{strategyName(props.bot.config.strategyId)}</span>
      </div>
      <div role="cell">
        <span class="cell-line">{props.bot.config.symbol}</span>
        <ModeBadge mode={props.bot.config.mode} />
      </div>
      <div role="cell">
        <StatusIndicator status={props.bot.status} />
        <StatusNote bot={props.bot} />
      </div>
      <div role="cell" class="numeric pnl" data-trend={trend(metrics().pnl)}>
        <PnlFigures
          bot={props.bot}
          metrics={metrics()}
          sparklines={props.sparklines}
          isVisible={isVisible}
        />
      </div>
      <div role="cell" class="numeric">
        <PositionText bot={props.bot} metrics={metrics()} steps={props.store.stepsOf(props.bot)} />
      </div>
      <div role="cell" class="numeric">
        {formatPrice(price(), props.store.stepsOf(props.bot).price)}
      </div>
      <div role="cell">
        <LastActionText action={lastAction()} now={now} />
      </div>
      <div role="cell" class="actions">
        <LifecycleButtons bot={props.bot} runner={runner} isInList />
        <Show when={runner.error()}>
          {(message) => (
            <p class="field-error" role="alert">
              {message()}
            </p>
          )}
        </Show>
      </div>
    </div>
  );
}

export function BotsTable(props: BotListParts): JSX.Element {
  return (
    <div class="table-scroll">
      <div role="table" class="data-table bots-table" aria-label="Bots">
        <div role="rowgroup" class="bots-head">
          <div role="row" class="bots-row">
            <div role="columnheader">
              <SelectAllCheckbox view={props.view} id="bots-select-all" hideLabel />
            </div>
            <div role="columnheader">Bot</div>
            <div role="columnheader">Market</div>
            <div role="columnheader">Status</div>
            <div role="columnheader" class="numeric">
              PnL
            </div>
            <div role="columnheader" class="numeric">
              Position
            </div>
            <div role="columnheader" class="numeric">
              Last price
            </div>
            <div role="columnheader">Last action</div>
            <div role="columnheader">
              <span class="visually-hidden">Actions</span>
            </div>
          </div>
        </div>
        <div role="rowgroup" class="bots-body">
          <For each={props.view.matching()}>{(bot) => <BotTableRow {...props} bot={bot} />}</For>
        </div>
      </div>
    </div>
  );
}
