/**
 * The Data page's list of candle datasets: the bundled sample (built in, cannot be deleted)
 * and every imported dataset (live from IndexedDB) with symbol, timeframe, time range and
 * candle count; "Delete" asks for confirmation first.
 */
import { createResource, createSignal, For, Show, type JSX } from 'solid-js';
import { deleteDataset, listDatasets, type CandleDatasetRow } from '../../db';
import { announce } from '../announcer';
import { DataTable } from '../components/DataTable';
import { Dialog } from '../components/Dialog';
import { db } from '../db';
import { formatDateTime, formatNumber, isoTime } from '../format';
import { createLiveList } from '../liveQuery';
import { loadBuiltInSamples } from '../stores/builtInSamples';
import { messageOf } from '../stores/createCommandRunner';

const COLUMNS = [
  { label: 'Name' },
  { label: 'Symbol' },
  { label: 'Timeframe' },
  { label: 'From' },
  { label: 'To' },
  { label: 'Candles', isNumeric: true },
  { label: 'Source' },
  { label: 'Actions', isLabelHidden: true },
] as const;

function Range(props: { time: number }): JSX.Element {
  return <time datetime={isoTime(props.time)}>{formatDateTime(props.time)}</time>;
}

export function DatasetList(): JSX.Element {
  const rows = createLiveList(() => listDatasets(db), 'id');
  const [samples] = createResource(loadBuiltInSamples);
  const [target, setTarget] = createSignal<CandleDatasetRow>();
  const [isConfirming, setConfirming] = createSignal(false);
  const [error, setError] = createSignal<string>();

  const remove = async (row: CandleDatasetRow): Promise<void> => {
    setConfirming(false);
    setError(undefined);
    try {
      await deleteDataset(db, row.id);
      announce(`${row.name} deleted.`);
    } catch (cause) {
      setError(`${row.name} could not be deleted: ${messageOf(cause)}`);
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
        id="datasets"
        title="Datasets"
        columns={COLUMNS}
        rowCount={rows().length + (samples()?.length ?? 0)}
        emptyMessage={rows.loaded() ? 'No datasets yet.' : 'Loading…'}
      >
        <For each={samples() ?? []}>
          {(sample) => (
            <tr>
              <td>Built-in sample</td>
              <td>{sample.symbol}</td>
              <td>{sample.timeframe}</td>
              <td>
                <Range time={sample.firstTime} />
              </td>
              <td>
                <Range time={sample.lastTime} />
              </td>
              <td class="numeric">{formatNumber(sample.count, 0)}</td>
              <td title={sample.source}>Built in</td>
              <td />
            </tr>
          )}
        </For>
        <For each={rows()}>
          {(row) => (
            <tr>
              <td>{row.name}</td>
              <td>{row.symbol}</td>
              <td>{row.timeframe}</td>
              <td>
                <Range time={row.firstTime} />
              </td>
              <td>
                <Range time={row.lastTime} />
              </td>
              <td class="numeric">{formatNumber(row.count, 0)}</td>
              <td>{row.origin}</td>
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
      <Show when={samples.error as unknown}>
        <p class="muted">The bundled sample could not be listed: {messageOf(samples.error)}</p>
      </Show>
      <Dialog
        open={isConfirming()}
        title={`Delete ${target()?.name ?? 'the dataset'}?`}
        onClose={() => setConfirming(false)}
      >
        <p>
          Its {formatNumber(target()?.count ?? 0, 0)} candles are removed from this browser. Import
          the file again to use them later.
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
            Delete dataset
          </button>
        </div>
      </Dialog>
    </>
  );
}
