/**
 * The global kill switch in the app bar: one confirmed click stops every bot, cancels every
 * open order and, when asked, closes every position at market. The dialog says how many bots
 * it stops; the outcome stays in a status message under the header until dismissed.
 */
import { createSignal, Show, type JSX } from 'solid-js';
import type { KillSwitchReport } from '../../host/engineApi';
import { useEngine } from '../EngineProvider';
import { createCommandRunner } from '../stores/createCommandRunner';
import { Dialog } from './Dialog';

const plural = (count: number, one: string, many: string): string =>
  `${count} ${count === 1 ? one : many}`;

export function killSwitchSummary(report: KillSwitchReport): string {
  const done =
    `Kill switch: ${plural(report.stopped, 'bot', 'bots')} stopped, ` +
    `${plural(report.canceledOrders, 'order', 'orders')} canceled, ` +
    `${plural(report.closedPositions, 'position', 'positions')} closed.`;
  if (report.failures.length === 0) return done;
  const failed = report.failures.map((failure) => `${failure.botId}: ${failure.error}`);
  return `${done} ${plural(report.failures.length, 'bot', 'bots')} failed — ${failed.join('; ')}`;
}

export function KillSwitch(): JSX.Element {
  const { api } = useEngine();
  const runner = createCommandRunner();
  const [isOpen, setOpen] = createSignal(false);
  const [activeBots, setActiveBots] = createSignal<number>();
  const [closePositions, setClosePositions] = createSignal(false);
  const [result, setResult] = createSignal<string>();

  const open = (): void => {
    setClosePositions(false);
    setActiveBots(undefined);
    setOpen(true);
    void api.listBots().then(
      (listed) => {
        if (!listed.ok) return;
        const active = listed.value.filter(({ bot }) =>
          ['running', 'paused', 'error'].includes(bot.status),
        );
        setActiveBots(active.length);
      },
      () => undefined,
    );
  };

  const confirm = async (): Promise<void> => {
    const options = { closePositions: closePositions() };
    setOpen(false);
    setResult(undefined);
    const outcome = await runner.run('Kill switch', () => api.killSwitch(options));
    if (outcome?.ok) setResult(killSwitchSummary(outcome.value));
  };

  const description = (): string => {
    const count = activeBots();
    if (count === undefined) return 'Stops all active bots and cancels all their open orders.';
    if (count === 0) return 'No bot is active. Any open orders left are canceled.';
    if (count === 1) return 'Stops the 1 active bot and cancels all its open orders.';
    return `Stops all ${count} active bots and cancels all their open orders.`;
  };

  return (
    <>
      <button
        type="button"
        class="button button-danger button-small kill-switch-button"
        aria-disabled={runner.busy() ? 'true' : undefined}
        onClick={() => {
          if (!runner.busy()) open();
        }}
      >
        <span aria-hidden="true">■</span>
        Kill switch
      </button>
      <div class="kill-switch-result" role="status">
        <Show when={result()}>
          {(message) => (
            <p class="notice kill-switch-message">
              <span>{message()}</span>
              <button
                type="button"
                class="button button-small"
                onClick={() => setResult(undefined)}
              >
                Dismiss
              </button>
            </p>
          )}
        </Show>
      </div>
      <Show when={runner.error()}>
        {(message) => (
          <p class="form-error kill-switch-result" role="alert">
            {message()}
          </p>
        )}
      </Show>
      <Dialog open={isOpen()} title="Stop everything?" onClose={() => setOpen(false)}>
        <p>{description()}</p>
        <p>
          {closePositions()
            ? 'Every position is sold at market at the next candle.'
            : 'Positions are kept; the bots stay stopped until you start them again.'}
        </p>
        <div class="checkbox-row">
          <input
            id="kill-switch-close-positions"
            type="checkbox"
            checked={closePositions()}
            onChange={(event) => setClosePositions(event.currentTarget.checked)}
          />
          <label for="kill-switch-close-positions">Also close every position at market</label>
        </div>
        <div class="button-row dialog-actions">
          <button type="button" class="button" onClick={() => setOpen(false)}>
            Cancel
          </button>
          <button type="button" class="button button-danger" onClick={() => void confirm()}>
            Stop all bots
          </button>
        </div>
      </Dialog>
    </>
  );
}
