/**
 * "Import a config" in the create wizard: a bot config JSON (an exported file, chosen or
 * pasted) is checked like the engine checks a config — each problem names its field — and,
 * when valid, fills the wizard at its review step. Nothing is created until Create.
 */
import { createSignal, For, Show, type JSX } from 'solid-js';
import type { Market } from '../../core/market/types';
import { announce } from '../announcer';
import { createStrategyCatalog } from '../catalog';
import { FormField } from '../components/FormField';
import { formatImportError, parseConfigFile } from '../stores/botConfigFile';
import type { BotFormStore } from '../stores/createBotFormStore';
import { messageOf } from '../stores/createCommandRunner';

export function ImportConfig(props: { form: BotFormStore }): JSX.Element {
  const catalog = createStrategyCatalog();
  const [text, setText] = createSignal('');
  const [errors, setErrors] = createSignal<string[]>([]);
  const [source, setSource] = createSignal('The pasted config');

  const importText = (json: string, from: string): void => {
    const markets: Record<string, Market> = {};
    for (const market of props.form.markets() ?? []) markets[market.symbol] = market;
    const result = parseConfigFile(json, {
      accountIds: props.form.accounts().map((account) => account.id),
      markets,
      strategies: catalog(),
    });
    setSource(from);
    if (!result.ok) {
      setErrors(result.errors.map(formatImportError));
      return;
    }
    setErrors([]);
    setText('');
    props.form.loadConfig(result.config);
    announce(`Imported ${result.config.name}; review it and choose Create.`);
  };

  const onFile = (input: HTMLInputElement): void => {
    const file = input.files?.[0];
    if (!file) return;
    file
      .text()
      .then((json) => importText(json, file.name))
      .catch((cause: unknown) => setErrors([`Could not read ${file.name}: ${messageOf(cause)}`]))
      .finally(() => (input.value = ''));
  };

  return (
    <details class="import-config">
      <summary>Import a bot config (JSON)</summary>
      <div class="form">
        <FormField id="import-file" label="Config file" help="A file exported from a bot page.">
          <input
            id="import-file"
            type="file"
            accept="application/json,.json"
            aria-describedby="import-file-help"
            onChange={(event) => onFile(event.currentTarget)}
          />
        </FormField>
        <FormField id="import-text" label="Or paste the config JSON">
          <textarea
            id="import-text"
            class="code-input import-text"
            spellcheck={false}
            value={text()}
            onInput={(event) => setText(event.currentTarget.value)}
          />
        </FormField>
        <p>
          <button
            type="button"
            class="button"
            onClick={() => importText(text(), 'The pasted config')}
          >
            Import config
          </button>
        </p>
        <Show when={errors().length > 0}>
          <div class="form-error" role="alert">
            <p>{source()} was not imported:</p>
            <ul>
              <For each={errors()}>{(error) => <li>{error}</li>}</For>
            </ul>
          </div>
        </Show>
      </div>
    </details>
  );
}
