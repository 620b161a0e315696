/**
 * The list-shaped risk settings: take-profit steps (gain % and share of the position) and ROI
 * table rows (trade age in minutes and profit %), each row removable, rows added with a button.
 * Errors for a row's input are keyed like "risk.takeProfit.steps[0].percent".
 */
import { For, Show, type JSX } from 'solid-js';
import { MAX_ROI_ROWS, MAX_TAKE_PROFIT_STEPS, RISK_RULES } from '../../core/risk/riskConfig';
import { FieldMessages } from '../components/FormField';
import type { RiskDraft } from '../stores/riskDraft';
import { NumberInput, ruleHelp, type RiskForm } from './RiskInputs';

interface RowKind {
  legend: string;
  /** The section's error key and the prefix of each row's ("risk.roiTable[0]"). */
  field: string;
  rowField: (index: number) => string;
  max: number;
  add: string;
  rowName: (index: number) => string;
  columns: {
    key: string;
    label: (index: number) => string;
    unit: string;
    help: string;
  }[];
  empty: string;
}

const KINDS: Record<'takeProfit' | 'roiTable', RowKind> = {
  takeProfit: {
    legend: 'Take-profit',
    field: 'risk.takeProfit',
    rowField: (index) => `risk.takeProfit.steps[${index}]`,
    max: MAX_TAKE_PROFIT_STEPS,
    add: 'Add take-profit step',
    rowName: (index) => `take-profit step ${index + 1}`,
    columns: [
      {
        key: 'percent',
        label: (index) => `Step ${index + 1} gain`,
        unit: '%',
        help: ruleHelp(RISK_RULES.takeProfitPercent, 'Above the average entry.'),
      },
      {
        key: 'fraction',
        label: (index) => `Step ${index + 1} fraction`,
        unit: '×',
        help: ruleHelp(RISK_RULES.takeProfitFraction, 'Share of the position sold; 0.5 = half.'),
      },
    ],
    empty: 'No take-profit steps: the strategy decides when to sell.',
  },
  roiTable: {
    legend: 'ROI table',
    field: 'risk.roiTable',
    rowField: (index) => `risk.roiTable[${index}]`,
    max: MAX_ROI_ROWS,
    add: 'Add ROI row',
    rowName: (index) => `ROI row ${index + 1}`,
    columns: [
      {
        key: 'afterMinutes',
        label: (index) => `Row ${index + 1} after`,
        unit: 'min',
        help: ruleHelp(RISK_RULES.roiMinutes, 'Trade age.'),
      },
      {
        key: 'percent',
        label: (index) => `Row ${index + 1} profit`,
        unit: '%',
        help: ruleHelp(RISK_RULES.roiPercent, 'Exit at this profit once the trade is that old.'),
      },
    ],
    empty: 'No ROI rows.',
  },
};

type Row = Record<string, string>;

export function RiskRows(props: { form: RiskForm; kind: 'takeProfit' | 'roiTable' }): JSX.Element {
  const kind = KINDS[props.kind];
  const rows = (): Row[] => props.form.risk()[props.kind] as unknown as Row[];
  const save = (field: string, next: Row[]): void =>
    props.form.setRisk(field, { ...props.form.risk(), [props.kind]: next } as RiskDraft);
  const blank = (): Row => Object.fromEntries(kind.columns.map((column) => [column.key, '']));
  const sectionError = (): string | undefined =>
    props.form.errorFor(kind.field) ??
    (props.kind === 'takeProfit' ? props.form.errorFor('risk.takeProfit.steps') : undefined);
  return (
    <fieldset class="fieldset">
      <legend>{kind.legend}</legend>
      <Show when={rows().length > 0} fallback={<p class="field-help">{kind.empty}</p>}>
        <For each={rows()}>
          {(row, index) => (
            <div class="risk-row">
              <For each={kind.columns}>
                {(column) => (
                  <NumberInput
                    id={`risk-${props.kind}-${index()}-${column.key}`}
                    label={column.label(index())}
                    unit={column.unit}
                    value={row[column.key] ?? ''}
                    help={column.help}
                    error={
                      props.form.errorFor(`${kind.rowField(index())}.${column.key}`) ??
                      (column === kind.columns[0]
                        ? props.form.errorFor(kind.rowField(index()))
                        : undefined)
                    }
                    onInput={(value) =>
                      save(
                        `${kind.rowField(index())}.${column.key}`,
                        rows().map((each, at) =>
                          at === index() ? { ...each, [column.key]: value } : each,
                        ),
                      )
                    }
                  />
                )}
              </For>
              <button
                type="button"
                class="button button-small"
                aria-label={`Remove ${kind.rowName(index())}`}
                onClick={() =>
                  save(
                    kind.field,
                    rows().filter((_, at) => at !== index()),
                  )
                }
              >
                Remove
              </button>
            </div>
          )}
        </For>
      </Show>
      <FieldMessages id={`risk-${props.kind}`} error={sectionError()} />
      <Show when={rows().length < kind.max}>
        <p>
          <button
            type="button"
            class="button"
            onClick={() => save(kind.field, [...rows(), blank()])}
          >
            {kind.add}
          </button>
        </p>
      </Show>
    </fieldset>
  );
}
