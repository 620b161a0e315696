/**
 * Adding a custom strategy: the module source (textarea), an upload, "Insert example" and
 * "Add strategy". The check runs in a worker; its message shows at the source (role=alert).
 */
import { Show, type JSX } from 'solid-js';
import { describedBy, FormField, invalid } from '../components/FormField';
import { href } from '../router';
import type { CustomStrategyForm as FormStore } from '../stores/createCustomStrategyForm';

export function CustomStrategyForm(props: { form: FormStore }): JSX.Element {
  const form = props.form;
  let fileInput!: HTMLInputElement;
  const onFile = async (): Promise<void> => {
    const file = fileInput.files?.[0];
    if (file) await form.loadFile(file);
    // The same file can be chosen again after an edit.
    fileInput.value = '';
  };
  return (
    <form
      class="form"
      novalidate
      onSubmit={(event) => {
        event.preventDefault();
        void form.add();
      }}
    >
      <FormField
        id="custom-source"
        label="Strategy module source"
        help="An ES module whose default export is (sdk) => sdk.defineStrategy({ … }) or the definition object. It runs only in a worker of its own."
        error={form.error()}
      >
        <textarea
          id="custom-source"
          class="code-input"
          spellcheck={false}
          autocomplete="off"
          value={form.source()}
          aria-invalid={invalid(form.error())}
          aria-describedby={describedBy('custom-source', true, form.error())}
          onInput={(event) => form.setSource(event.currentTarget.value)}
        />
      </FormField>
      <div class="field">
        <label class="field-label" for="custom-file">
          Upload a module (.js)
        </label>
        <input
          ref={fileInput}
          id="custom-file"
          type="file"
          accept=".js,.mjs,text/javascript"
          onChange={() => void onFile()}
        />
      </div>
      <div class="button-row">
        <button type="button" class="button" onClick={() => form.insertExample()}>
          Insert example
        </button>
        <button
          type="submit"
          class="button button-primary"
          aria-disabled={form.isAdding() ? 'true' : undefined}
        >
          Add strategy
        </button>
        <Show when={form.isAdding()}>
          <span class="muted" aria-live="polite">
            Checking the module…
          </span>
        </Show>
      </div>
      <Show when={form.added()}>
        {(row) => (
          <p class="notice" role="status">
            {row().name} was added as <code>{row().id}</code>. Choose it as the template when you{' '}
            <a href={href('/bots/new')}>create a bot</a>.
          </p>
        )}
      </Show>
    </form>
  );
}
