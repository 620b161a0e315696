/**
 * The bots as a table (desktop and tablet): one row per matching bot with a selection checkbox,
 * live PnL and its controls; the header checkbox selects every bot matching the filters.
 * The columns have fixed widths (botList.css): the browser sizes them without measuring every
 * cell, and a live figure that changes re-lays out its own row, not the whole table.
 */
import { createMemo, For, Show, type JSX } from 'solid-js';
import type { Bot } from '../../core/bot/types';
import { strategyName } from '../catalog';
import { LifecycleButtons } from '../components/LifecycleButtons';
import { ModeBadge } from '../components/ModeBadge';
import { StatusIndicator, StatusNote } from '../components/StatusIndicator';
import { formatPrice, trend } from '../format';
import { href } from '../router';
import { SelectAllCheckbox, SelectBotCheckbox } from './BulkBar';
import { createCommandRunner } from '../stores/createCommandRunner';
import { createVisibility, whileVisible } from '../visibility';
import { LastActionText, PnlFigures, PositionText, type BotListParts } from './BotRowParts';

/** The columns, in order; each `col-…` class sets its width in botList.css. */
const COLUMNS = [
  'select',
  'bot',
  'market',
  'status',
  'pnl',
  'position',
  'price',
  'action',
  'actions',
] as const;

function BotTableRow(props: BotListParts & { bot: Bot }): JSX.Element {
  const runner = createCommandRunner();
  let row: HTMLTableRowElement | undefined;
  // Off-screen rows keep their last figures: live updates re-render only the rows in view.
  const isVisible = createVisibility(() => row);
  const metrics = createMemo(whileVisible(isVisible, () => props.store.metricsOf(props.bot)));
  const price = createMemo(whileVisible(isVisible, () => props.store.priceOf(props.bot)));
  const lastAction = createMemo(whileVisible(isVisible, () => props.store.lastActionOf(props.bot)));
  // "3 min. ago" moves on every 15 s: in view only (every row at once made one long frame).
  const now = createMemo(whileVisible(isVisible, () => props.now()));
  return (
    <tr ref={row} classList={{ 'is-selected': props.view.isSelected(props.bot.id) }}>
      <td class="select-cell">
        <SelectBotCheckbox bot={props.bot} view={props.view} />
      </td>
      <th scope="row">
        <a href={href(`/bots/${encodeURIComponent(props.bot.id)}`)}>{props.bot.config.name}</a>
        <span class="cell-sub">{strategyName(props.bot.config.strategyId)}</span>
      </th>
      <td>
        <span class="cell-line">{props.bot.config.symbol}</span>
        <ModeBadge mode={props.bot.config.mode} />
      </td>
      <td>
        <StatusIndicator status={props.bot.status} />
        <StatusNote bot={props.bot} />
      </td>
      <td class="numeric pnl" data-trend={trend(metrics().pnl)}>
        <PnlFigures
          bot={props.bot}
          metrics={metrics()}
          sparklines={props.sparklines}
          isVisible={isVisible}
        />
      </td>
      <td class="numeric">
        <PositionText bot={props.bot} metrics={metrics()} steps={props.store.stepsOf(props.bot)} />
      </td>
      <td class="numeric">{formatPrice(price(), props.store.stepsOf(props.bot).price)}</td>
      <td>
        <LastActionText action={lastAction()} now={now} />
      </td>
      <td class="actions">
        <LifecycleButtons bot={props.bot} runner={runner} isInList />
        <Show when={runner.error()}>
          {(message) => (
            <p class="field-error" role="alert">
              {message()}
            </p>
          )}
        </Show>
      </td>
    </tr>
  );
}

export function BotsTable(props: BotListParts): JSX.Element {
  return (
    <div class="table-scroll">
      <table class="data-table bots-table" aria-label="Bots">
        <colgroup>
          <For each={COLUMNS}>{(name) => <col class={`col-${name}`} />}</For>
        </colgroup>
        <thead>
          <tr>
            <th scope="col" class="select-cell">
              <SelectAllCheckbox view={props.view} id="bots-select-all" />
            </th>
            <th scope="col">Bot</th>
            <th scope="col">Market</th>
            <th scope="col">Status</th>
            <th scope="col" class="numeric">
              PnL
            </th>
            <th scope="col" class="numeric">
              Position
            </th>
            <th scope="col" class="numeric">
              Last price
            </th>
            <th scope="col">Last action</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.view.matching()}>{(bot) => <BotTableRow {...props} bot={bot} />}</For>
        </tbody>
      </table>
    </div>
  );
}
