/**
 * A passphrase input with its label, help and error, and optionally the strength meter. The
 * value stays in the input only (never in a store) and forms clear it after each submit.
 */
import { createSignal, Show, type JSX } from 'solid-js';
import { estimateStrength } from '../../vault/strength';
import { describedBy, FormField, invalid } from './FormField';
import './vault.css';

export function PassphraseField(props: {
  id: string;
  label: string;
  autocomplete: 'current-password' | 'new-password';
  error?: string;
  help?: string;
  /** Shows the strength meter under the input. */
  meter?: boolean;
  ref?: (input: HTMLInputElement) => void;
}): JSX.Element {
  const [strength, setStrength] = createSignal(estimateStrength(''));
  const [hasValue, setHasValue] = createSignal(false);
  const meterId = `${props.id}-strength`;
  return (
    <FormField id={props.id} label={props.label} help={props.help} error={props.error}>
      <input
        id={props.id}
        ref={(input) => props.ref?.(input)}
        name={props.id}
        type="password"
        autocomplete={props.autocomplete}
        spellcheck={false}
        aria-invalid={invalid(props.error)}
        aria-describedby={
          [describedBy(props.id, Boolean(props.help), props.error), props.meter ? meterId : '']
            .filter(Boolean)
            .join(' ') || undefined
        }
        onInput={(event) => {
          const value = event.currentTarget.value;
          setHasValue(value !== '');
          if (props.meter) setStrength(estimateStrength(value));
        }}
      />
      <Show when={props.meter}>
        <div class="strength" id={meterId}>
          <meter
            class="strength-meter"
            min="0"
            max="4"
            low="2"
            high="3"
            optimum="4"
            value={hasValue() ? strength().score : 0}
            aria-label="Passphrase strength"
          />
          <span class="strength-label" data-score={strength().score} aria-live="polite">
            {hasValue() ? `Strength: ${strength().label}` : 'Strength: —'}
            <Show when={hasValue() && strength().advice}>
              {(advice) => <span class="muted"> — {advice()}</span>}
            </Show>
          </span>
        </div>
      </Show>
    </FormField>
  );
}
