/**
 * The form controls of a strategy's parameters, generated from its spec: number inputs with
 * min/max/step and the allowed range, checkboxes for booleans, selects for choices.
 */
import { For, Match, Switch, type JSX } from 'solid-js';
import { describeNumericSpec } from '../../core/strategy/params';
import type { ChoiceParamSpec, NumericParamSpec, ParamSpec } from '../../core/strategy/types';
import { CheckboxField, describedBy, FormField, invalid } from '../components/FormField';
import type { BotFormStore } from '../stores/createBotFormStore';

/** What the fields need from a form (the create wizard's or the edit page's store). */
export type ParamForm = Pick<BotFormStore, 'errorFor' | 'paramSpecs' | 'paramValue' | 'setParam'>;

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function NumericParam(props: {
  id: string;
  spec: NumericParamSpec;
  value: string;
  error?: string;
  onInput: (value: string) => void;
}): JSX.Element {
  const help = (): string =>
    [props.spec.help, `${capitalize(describeNumericSpec(props.spec))}.`].filter(Boolean).join(' ');
  return (
    <FormField id={props.id} label={props.spec.label} help={help()} error={props.error}>
      <div class="input-with-unit">
        <input
          id={props.id}
          type="number"
          inputmode="decimal"
          min={props.spec.min}
          max={props.spec.max}
          step={props.spec.step ?? (props.spec.kind === 'integer' ? 1 : 'any')}
          value={props.value}
          aria-invalid={invalid(props.error)}
          aria-describedby={describedBy(props.id, true, props.error)}
          onInput={(event) => props.onInput(event.currentTarget.value)}
        />
        {props.spec.kind === 'percent' ? <span class="input-unit">%</span> : null}
      </div>
    </FormField>
  );
}

function ChoiceParam(props: {
  id: string;
  spec: ChoiceParamSpec;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}): JSX.Element {
  return (
    <FormField id={props.id} label={props.spec.label} help={props.spec.help} error={props.error}>
      <select
        id={props.id}
        value={props.value}
        aria-invalid={invalid(props.error)}
        aria-describedby={describedBy(props.id, Boolean(props.spec.help), props.error)}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      >
        <For each={props.spec.options}>
          {(option) => (
            <option value={option.value} selected={option.value === props.value}>
              {option.label}
            </option>
          )}
        </For>
      </select>
    </FormField>
  );
}

function ParamField(props: { name: string; spec: ParamSpec; form: ParamForm }): JSX.Element {
  const id = (): string => `param-${props.name}`;
  const error = (): string | undefined => props.form.errorFor(`params.${props.name}`);
  const value = (): string | boolean | undefined => props.form.paramValue(props.name);
  const set = (next: string | boolean): void => props.form.setParam(props.name, next);
  return (
    <Switch>
      <Match when={props.spec.kind === 'boolean' && props.spec}>
        {(spec) => (
          <CheckboxField
            id={id()}
            label={spec().label}
            help={spec().help}
            checked={value() === true}
            error={error()}
            onChange={set}
          />
        )}
      </Match>
      <Match when={props.spec.kind === 'choice' && (props.spec as ChoiceParamSpec)}>
        {(spec) => (
          <ChoiceParam
            id={id()}
            spec={spec()}
            value={String(value() ?? '')}
            error={error()}
            onChange={set}
          />
        )}
      </Match>
      <Match when={props.spec.kind !== 'boolean' && props.spec.kind !== 'choice'}>
        <NumericParam
          id={id()}
          spec={props.spec as NumericParamSpec}
          value={typeof value() === 'string' ? (value() as string) : ''}
          error={error()}
          onInput={set}
        />
      </Match>
    </Switch>
  );
}

export function ParamFields(props: { form: ParamForm }): JSX.Element {
  return (
    <For each={props.form.paramSpecs()}>
      {([name, spec]) => <ParamField name={name} spec={spec} form={props.form} />}
    </For>
  );
}
