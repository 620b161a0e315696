/**
 * The Backtest page's settings: template and its parameters (ParamFields), data source and
 * date range, timeframe, cash, maker/taker fees, slippage, fill model, close at end and an
 * optional risk section as JSON (the same shape as a bot config's `risk`).
 */
import { For, Show, type JSX } from 'solid-js';
import { TIMEFRAMES } from '../../../core/market/timeframe';
import { createStrategyCatalog } from '../../catalog';
import { CheckboxField, describedBy, FormField, invalid } from '../../components/FormField';
import type { BacktestDataSource } from '../../stores/backtestData';
import type { BacktestFormValues } from '../../stores/backtestConfig';
import type { BacktestForm as Form } from '../../stores/createBacktestForm';
import { ParamFields } from '../ParamFields';

type TextField = 'from' | 'to' | 'cash' | 'makerFeePct' | 'takerFeePct' | 'slippageBps';

function TextInput(props: {
  form: Form;
  field: TextField;
  label: string;
  type: 'number' | 'date';
  help?: string;
  unit?: string;
  step?: string;
}): JSX.Element {
  const id = () => `backtest-${props.field}`;
  const error = () => props.form.errorFor(props.field);
  return (
    <FormField id={id()} label={props.label} help={props.help} error={error()}>
      <div class="input-with-unit">
        <input
          id={id()}
          type={props.type}
          inputmode={props.type === 'number' ? 'decimal' : undefined}
          step={props.step}
          value={props.form.values[props.field]}
          aria-invalid={invalid(error())}
          aria-describedby={describedBy(id(), Boolean(props.help), error())}
          onInput={(event) => props.form.set(props.field, event.currentTarget.value)}
        />
        <Show when={props.unit}>
          <span class="input-unit">{props.unit}</span>
        </Show>
      </div>
    </FormField>
  );
}

function Select(props: {
  id: string;
  label: string;
  value: string;
  error?: string;
  help?: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
}): JSX.Element {
  return (
    <FormField id={props.id} label={props.label} help={props.help} error={props.error}>
      <select
        id={props.id}
        value={props.value}
        aria-invalid={invalid(props.error)}
        aria-describedby={describedBy(props.id, Boolean(props.help), props.error)}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      >
        <For each={props.options}>
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

export function BacktestForm(props: {
  form: Form;
  sources: readonly BacktestDataSource[];
}): JSX.Element {
  const form = props.form;
  const catalog = createStrategyCatalog();
  const set =
    <K extends keyof BacktestFormValues>(field: K) =>
    (value: BacktestFormValues[K]) =>
      form.set(field, value);
  return (
    <div class="backtest-form">
      <fieldset class="backtest-fieldset">
        <legend>Strategy</legend>
        <Select
          id="backtest-template"
          label="Template"
          value={form.values.strategyId}
          error={form.errorFor('strategyId')}
          options={catalog().map((strategy) => ({
            value: strategy.id,
            label: strategy.isCustom ? `${strategy.name} (custom)` : strategy.name,
          }))}
          onChange={(id) => form.setStrategy(id)}
        />
        <ParamFields form={form} />
      </fieldset>
      <fieldset class="backtest-fieldset">
        <legend>Data</legend>
        <Select
          id="backtest-sourceId"
          label="Data source"
          value={form.values.sourceId}
          error={form.errorFor('sourceId')}
          help="The bundled sample, or a dataset imported on the Data page."
          options={props.sources.map((source) => ({ value: source.id, label: source.label }))}
          onChange={(id) => {
            const source = props.sources.find((each) => each.id === id);
            if (source) form.setSource(source);
          }}
        />
        <TextInput form={form} field="from" label="From (UTC)" type="date" />
        <TextInput form={form} field="to" label="To (UTC, included)" type="date" />
        <Select
          id="backtest-timeframe"
          label="Timeframe"
          value={form.values.timeframe}
          error={form.errorFor('timeframe')}
          help={`The ${form.source()?.timeframe ?? '1m'} data is resampled to this candle length (${form.source()?.timeframe ?? '1m'} or longer).`}
          options={TIMEFRAMES.map((timeframe) => ({ value: timeframe, label: timeframe }))}
          onChange={set('timeframe')}
        />
      </fieldset>
      <fieldset class="backtest-fieldset">
        <legend>Costs and options</legend>
        <TextInput form={form} field="cash" label="Starting cash" type="number" step="any" />
        <TextInput
          form={form}
          field="makerFeePct"
          label="Maker fee"
          type="number"
          unit="%"
          step="any"
        />
        <TextInput
          form={form}
          field="takerFeePct"
          label="Taker fee"
          type="number"
          unit="%"
          step="any"
        />
        <TextInput
          form={form}
          field="slippageBps"
          label="Slippage"
          type="number"
          unit="bps"
          step="any"
        />
        <Select
          id="backtest-fill"
          label="Fill model"
          value="next-open"
          help="Market orders fill at the open of the candle after the signal."
          options={[{ value: 'next-open', label: 'Next candle open' }]}
          onChange={() => undefined}
        />
        <CheckboxField
          id="backtest-closeAtEnd"
          label="Close position at end"
          help="Value a position still open at the last close as a final exit."
          checked={form.values.closeAtEnd}
          onChange={set('closeAtEnd')}
        />
        <FormField
          id="backtest-riskJson"
          label="Risk rules (JSON, optional)"
          help='The bot config risk section, e.g. {"stopLoss": {"kind": "percent", "percent": 2}}'
          error={form.errorFor('riskJson')}
        >
          <textarea
            id="backtest-riskJson"
            rows={3}
            value={form.values.riskJson}
            aria-invalid={invalid(form.errorFor('riskJson'))}
            aria-describedby={describedBy('backtest-riskJson', true, form.errorFor('riskJson'))}
            onInput={(event) => form.set('riskJson', event.currentTarget.value)}
          />
        </FormField>
      </fieldset>
    </div>
  );
}
