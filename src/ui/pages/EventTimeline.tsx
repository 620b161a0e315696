/** A bot's timeline of user actions and bot events, newest first. */
import { For, type JSX } from 'solid-js';
import type { BotEvent, BotEventType } from '../../core/bot/types';
import { DataTable } from '../components/DataTable';
import { formatDateTime, isoTime } from '../format';

const TYPE_LABELS: Record<BotEventType, string> = {
  created: 'Created',
  config_changed: 'Config changed',
  started: 'Started',
  paused: 'Paused',
  resumed: 'Resumed',
  stopped: 'Stopped',
  resumed_after_reload: 'Resumed after reload',
  error: 'Error',
  archived: 'Archived',
  signal: 'Signal',
  order_placed: 'Order placed',
  order_filled: 'Order filled',
  order_canceled: 'Order canceled',
  order_rejected: 'Order rejected',
  risk_rejected: 'Refused by risk rule',
  risk_resized: 'Resized by risk rule',
  risk_exit: 'Protective exit',
  strategy_log: 'Strategy log',
  kill_switch: 'Kill switch',
  risk_trip: 'Circuit breaker tripped',
  deleted: 'Deleted',
};

const COLUMNS = [{ label: 'Time' }, { label: 'Type' }, { label: 'Message' }] as const;

export function EventTimeline(props: { events: readonly BotEvent[] }): JSX.Element {
  return (
    <DataTable
      id="event-timeline"
      title="Event timeline"
      columns={COLUMNS}
      rowCount={props.events.length}
      emptyMessage="No events yet"
    >
      <For each={props.events}>
        {(event) => (
          <tr data-type={event.type}>
            <td>
              <time datetime={isoTime(event.time)}>{formatDateTime(event.time)}</time>
            </td>
            <td>
              <span class="event-type" data-type={event.type}>
                {TYPE_LABELS[event.type] ?? event.type}
              </span>
            </td>
            <td class="message">{event.message}</td>
          </tr>
        )}
      </For>
    </DataTable>
  );
}
