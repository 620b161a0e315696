/**
 * The installed custom strategies (live from IndexedDB): name, id, timeframe, parameters and
 * "Delete" behind a confirmation. Deleting is refused, with the bots named, while a bot that
 * is not archived uses the strategy.
 */
import { createSignal, For, Show, type JSX } from 'solid-js';
import type { ParamSpec } from '../../core/strategy/types';
import type { CustomStrategyRow } from '../../db/schema';
import { announce } from '../announcer';
import { DataTable } from '../components/DataTable';
import { Dialog } from '../components/Dialog';
import { db } from '../db';
import { createLiveList } from '../liveQuery';
import { messageOf } from '../stores/createCommandRunner';
import { customStrategies } from '../stores/createCustomStrategyForm';

const COLUMNS = [
  { label: 'Name' },
  { label: 'Id' },
  { label: 'Timeframe' },
  { label: 'Parameters (defaults)' },
  { label: 'Actions', isLabelHidden: true },
] as const;

/** "EMA period 8, Rising closes 2"; "none" without parameters. */
function describeParams(params: Record<string, ParamSpec>): string {
  const parts = Object.values(params).map((spec) => {
    const value =
      spec.kind === 'boolean'
        ? spec.default
          ? 'yes'
          : 'no'
        : spec.kind === 'choice'
          ? (spec.options.find((option) => option.value === spec.default)?.label ?? spec.default)
          : `${spec.default}${spec.kind === 'percent' ? '%' : ''}`;
    return `${spec.label} ${value}`;
  });
  return parts.length > 0 ? parts.join(', ') : 'none';
}

export function CustomStrategyList(): JSX.Element {
  const rows = createLiveList(() => db.customStrategies.orderBy('addedAt').toArray(), 'id');
  // The row stays set while the dialog closes, so its title does not change under the user.
  const [target, setTarget] = createSignal<CustomStrategyRow>();
  const [isConfirming, setConfirming] = createSignal(false);
  const [error, setError] = createSignal<string>();

  const remove = async (row: CustomStrategyRow): Promise<void> => {
    setConfirming(false);
    setError(undefined);
    try {
      await customStrategies.deleteCustomStrategy(row.id);
      announce(`${row.name} deleted.`);
    } catch (cause) {
      setError(messageOf(cause));
    }
  };

  return (
    <>
      <Show when={error()}>
        {(message) => (
          <p class="form-error" role="alert">
            {message()}
          </p>
        )}
      </Show>
      <DataTable
        id="custom-strategies"
        title="Installed custom strategies"
        columns={COLUMNS}
        rowCount={rows().length}
        emptyMessage={rows.loaded() ? 'No custom strategies yet.' : 'Loading…'}
      >
        <For each={rows()}>
          {(row) => (
            <tr>
              <td>{row.name}</td>
              <td>
                <code>{row.id}</code>
              </td>
              <td>{row.timeframe}</td>
              <td>{describeParams(row.params)}</td>
              <td>
                <button
                  type="button"
                  class="button button-danger-outline"
                  aria-label={`Delete ${row.name}`}
                  onClick={() => {
                    setTarget(row);
                    setConfirming(true);
                  }}
                >
                  Delete
                </button>
              </td>
            </tr>
          )}
        </For>
      </DataTable>
      <Dialog
        open={isConfirming()}
        title={`Delete ${target()?.name ?? 'the strategy'}?`}
        onClose={() => setConfirming(false)}
      >
        <p>
          The strategy is removed from Flotilla and can no longer be chosen for a bot. Bots that use
          it must be deleted first.
        </p>
        <div class="button-row dialog-actions">
          <button type="button" class="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
          <button
            type="button"
            class="button button-danger"
            onClick={() => {
              const row = target();
              if (row) void remove(row);
            }}
          >
            Delete strategy
          </button>
        </div>
      </Dialog>
    </>
  );
}
