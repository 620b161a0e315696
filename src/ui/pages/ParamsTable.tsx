/** A template's parameters as a table: label, default, allowed values (range/step or options), help. */
import { For, type JSX } from 'solid-js';
import type { AnyStrategy, ParamSpec } from '../../core/strategy/types';
import { DataTable } from '../components/DataTable';
import { describeAllowed, formatParamValue } from '../stores/templateLibrary';

const COLUMNS = [
  { label: 'Parameter' },
  { label: 'Default' },
  { label: 'Allowed values' },
  { label: 'Help' },
];

export function ParamsTable(props: { strategy: AnyStrategy }): JSX.Element {
  const specs = (): [string, ParamSpec][] =>
    Object.entries(props.strategy.params as Record<string, ParamSpec>);
  return (
    <DataTable
      id={`template-${props.strategy.id}-params`}
      title={`${props.strategy.name} parameters`}
      level={3}
      columns={COLUMNS}
      rowCount={specs().length}
      emptyMessage="This template has no parameters."
    >
      <For each={specs()}>
        {([, spec]) => (
          <tr>
            <th scope="row">{spec.label}</th>
            <td>{formatParamValue(spec, spec.default)}</td>
            <td>{describeAllowed(spec)}</td>
            <td class="message">{spec.help ?? '—'}</td>
          </tr>
        )}
      </For>
    </DataTable>
  );
}
