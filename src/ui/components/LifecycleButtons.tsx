/**
 * The Start / Pause / Resume button that applies to a bot's status (only applicable commands
 * are shown). Used on dashboard rows and on the bot page, which adds Stop and Delete.
 */
import { For, Show, type JSX } from 'solid-js';
import type { Bot } from '../../core/bot/types';
import type { CommandResult, EngineApi } from '../../host/engineApi';
import { useEngine } from '../EngineProvider';
import type { CommandRunner } from '../stores/createCommandRunner';

interface LifecycleAction {
  label: 'Start' | 'Pause' | 'Resume';
  isPrimary: boolean;
  appliesTo(bot: Bot): boolean;
  command(api: EngineApi, botId: string): Promise<CommandResult>;
  done: string;
}

/** Whether the engine accepts Start for a bot in this status. */
export function canStart(bot: Bot): boolean {
  return bot.status === 'stopped' || bot.status === 'error' || bot.status === 'draft';
}

const ACTIONS: readonly LifecycleAction[] = [
  {
    label: 'Start',
    isPrimary: true,
    appliesTo: canStart,
    command: (api, id) => api.startBot(id),
    done: 'started',
  },
  {
    label: 'Pause',
    isPrimary: false,
    appliesTo: (bot) => bot.status === 'running',
    command: (api, id) => api.pauseBot(id),
    done: 'paused',
  },
  {
    label: 'Resume',
    isPrimary: true,
    appliesTo: (bot) => bot.status === 'paused',
    command: (api, id) => api.resumeBot(id),
    done: 'resumed',
  },
];

export function LifecycleButtons(props: {
  bot: Bot;
  runner: CommandRunner;
  /** Adds the bot's name to each button's accessible name (for rows in a list). */
  isInList?: boolean;
}): JSX.Element {
  const { api } = useEngine();
  const applicable = (): LifecycleAction[] =>
    ACTIONS.filter((action) => action.appliesTo(props.bot));

  return (
    <>
      <For each={applicable()}>
        {(action) => (
          <button
            type="button"
            class={action.isPrimary ? 'button button-primary' : 'button'}
            aria-label={props.isInList ? `${action.label} ${props.bot.config.name}` : undefined}
            aria-disabled={props.runner.busy() ? 'true' : undefined}
            onClick={() =>
              void props.runner.run(
                action.label,
                () => action.command(api, props.bot.id),
                `${props.bot.config.name} ${action.done}.`,
              )
            }
          >
            {action.label}
          </button>
        )}
      </For>
      <Show when={props.runner.busy()}>{(busy) => <span class="muted small">{busy()}…</span>}</Show>
    </>
  );
}
