/** A run's progress: a labelled progress bar (candles played of all), Cancel, and the outcome. */
import { Match, Switch, type JSX } from 'solid-js';
import { formatNumber } from '../../format';
import type { RunStatus } from '../../stores/createBacktestRunner';

export function RunProgress(props: {
  label: string;
  status: RunStatus;
  detail?: string;
  onCancel: () => void;
}): JSX.Element {
  return (
    <Switch>
      <Match when={props.status.kind === 'running' && props.status}>
        {(running) => (
          <div class="run-progress">
            <label class="run-progress-label">
              <span>
                {props.label}: {formatNumber(running().done, 0)} of{' '}
                {running().total > 0 ? formatNumber(running().total, 0) : '…'} candles
                {props.detail ? ` · ${props.detail}` : ''}
              </span>
              <progress
                max={Math.max(1, running().total)}
                value={running().done}
                aria-label={`${props.label} progress`}
              />
            </label>
            <button
              type="button"
              class="button button-danger-outline"
              onClick={() => props.onCancel()}
            >
              Cancel
            </button>
          </div>
        )}
      </Match>
      <Match when={props.status.kind === 'cancelled'}>
        <p class="muted" role="status">
          {props.label} cancelled. Nothing was saved.
        </p>
      </Match>
      <Match when={props.status.kind === 'failed' && props.status}>
        {(failed) => (
          <p class="field-error" role="alert">
            {props.label} failed: {failed().message}
          </p>
        )}
      </Match>
    </Switch>
  );
}
