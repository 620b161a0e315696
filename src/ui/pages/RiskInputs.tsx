/**
 * Building blocks of the risk section (RiskFields, RiskRows): what a form must provide, a
 * labelled text input for a number with its unit, and range hints from core's RISK_RULES.
 */
import { Show, type JSX } from 'solid-js';
import { describeRule, type NumberRule } from '../../core/risk/validation';
import { describedBy, FormField, invalid } from '../components/FormField';
import type { RiskDraft } from '../stores/riskDraft';

export interface RiskForm {
  risk(): RiskDraft;
  setRisk(field: string, risk: RiskDraft): void;
  errorFor(field: string): string | undefined;
  /** Quote currency of the market, for the position limit's unit. */
  quote(): string;
}

/** "Between 0.1 and 99." — a rule's range as help text. */
export function ruleHelp(rule: NumberRule, extra?: string): string {
  const range = describeRule(rule);
  return [extra, `${range.charAt(0).toUpperCase()}${range.slice(1)}.`].filter(Boolean).join(' ');
}

export function NumberInput(props: {
  id: string;
  label: string;
  value: string;
  help?: string;
  error?: string;
  unit?: string;
  onInput: (value: string) => void;
}): JSX.Element {
  return (
    <FormField id={props.id} label={props.label} help={props.help} error={props.error}>
      <div class="input-with-unit">
        <input
          id={props.id}
          type="text"
          inputmode="decimal"
          autocomplete="off"
          value={props.value}
          aria-invalid={invalid(props.error)}
          aria-describedby={describedBy(props.id, Boolean(props.help), props.error)}
          onInput={(event) => props.onInput(event.currentTarget.value)}
        />
        <Show when={props.unit}>
          <span class="input-unit">{props.unit}</span>
        </Show>
      </div>
    </FormField>
  );
}
