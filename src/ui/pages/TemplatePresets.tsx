/**
 * A template card's presets: the saved presets (live from IndexedDB) with "Use" (opens the
 * create form with it) and "Delete" (after a confirmation), export to a JSON file, and import
 * from one — a rejected file shows why (role=alert) and changes nothing.
 */
import { createSignal, For, Show, type JSX } from 'solid-js';
import type { AnyStrategy } from '../../core/strategy/types';
import type { PresetRow } from '../../db';
import { announce } from '../announcer';
import { STRATEGIES } from '../catalog';
import { DataTable } from '../components/DataTable';
import { Dialog } from '../components/Dialog';
import { presets } from '../db';
import { downloadText } from '../download';
import { createLiveList } from '../liveQuery';
import { href } from '../router';
import { messageOf } from '../stores/createCommandRunner';
import { importedMessage, presetsFileName, summarizeParams } from '../stores/templateLibrary';

const COLUMNS = [{ label: 'Name' }, { label: 'Values' }, { label: 'Actions', isLabelHidden: true }];

interface Outcome {
  text: string;
  isError: boolean;
}

function PresetRowView(props: {
  row: PresetRow;
  strategy: AnyStrategy;
  onDelete: (row: PresetRow) => void;
}): JSX.Element {
  const useHref = (): string =>
    href(
      `/bots/new?template=${encodeURIComponent(props.strategy.id)}&preset=${encodeURIComponent(props.row.id)}`,
    );
  return (
    <tr>
      <th scope="row">{props.row.name}</th>
      <td>{summarizeParams(props.strategy, props.row.params)}</td>
      <td class="actions">
        <div class="button-row">
          <a
            class="button button-small"
            href={useHref()}
            aria-label={`Use preset ${props.row.name}`}
          >
            Use
          </a>
          <button
            type="button"
            class="button button-small button-danger-outline"
            aria-label={`Delete preset ${props.row.name}`}
            onClick={() => props.onDelete(props.row)}
          >
            Delete
          </button>
        </div>
      </td>
    </tr>
  );
}

export function TemplatePresets(props: { strategy: AnyStrategy }): JSX.Element {
  // A card is created per template; the live query must not read reactive props.
  const strategyId = props.strategy.id;
  const rows = createLiveList(() => presets.listPresets(strategyId), 'id');
  const [pendingDelete, setPendingDelete] = createSignal<PresetRow>();
  const [outcome, setOutcome] = createSignal<Outcome>();
  let container!: HTMLDivElement;

  const report = (text: string, isError = false): void => {
    setOutcome({ text, isError });
    if (!isError) announce(text);
  };

  const remove = async (): Promise<void> => {
    const row = pendingDelete();
    setPendingDelete(undefined);
    if (!row) return;
    try {
      await presets.deletePreset(row.id);
      report(`Deleted preset "${row.name}".`);
      // Its row (and the Delete button focus returned to) is gone: keep focus in the table.
      container.querySelector<HTMLElement>('.table-scroll')?.focus();
    } catch (cause) {
      report(`The preset could not be deleted: ${messageOf(cause)}`, true);
    }
  };

  const exportPresets = async (): Promise<void> => {
    try {
      downloadText(presetsFileName(strategyId), await presets.exportPresets(strategyId));
      report(`Exported ${rows().length === 1 ? '1 preset' : `${rows().length} presets`}.`);
    } catch (cause) {
      report(`The presets could not be exported: ${messageOf(cause)}`, true);
    }
  };

  const importFile = async (input: HTMLInputElement): Promise<void> => {
    const file = input.files?.[0];
    if (!file) return;
    try {
      const count = await presets.importPresets(await file.text(), STRATEGIES, Date.now());
      report(importedMessage(count));
    } catch (cause) {
      report(`${file.name} was not imported: ${messageOf(cause)}`, true);
    } finally {
      input.value = '';
    }
  };

  return (
    <div class="template-presets" ref={container}>
      <DataTable
        id={`template-${strategyId}-presets`}
        title={`${props.strategy.name} presets`}
        level={3}
        columns={COLUMNS}
        rowCount={rows().length}
        emptyMessage={rows.loaded() ? 'No presets yet: save one from the create form.' : 'Loading…'}
      >
        <For each={rows()}>
          {(row) => (
            <PresetRowView row={row} strategy={props.strategy} onDelete={setPendingDelete} />
          )}
        </For>
      </DataTable>
      <div class="button-row">
        <button
          type="button"
          class="button"
          disabled={rows().length === 0}
          aria-label={`Export presets for ${props.strategy.name}`}
          onClick={() => void exportPresets()}
        >
          Export presets
        </button>
        <label class="button file-button">
          Import presets<span class="visually-hidden"> for {props.strategy.name}</span>
          <input
            type="file"
            accept=".json,application/json"
            class="visually-hidden"
            onChange={(event) => void importFile(event.currentTarget)}
          />
        </label>
      </div>
      <Show when={outcome()}>
        {(current) => (
          <p
            class={current().isError ? 'form-error' : 'muted'}
            role={current().isError ? 'alert' : 'status'}
          >
            {current().text}
          </p>
        )}
      </Show>
      <Dialog
        open={pendingDelete() !== undefined}
        title={`Delete preset "${pendingDelete()?.name ?? ''}"?`}
        onClose={() => setPendingDelete(undefined)}
      >
        <p>The preset is removed from this browser. Bots created with it keep their parameters.</p>
        <div class="button-row dialog-actions">
          <button type="button" class="button" onClick={() => setPendingDelete(undefined)}>
            Cancel
          </button>
          <button type="button" class="button button-danger" onClick={() => void remove()}>
            Delete preset
          </button>
        </div>
      </Dialog>
    </div>
  );
}
