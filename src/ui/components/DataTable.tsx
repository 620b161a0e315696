/**
 * A titled, horizontally scrollable data table: a heading (h2 unless `level` says 3) that also
 * names the table (and its keyboard-scrollable region), column headers, the rows, and an
 * empty-state row.
 */
import { For, Show, type JSX } from 'solid-js';
import { Dynamic } from 'solid-js/web';

export interface Column {
  label: string;
  isNumeric?: boolean;
  /** Shown to assistive technology only (e.g. an "Actions" column). */
  isLabelHidden?: boolean;
}

export function DataTable(props: {
  id: string;
  title: string;
  /** Heading level of the title (default 2), e.g. 3 inside a titled card. */
  level?: 2 | 3;
  columns: readonly Column[];
  rowCount: number;
  emptyMessage: string;
  children: JSX.Element;
}): JSX.Element {
  const headingId = (): string => `${props.id}-heading`;
  return (
    <section class="table-section">
      <Dynamic component={props.level === 3 ? 'h3' : 'h2'} id={headingId()} class="section-title">
        {props.title}
      </Dynamic>
      <div class="table-scroll" role="region" aria-labelledby={headingId()} tabindex="0">
        <table class="data-table" aria-labelledby={headingId()}>
          <thead>
            <tr>
              <For each={props.columns}>
                {(column) => (
                  <th scope="col" classList={{ numeric: Boolean(column.isNumeric) }}>
                    <Show when={column.isLabelHidden} fallback={column.label}>
                      <span class="visually-hidden">{column.label}</span>
                    </Show>
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <Show
              when={props.rowCount > 0}
              fallback={
                <tr>
                  <td class="empty-row" colSpan={props.columns.length}>
                    {props.emptyMessage}
                  </td>
                </tr>
              }
            >
              {props.children}
            </Show>
          </tbody>
        </table>
      </div>
    </section>
  );
}
