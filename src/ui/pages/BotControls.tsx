/**
 * A bot's controls: Start / Pause / Resume as its status allows, Stop (asks whether to cancel
 * open orders and close the position) and Delete (asks for confirmation, then goes home).
 */
import { createEffect, createSignal, Show, type JSX } from 'solid-js';
import type { Bot } from '../../core/bot/types';
import { Dialog } from '../components/Dialog';
import { LifecycleButtons } from '../components/LifecycleButtons';
import { useEngine } from '../EngineProvider';
import { navigate } from '../router';
import { createCommandRunner, type CommandRunner } from '../stores/createCommandRunner';

function StopDialog(props: {
  bot: Bot;
  open: boolean;
  runner: CommandRunner;
  onClose: () => void;
}): JSX.Element {
  const { api } = useEngine();
  const [cancelOrders, setCancelOrders] = createSignal(true);
  const [closePosition, setClosePosition] = createSignal(false);
  // Each time the dialog opens it starts from the safe defaults.
  createEffect(() => {
    if (!props.open) return;
    setCancelOrders(true);
    setClosePosition(false);
  });
  const stop = async (): Promise<void> => {
    const options = { cancelOrders: cancelOrders(), closePosition: closePosition() };
    props.onClose();
    await props.runner.run(
      'Stop',
      () => api.stopBot(props.bot.id, options),
      `${props.bot.config.name} stopped.`,
    );
  };
  return (
    <Dialog open={props.open} title={`Stop ${props.bot.config.name}?`} onClose={props.onClose}>
      <p>The bot stops trading. Choose what happens to what it holds:</p>
      <div class="checkbox-row">
        <input
          id="stop-cancel-orders"
          type="checkbox"
          checked={cancelOrders()}
          onChange={(event) => setCancelOrders(event.currentTarget.checked)}
        />
        <label for="stop-cancel-orders">Cancel open orders</label>
      </div>
      <div class="checkbox-row">
        <input
          id="stop-close-position"
          type="checkbox"
          checked={closePosition()}
          onChange={(event) => setClosePosition(event.currentTarget.checked)}
        />
        <label for="stop-close-position">Close the position at market</label>
      </div>
      <div class="button-row dialog-actions">
        <button type="button" class="button" onClick={() => props.onClose()}>
          Cancel
        </button>
        <button type="button" class="button button-danger" onClick={() => void stop()}>
          Stop bot
        </button>
      </div>
    </Dialog>
  );
}

function DeleteDialog(props: {
  bot: Bot;
  open: boolean;
  runner: CommandRunner;
  onClose: () => void;
}): JSX.Element {
  const { api } = useEngine();
  const isActive = (): boolean => props.bot.status === 'running' || props.bot.status === 'paused';
  const remove = async (): Promise<void> => {
    const name = props.bot.config.name;
    props.onClose();
    const result = await props.runner.run(
      'Delete',
      () => api.deleteBot(props.bot.id),
      `${name} deleted.`,
    );
    if (result?.ok) navigate('/');
  };
  return (
    <Dialog open={props.open} title={`Delete ${props.bot.config.name}?`} onClose={props.onClose}>
      <p>The bot and its configuration are removed from Flotilla. This cannot be undone.</p>
      <Show when={isActive()}>
        <p class="notice">This bot is still {props.bot.status}: stop it before deleting it.</p>
      </Show>
      <div class="button-row dialog-actions">
        <button type="button" class="button" onClick={() => props.onClose()}>
          Cancel
        </button>
        <button type="button" class="button button-danger" onClick={() => void remove()}>
          Delete bot
        </button>
      </div>
    </Dialog>
  );
}

export function BotControls(props: { bot: Bot }): JSX.Element {
  const runner = createCommandRunner();
  const [dialog, setDialog] = createSignal<'stop' | 'delete'>();
  const canStop = (): boolean =>
    props.bot.status === 'running' || props.bot.status === 'paused' || props.bot.status === 'error';
  return (
    <div class="bot-controls">
      <div class="button-row" role="group" aria-label="Bot controls">
        <LifecycleButtons bot={props.bot} runner={runner} />
        <Show when={canStop()}>
          <button type="button" class="button" onClick={() => setDialog('stop')}>
            Stop
          </button>
        </Show>
        <button
          type="button"
          class="button button-danger-outline"
          onClick={() => setDialog('delete')}
        >
          Delete
        </button>
      </div>
      <Show when={runner.error()}>
        {(message) => (
          <p class="form-error" role="alert">
            {message()}
          </p>
        )}
      </Show>
      <StopDialog
        bot={props.bot}
        open={dialog() === 'stop'}
        runner={runner}
        onClose={() => setDialog(undefined)}
      />
      <DeleteDialog
        bot={props.bot}
        open={dialog() === 'delete'}
        runner={runner}
        onClose={() => setDialog(undefined)}
      />
    </div>
  );
}
