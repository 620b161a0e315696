/**
 * The "Presets" area of the bot-creation form: the chosen template's presets (live from
 * IndexedDB), loading one into the form, and saving the current values under a name (the
 * values are validated first; the same name overwrites). Outcomes are shown and announced.
 */
import { batch, createMemo, createSignal, type Accessor } from 'solid-js';
import type { PresetRow } from '../../db';
import { announce } from '../announcer';
import { presets } from '../db';
import { createLiveList } from '../liveQuery';
import type { BotFormStore } from './createBotFormStore';
import { messageOf } from './createCommandRunner';
import { checkPresetToSave } from './presetDraft';

export interface PresetMessage {
  text: string;
  isError: boolean;
}

export interface FormPresets {
  /** Presets of the template chosen in the form, by name. */
  list: Accessor<readonly PresetRow[]>;
  /** Id of the preset last loaded or saved ("" for none). */
  selectedId: Accessor<string>;
  name: Accessor<string>;
  setName(value: string): void;
  /** A problem with the preset name, shown at its field. */
  nameError: Accessor<string | undefined>;
  /** The outcome of the last load or save. */
  message: Accessor<PresetMessage | undefined>;
  isSaving: Accessor<boolean>;
  load(id: string): void;
  save(): Promise<void>;
}

export function createFormPresets(form: BotFormStore): FormPresets {
  const all = createLiveList(() => presets.listPresets(), 'id');
  const list = createMemo(() => all().filter((row) => row.strategyId === form.draft.strategyId));
  const initial = form.initialPreset();
  const [selectedId, setSelectedId] = createSignal(
    initial && 'preset' in initial ? initial.preset.id : '',
  );
  const [name, setName] = createSignal('');
  const [nameError, setNameError] = createSignal<string>();
  const [message, setMessage] = createSignal<PresetMessage | undefined>(
    initial &&
      ('preset' in initial
        ? { text: `Loaded preset "${initial.preset.name}".`, isError: false }
        : { text: initial.error, isError: true }),
  );
  const [isSaving, setSaving] = createSignal(false);

  const succeed = (id: string, text: string): void => {
    batch(() => {
      setSelectedId(id);
      setMessage({ text, isError: false });
    });
    announce(text);
  };

  function load(id: string): void {
    const row = list().find((each) => each.id === id);
    setSelectedId(id);
    if (!row) return;
    form.applyParams(row.strategyId, row.params);
    succeed(row.id, `Loaded preset "${row.name}".`);
  }

  async function save(): Promise<void> {
    const strategy = form.strategy();
    if (isSaving() || !strategy) return;
    const checked = checkPresetToSave(name(), strategy, form.draft);
    batch(() => {
      setNameError(!checked.ok && checked.field === 'name' ? checked.message : undefined);
      setMessage(
        !checked.ok && checked.field === 'params'
          ? { text: checked.message, isError: true }
          : undefined,
      );
    });
    if (!checked.ok) {
      if (checked.field === 'params') form.showParamErrors();
      return;
    }
    const isUpdate = list().some((row) => row.name === checked.name);
    setSaving(true);
    try {
      const row = await presets.savePreset({
        strategyId: strategy.id,
        name: checked.name,
        params: checked.params,
        now: Date.now(),
      });
      setName('');
      succeed(row.id, `${isUpdate ? 'Updated' : 'Saved'} preset "${row.name}".`);
    } catch (cause) {
      setMessage({ text: `The preset could not be saved: ${messageOf(cause)}`, isError: true });
    } finally {
      setSaving(false);
    }
  }

  return {
    list,
    selectedId,
    name,
    setName: (value) =>
      batch(() => {
        setName(value);
        setNameError(undefined);
      }),
    nameError,
    message,
    isSaving,
    load,
    save,
  };
}
