/**
 * A bot's lifecycle status as a coloured dot plus its name ("Running"): colour is never the only
 * signal. With `prefix`, the accessible text reads "Status: Running". StatusNote adds why a
 * running bot is not trading, when it is not.
 */
import { Show, type JSX } from 'solid-js';
import type { Bot, BotStatus } from '../../core/bot/types';

export const STATUS_LABELS: Record<BotStatus, string> = {
  draft: 'Draft',
  stopped: 'Stopped',
  running: 'Running',
  paused: 'Paused',
  error: 'Error',
  archived: 'Archived',
};

export function StatusIndicator(props: { status: BotStatus; prefix?: boolean }): JSX.Element {
  return (
    <span class="status" data-status={props.status}>
      <span class="status-dot" aria-hidden="true" />
      <Show when={props.prefix}>
        <span class="visually-hidden">Status: </span>
      </Show>
      {STATUS_LABELS[props.status]}
    </span>
  );
}

/**
 * Why a running or paused bot is not trading right now (e.g. "Waiting for the vault to be
 * unlocked" after a reload), shown under its status; nothing when it trades normally.
 */
export function StatusNote(props: { bot: Bot }): JSX.Element {
  return (
    <Show when={props.bot.statusNote}>{(note) => <span class="status-note">{note()}</span>}</Show>
  );
}
