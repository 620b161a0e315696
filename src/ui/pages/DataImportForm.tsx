/**
 * The Data page's import form: a file (picker or drag and drop onto the zone), the dataset's
 * name and symbol (pre-filled from the file name), "Import", progress while the worker reads
 * the file, and then either what was imported or every problem found, line by line.
 */
import { createSignal, For, Show, type JSX } from 'solid-js';
import { describedBy, FormField, invalid } from '../components/FormField';
import { formatNumber } from '../format';
import type { DataImportForm as FormStore } from '../stores/createDataImport';
import { describeIssue } from '../../core/market/import';

function ImportReport(props: { form: FormStore }): JSX.Element {
  return (
    <>
      <Show when={props.form.issues()}>
        {(found) => (
          <div class="form-error" role="alert">
            <p>
              Nothing was imported: the file has {found().total} problem
              {found().total === 1 ? '' : 's'}. Fix them and import it again.
            </p>
            <ul class="import-issues" aria-label="Problems in the file">
              <For each={found().list}>{(issue) => <li>{describeIssue(issue)}</li>}</For>
              <Show when={found().total > found().list.length}>
                <li>…and {found().total - found().list.length} more</li>
              </Show>
            </ul>
          </div>
        )}
      </Show>
      <Show when={props.form.failure()}>
        {(message) => (
          <p class="form-error" role="alert">
            {message()}
          </p>
        )}
      </Show>
      <Show when={props.form.outcome()}>
        {(done) => (
          <div class="notice" role="status">
            <p>
              Imported {done().dataset.name}: {formatNumber(done().dataset.count, 0)}{' '}
              {done().dataset.timeframe} candles of {done().dataset.symbol} ({done().format}).
            </p>
            <Show when={done().warningCount > 0}>
              <p>
                {done().warningCount} note{done().warningCount === 1 ? '' : 's'} (kept, not errors):
              </p>
              <ul class="import-issues">
                <For each={done().warnings}>{(issue) => <li>{describeIssue(issue)}</li>}</For>
                <Show when={done().warningCount > done().warnings.length}>
                  <li>…and {done().warningCount - done().warnings.length} more</li>
                </Show>
              </ul>
            </Show>
          </div>
        )}
      </Show>
    </>
  );
}

export function DataImportForm(props: { form: FormStore }): JSX.Element {
  const form = props.form;
  const [isDragging, setDragging] = createSignal(false);
  let fileInput!: HTMLInputElement;
  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer?.files[0];
    if (file) form.chooseFile(file);
  };
  return (
    <form
      class="form"
      novalidate
      aria-labelledby="import-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void form.submit();
      }}
    >
      <h2 id="import-heading" class="section-title">
        Import candles
      </h2>
      <div
        class="drop-zone"
        data-dragging={isDragging() ? 'true' : undefined}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <FormField
          id="data-file"
          label="Candle file (CSV or JSON)"
          help="Choose or drop a file: CSV with time, open, high, low, close, volume columns; JSON objects; Binance klines; freqtrade JSON. Minute, hourly or daily candles."
          error={form.fieldError('file')}
        >
          <input
            ref={fileInput}
            id="data-file"
            type="file"
            accept=".csv,.json,.txt,text/csv,application/json"
            aria-invalid={invalid(form.fieldError('file'))}
            aria-describedby={describedBy('data-file', true, form.fieldError('file'))}
            onChange={() => {
              form.chooseFile(fileInput.files?.[0]);
              // The same file can be chosen again after it is fixed.
              fileInput.value = '';
            }}
          />
        </FormField>
        <Show when={form.file()}>
          {(file) => (
            <p class="muted">
              Selected: {file().name} ({formatNumber(file().size / 1024, 0)} kB)
            </p>
          )}
        </Show>
      </div>
      <FormField id="data-name" label="Name" error={form.fieldError('name')}>
        <input
          id="data-name"
          type="text"
          autocomplete="off"
          value={form.name()}
          aria-invalid={invalid(form.fieldError('name'))}
          aria-describedby={describedBy('data-name', false, form.fieldError('name'))}
          onInput={(event) => form.setName(event.currentTarget.value)}
        />
      </FormField>
      <FormField
        id="data-symbol"
        label="Symbol"
        help="The market the candles are from, e.g. BTC/USDT."
        error={form.fieldError('symbol')}
      >
        <input
          id="data-symbol"
          type="text"
          autocomplete="off"
          spellcheck={false}
          value={form.symbol()}
          aria-invalid={invalid(form.fieldError('symbol'))}
          aria-describedby={describedBy('data-symbol', true, form.fieldError('symbol'))}
          onInput={(event) => form.setSymbol(event.currentTarget.value)}
        />
      </FormField>
      <div class="button-row">
        <button
          type="submit"
          class="button button-primary"
          aria-disabled={form.isImporting() ? 'true' : undefined}
        >
          Import
        </button>
      </div>
      <Show when={form.isImporting()}>
        <div class="import-progress">
          <progress
            id="import-progress"
            max="1"
            value={form.progress()}
            aria-label="Import progress"
          />
          <span aria-live="polite">Importing… {formatNumber(form.progress() * 100, 0)}%</span>
        </div>
      </Show>
      <ImportReport form={form} />
    </form>
  );
}
