/**
 * Submits one vault form (unlock, setup, change passphrase, auto-lock): runs the engine
 * command, keeps its field errors beside their inputs and any other failure as the form's
 * error, and clears the form's passphrase inputs after every attempt so none lingers in the DOM.
 */
import { createSignal, type Accessor } from 'solid-js';
import type { CommandResult } from '../../host/engineApi';
import { createCommandRunner } from './createCommandRunner';

export interface VaultForm {
  busy: Accessor<boolean>;
  fieldError(field: string): string | undefined;
  /** A failure that belongs to no field. */
  formError: Accessor<string | undefined>;
  /** Runs `command`; resolves true on success. */
  submit(
    form: HTMLFormElement,
    name: string,
    command: () => Promise<CommandResult>,
    successMessage: string,
  ): Promise<boolean>;
}

export function createVaultForm(): VaultForm {
  const runner = createCommandRunner();
  const [fieldErrors, setFieldErrors] = createSignal<Record<string, string>>({});
  return {
    busy: () => runner.busy() !== undefined,
    fieldError: (field) => fieldErrors()[field],
    formError: () => (Object.keys(fieldErrors()).length > 0 ? undefined : runner.error()),
    async submit(form, name, command, successMessage) {
      setFieldErrors({});
      const result = await runner.run(name, command, successMessage);
      for (const input of form.querySelectorAll<HTMLInputElement>('input[type="password"]')) {
        input.value = '';
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
      if (result && !result.ok && result.fieldErrors) {
        setFieldErrors(
          Object.fromEntries(result.fieldErrors.map((error) => [error.field, error.message])),
        );
        // Solid has already marked the inputs invalid: take the user to the first one.
        form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      }
      return result?.ok === true;
    },
  };
}
