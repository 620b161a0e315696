/** Monthly returns as a year × month grid with each year's compounded return. */
import { For, type JSX } from 'solid-js';
import type { MonthlyReturn } from '../../core/analytics';
import { formatPercent, trend } from '../format';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function MonthlyReturnsTable(props: { monthly: readonly MonthlyReturn[] }): JSX.Element {
  const years = () => [...new Set(props.monthly.map((row) => row.year))];
  const cell = (year: number, month: number) =>
    props.monthly.find((row) => row.year === year && row.month === month);
  const yearReturn = (year: number) =>
    props.monthly
      .filter((row) => row.year === year)
      .reduce((product, row) => product * (1 + row.return), 1) - 1;
  return (
    <section class="card report-section">
      <h2 id="report-monthly-heading" class="section-title">
        Monthly returns
      </h2>
      <div class="table-scroll" role="region" aria-labelledby="report-monthly-heading" tabindex="0">
        <table class="data-table" aria-labelledby="report-monthly-heading">
          <thead>
            <tr>
              <th scope="col">Year</th>
              <For each={MONTHS}>
                {(month) => (
                  <th scope="col" class="numeric">
                    {month}
                  </th>
                )}
              </For>
              <th scope="col" class="numeric">
                Year
              </th>
            </tr>
          </thead>
          <tbody>
            <For
              each={years()}
              fallback={
                <tr>
                  <td class="empty-row" colSpan={14}>
                    No equity recorded.
                  </td>
                </tr>
              }
            >
              {(year) => (
                <tr>
                  <th scope="row">{year}</th>
                  <For each={MONTHS}>
                    {(_, index) => {
                      const row = cell(year, index() + 1);
                      return (
                        <td class="numeric pnl" data-trend={trend(row?.return)}>
                          {row ? formatPercent(row.return) : ''}
                        </td>
                      );
                    }}
                  </For>
                  <td class="numeric pnl" data-trend={trend(yearReturn(year))}>
                    {formatPercent(yearReturn(year))}
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );
}
