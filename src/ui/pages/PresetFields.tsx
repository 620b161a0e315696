/**
 * The "Presets" area of the create form, under the parameters: load one of the chosen
 * template's presets into the form, or save the current values as a named preset.
 */
import { For, Show, type JSX } from 'solid-js';
import { describedBy, FormField, invalid } from '../components/FormField';
import type { BotFormStore } from '../stores/createBotFormStore';
import { createFormPresets } from '../stores/createFormPresets';

export function PresetFields(props: { form: BotFormStore }): JSX.Element {
  const presets = createFormPresets(props.form);
  const onNameKeyDown = (event: KeyboardEvent): void => {
    // Enter saves the preset rather than submitting (creating) the bot.
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void presets.save();
  };
  return (
    <fieldset class="fieldset">
      <legend>Presets</legend>
      <FormField
        id="preset-load"
        label="Load preset"
        help={
          presets.list().length === 0
            ? `No presets for ${props.form.strategy()?.name ?? 'this template'} yet.`
            : undefined
        }
      >
        <select
          id="preset-load"
          value={presets.selectedId()}
          aria-describedby={describedBy('preset-load', presets.list().length === 0, undefined)}
          onChange={(event) => presets.load(event.currentTarget.value)}
        >
          <option value="" selected={presets.selectedId() === ''}>
            Choose a preset…
          </option>
          <For each={presets.list()}>
            {(row) => (
              <option value={row.id} selected={row.id === presets.selectedId()}>
                {row.name}
              </option>
            )}
          </For>
        </select>
      </FormField>
      <FormField
        id="preset-name"
        label="Preset name"
        help="Saves the parameters above under this name; an existing name is overwritten."
        error={presets.nameError()}
      >
        <div class="input-with-button">
          <input
            id="preset-name"
            type="text"
            autocomplete="off"
            maxlength="60"
            value={presets.name()}
            aria-invalid={invalid(presets.nameError())}
            aria-describedby={describedBy('preset-name', true, presets.nameError())}
            onInput={(event) => presets.setName(event.currentTarget.value)}
            onKeyDown={onNameKeyDown}
          />
          <button
            type="button"
            class="button"
            aria-disabled={presets.isSaving() ? 'true' : undefined}
            onClick={() => void presets.save()}
          >
            Save preset
          </button>
        </div>
      </FormField>
      <Show when={presets.message()}>
        {(message) => (
          <p
            class={message().isError ? 'form-error' : 'muted'}
            role={message().isError ? 'alert' : 'status'}
          >
            {message().text}
          </p>
        )}
      </Show>
    </fieldset>
  );
}
