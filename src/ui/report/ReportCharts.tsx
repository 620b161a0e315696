/**
 * The Report view's charts (uPlot, typed arrays, decimated for display only): equity, drawdown
 * and price with entry (▲ buy) and exit (▼ sell) markers.
 */
import { createMemo, type JSX } from 'solid-js';
import type uPlot from 'uplot';
import type { RunReport } from '../../backtest/runReport';
import { createChart } from '../charts/createChart';
import { themedAxes } from '../charts/chartTheme';
import { trianglePoints } from '../charts/markers';
import { formatAmount, formatPercent, formatPrice, stepToDecimals } from '../format';
import { displayBuckets, drawdownData, equityData, priceData } from './displaySeries';

function LineChart(props: {
  height: number;
  data: () => uPlot.AlignedData;
  series: string;
  format: (value: number) => string;
  decimals: number;
  summary: string;
}): JSX.Element {
  let container: HTMLDivElement | undefined;
  createChart(() => container, {
    height: props.height,
    data: props.data,
    options: (colors) => ({
      scales: { x: { time: true } },
      axes: themedAxes(colors, props.decimals),
      cursor: { drag: { x: true, y: false } },
      legend: { live: true },
      series: [
        {},
        {
          label: props.series,
          stroke: colors.line,
          fill: colors.lineFill,
          width: 1.5,
          value: (_u, v) => (v === null || v === undefined ? '—' : props.format(v)),
        },
      ],
    }),
  });
  return <div class="chart" role="img" aria-label={props.summary} ref={container} />;
}

export function EquityCharts(props: { report: RunReport; quote: string }): JSX.Element {
  const buckets = displayBuckets();
  const equity = createMemo(() => equityData(props.report, buckets));
  const drawdown = createMemo(() => drawdownData(props.report, buckets));
  const points = () => props.report.equity.times.length;
  return (
    <section class="card chart-card report-section" aria-labelledby="report-equity-heading">
      <h2 id="report-equity-heading" class="section-title">
        Equity and drawdown
      </h2>
      <LineChart
        height={200}
        data={equity}
        series={`Equity (${props.quote})`}
        format={(value) => formatAmount(value, props.quote)}
        decimals={2}
        summary={`Equity curve: ${points()} points, from ${formatAmount(props.report.metrics.startEquity, props.quote)} to ${formatAmount(props.report.metrics.endEquity, props.quote)}.`}
      />
      <LineChart
        height={140}
        data={drawdown}
        series="Drawdown"
        format={formatPercent}
        decimals={4}
        summary={`Drawdown chart: deepest ${formatPercent(props.report.metrics.maxDrawdown)}.`}
      />
    </section>
  );
}

export function ReportPriceChart(props: { report: RunReport; priceStep?: number }): JSX.Element {
  let container: HTMLDivElement | undefined;
  const priceValue = (_u: uPlot, v: number | null | undefined): string =>
    v === null || v === undefined ? '—' : formatPrice(v, props.priceStep);
  const buckets = displayBuckets();
  const data = createMemo(() =>
    priceData(props.report.equity.times, props.report.equity.prices, props.report.fills, buckets),
  );
  const marker = (label: string, color: string, direction: 'up' | 'down'): uPlot.Series => ({
    label,
    stroke: color,
    paths: () => null,
    points: { show: true, size: 10, fill: color, stroke: color, paths: trianglePoints(direction) },
    value: priceValue,
  });
  createChart(() => container, {
    height: 260,
    data,
    options: (colors) => ({
      scales: { x: { time: true } },
      axes: themedAxes(colors, stepToDecimals(props.priceStep) ?? 2),
      cursor: { drag: { x: true, y: false } },
      legend: { live: true },
      series: [
        {},
        { label: 'Close', stroke: colors.line, width: 1.5, spanGaps: true, value: priceValue },
        marker('Buy', colors.buy, 'up'),
        marker('Sell', colors.sell, 'down'),
      ],
    }),
  });
  const buys = () => props.report.fills.filter((fill) => fill.side === 'buy').length;
  const summary = () =>
    `Price chart of ${props.report.symbol} with ${buys()} buys and ${props.report.fills.length - buys()} sells marked.`;
  return (
    <section class="card chart-card report-section" aria-labelledby="report-price-heading">
      <h2 id="report-price-heading" class="section-title">
        Price with entries and exits
      </h2>
      <div class="chart" role="img" aria-label={summary()} ref={container} />
    </section>
  );
}
