/**
 * The Report view — the same for a backtest run and for a bot: metrics, equity and drawdown,
 * price with entries and exits, trades (CSV), monthly returns and "Export report JSON".
 */
import type { JSX } from 'solid-js';
import type { RunReport } from '../../backtest/runReport';
import { DEFAULT_SIM_ACCOUNT_ID } from '../../host/engineApi';
import { downloadText } from '../download';
import { stepsOf, useMarkets, type MarketSteps } from '../stores/marketCatalog';
import { MetricsTable } from './MetricsTable';
import { MonthlyReturnsTable } from './MonthlyReturnsTable';
import { EquityCharts, ReportPriceChart } from './ReportCharts';
import { TradeList } from './TradeList';
import './report.css';

/** A file-name-safe stem such as "sma-crossover-2023-03-01". */
export function fileStem(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'report'
  );
}

export function ReportView(props: {
  report: RunReport;
  fileBase: string;
  /**
   * The market's price and amount steps. By default those of the simulated market of the same
   * symbol — the steps backtests run with; other symbols fall back to currency precision.
   */
  steps?: MarketSteps;
}): JSX.Element {
  const markets = useMarkets();
  const steps = (): MarketSteps =>
    props.steps ?? stepsOf(markets.marketOf(DEFAULT_SIM_ACCOUNT_ID, props.report.symbol));
  const pair = () => {
    const [base = '', quote = ''] = props.report.symbol.split('/');
    return { base, quote };
  };
  return (
    <div class="report">
      <div class="button-row report-actions">
        <button
          type="button"
          class="button"
          onClick={() =>
            downloadText(
              `${props.fileBase}-report.json`,
              `${JSON.stringify(props.report, null, 2)}\n`,
            )
          }
        >
          Export report JSON
        </button>
      </div>
      <div class="report-grid">
        <MetricsTable metrics={props.report.metrics} quote={pair().quote} />
        <div class="report-charts">
          <EquityCharts report={props.report} quote={pair().quote} />
          <ReportPriceChart report={props.report} priceStep={steps().price} />
        </div>
      </div>
      <TradeList
        trades={props.report.trades}
        base={pair().base}
        quote={pair().quote}
        steps={steps()}
        fileBase={props.fileBase}
      />
      <MonthlyReturnsTable monthly={props.report.monthly} />
    </div>
  );
}
