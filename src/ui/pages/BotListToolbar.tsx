/** The dashboard's search box, Status / Mode / Template / Exchange filters and sort controls. */
import { For, type JSX } from 'solid-js';
import type { BotMode, BotStatus } from '../../core/bot/types';
import { MODE_LABELS } from '../components/ModeBadge';
import { STATUS_LABELS } from '../components/StatusIndicator';
import { SORT_LABELS, type SortKey } from '../stores/botListFilters';
import type { BotListView } from '../stores/createBotListView';

const STATUSES: readonly BotStatus[] = [
  'running',
  'paused',
  'stopped',
  'error',
  'draft',
  'archived',
];
const MODES: readonly BotMode[] = ['simulated', 'paper', 'live'];
const SORTS: readonly SortKey[] = ['name', 'status', 'pnl', 'lastAction'];

export function BotListToolbar(props: { view: BotListView }): JSX.Element {
  const filters = (): ReturnType<BotListView['filters']> => props.view.filters();
  return (
    <div class="bot-toolbar" role="search" aria-label="Find bots">
      <div class="field bot-toolbar-search">
        <label class="field-label" for="bots-search">
          Search bots
        </label>
        <input
          id="bots-search"
          type="search"
          placeholder="Name, market or template"
          value={filters().search}
          onInput={(event) => props.view.setFilter('search', event.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label class="field-label" for="bots-status">
          Status
        </label>
        <select
          id="bots-status"
          onChange={(event) =>
            props.view.setFilter('status', event.currentTarget.value as BotStatus | '')
          }
        >
          <option value="">All</option>
          <For each={STATUSES}>
            {(status) => (
              <option value={status} selected={filters().status === status}>
                {STATUS_LABELS[status]}
              </option>
            )}
          </For>
        </select>
      </div>
      <div class="field">
        <label class="field-label" for="bots-mode">
          Mode
        </label>
        <select
          id="bots-mode"
          onChange={(event) =>
            props.view.setFilter('mode', event.currentTarget.value as BotMode | '')
          }
        >
          <option value="">All</option>
          <For each={MODES}>
            {(mode) => (
              <option value={mode} selected={filters().mode === mode}>
                {MODE_LABELS[mode]}
              </option>
            )}
          </For>
        </select>
      </div>
      <div class="field">
        <label class="field-label" for="bots-template">
          Template
        </label>
        <select
          id="bots-template"
          onChange={(event) => props.view.setFilter('template', event.currentTarget.value)}
        >
          <option value="">All</option>
          <For each={props.view.templates()}>
            {(template) => (
              <option value={template.id} selected={filters().template === template.id}>
                {template.name}
              </option>
            )}
          </For>
        </select>
      </div>
      <div class="field">
        <label class="field-label" for="bots-exchange">
          Exchange
        </label>
        <select
          id="bots-exchange"
          onChange={(event) => props.view.setFilter('exchange', event.currentTarget.value)}
        >
          <option value="">All</option>
          <For each={props.view.exchanges()}>
            {(exchange) => (
              <option value={exchange.id} selected={filters().exchange === exchange.id}>
                {exchange.name}
              </option>
            )}
          </For>
        </select>
      </div>
      <div class="field">
        <label class="field-label" for="bots-sort">
          Sort by
        </label>
        <div class="bot-toolbar-sort">
          <select
            id="bots-sort"
            onChange={(event) => props.view.setFilter('sort', event.currentTarget.value as SortKey)}
          >
            <For each={SORTS}>
              {(sort) => (
                <option value={sort} selected={filters().sort === sort}>
                  {SORT_LABELS[sort]}
                </option>
              )}
            </For>
          </select>
          <button
            type="button"
            class="button"
            aria-pressed={filters().reverse ? 'true' : 'false'}
            onClick={() => props.view.setFilter('reverse', !filters().reverse)}
          >
            <span aria-hidden="true">⇅</span>
            <span class="visually-hidden">Reverse order</span>
          </button>
        </div>
      </div>
    </div>
  );
}
