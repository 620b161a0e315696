/**
 * A labelled form control with optional help text and an inline error (role=alert). The
 * control itself is passed in; give it the same id, `invalid(error)` and `describedBy(...)`, so
 * its label, help and error are all announced with it.
 */
import { Show, type JSX } from 'solid-js';

/** The aria-describedby of a control: its help text and, when shown, its error. */
export function describedBy(
  id: string,
  hasHelp: boolean,
  error: string | undefined,
): string | undefined {
  const ids = [hasHelp ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** aria-invalid for a control with `error`. */
export function invalid(error: string | undefined): 'true' | undefined {
  return error ? 'true' : undefined;
}

export function FieldMessages(props: {
  id: string;
  help?: JSX.Element;
  error?: string;
}): JSX.Element {
  return (
    <>
      <Show when={props.help}>
        <p id={`${props.id}-help`} class="field-help">
          {props.help}
        </p>
      </Show>
      <Show when={props.error}>
        <p id={`${props.id}-error`} class="field-error" role="alert">
          {props.error}
        </p>
      </Show>
    </>
  );
}

export function FormField(props: {
  id: string;
  label: string;
  help?: JSX.Element;
  error?: string;
  children: JSX.Element;
}): JSX.Element {
  return (
    <div class="field" data-invalid={props.error ? 'true' : undefined}>
      <label class="field-label" for={props.id}>
        {props.label}
      </label>
      {props.children}
      <FieldMessages id={props.id} help={props.help} error={props.error} />
    </div>
  );
}

/** A checkbox with its label beside it, plus help and error text. */
export function CheckboxField(props: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  help?: JSX.Element;
  error?: string;
}): JSX.Element {
  return (
    <div class="field field-checkbox" data-invalid={props.error ? 'true' : undefined}>
      <div class="checkbox-row">
        <input
          type="checkbox"
          id={props.id}
          aria-invalid={invalid(props.error)}
          aria-describedby={describedBy(props.id, Boolean(props.help), props.error)}
          checked={props.checked}
          onChange={(event) => props.onChange(event.currentTarget.checked)}
        />
        <label for={props.id}>{props.label}</label>
      </div>
      <FieldMessages id={props.id} help={props.help} error={props.error} />
    </div>
  );
}
