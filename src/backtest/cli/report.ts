/**
 * What `npm run backtest` prints: the metrics of summarizePerformance as one JSON object
 * (fractions, ISO times) or as a readable table (percentages, dates).
 */
import type { EquitySeries } from '../../core/bot/equitySeries';
import type { PerformanceSummary } from '../../core/analytics';
import type { RiskConfig } from '../../core/risk/riskConfig';
import type { RawParams } from '../../core/strategy/types';

export interface RunInfo {
  strategy: string;
  name: string;
  params: RawParams;
  timeframe: string;
  symbol: string;
  data: string;
  /** Length of the data's candles ("1m", "1h", "1d"), resampled to `timeframe`. */
  dataTimeframe: string;
  candles: number;
  /** Gaps in the data (missing candles between two rows, e.g. weekends), which are allowed. */
  gaps: number;
  firstCandle: string;
  lastCandle: string;
  cash: number;
  fee: number;
  slippageBps: number;
  fill: string;
  /** null: the simulator's default step (0.00001). */
  amountStep: number | null;
  risk: RiskConfig | null;
  closeAtEnd: boolean;
}

/** The figures of the report; fractions (0.012 = +1.2 %), quote currency, ISO times, ms. */
export interface ReportMetrics {
  start: string | null;
  end: string | null;
  startEquity: number | null;
  endEquity: number | null;
  netProfit: number;
  totalReturn: number;
  cagr: number | null;
  annualVolatility: number | null;
  sharpe: number | null;
  sortino: number | null;
  calmar: number | null;
  maxDrawdown: number;
  maxDrawdownPeak: string | null;
  maxDrawdownTrough: string | null;
  maxDrawdownRecovery: string | null;
  maxDrawdownDurationMs: number;
  trades: number;
  winRate: number | null;
  profitFactor: number | null;
  expectancy: number | null;
  averageWin: number | null;
  averageLoss: number | null;
  best: number | null;
  worst: number | null;
  averageHoldingMs: number | null;
  exposure: number;
  fees: number;
  buyAndHold: number | null;
  openPosition: number;
}

export interface ReportTrade {
  entryTime: string;
  exitTime: string;
  entryPrice: number;
  exitPrice: number;
  amount: number;
  fee: number;
  pnl: number;
  exitReason: string | null;
}

export interface BacktestReport {
  run: RunInfo;
  metrics: ReportMetrics;
  trades: ReportTrade[];
  equity: { time: string; value: number }[];
}

const iso = (time: number | null | undefined) =>
  time === null || time === undefined ? null : new Date(time).toISOString();

export function buildReport(
  run: RunInfo,
  summary: PerformanceSummary,
  equity: EquitySeries,
): BacktestReport {
  const { trades, drawdown } = summary;
  return {
    run,
    metrics: {
      start: iso(summary.start),
      end: iso(summary.end),
      startEquity: summary.startEquity,
      endEquity: summary.endEquity,
      netProfit: summary.netProfit,
      totalReturn: summary.totalReturn,
      cagr: summary.annualReturn,
      annualVolatility: summary.annualVolatility,
      sharpe: summary.sharpeRatio,
      sortino: summary.sortinoRatio,
      calmar: summary.calmarRatio,
      maxDrawdown: summary.maxDrawdown,
      maxDrawdownPeak: iso(drawdown.peakTime),
      maxDrawdownTrough: iso(drawdown.troughTime),
      maxDrawdownRecovery: iso(drawdown.recoveryTime),
      maxDrawdownDurationMs: drawdown.durationMs,
      trades: trades.tradeCount,
      winRate: trades.winRate,
      profitFactor: trades.profitFactor,
      expectancy: trades.expectancy,
      averageWin: trades.averageWin,
      averageLoss: trades.averageLoss,
      best: trades.best,
      worst: trades.worst,
      averageHoldingMs: trades.averageHoldingMs,
      exposure: summary.exposure,
      fees: trades.totalFees,
      buyAndHold: summary.buyAndHoldReturn,
      openPosition: summary.openPosition,
    },
    trades: summary.closedTrades.map((trade) => ({
      entryTime: iso(trade.entryTime) as string,
      exitTime: iso(trade.exitTime) as string,
      entryPrice: trade.entryPrice,
      exitPrice: trade.exitPrice,
      amount: trade.amount,
      fee: trade.fees,
      pnl: trade.pnl,
      exitReason: trade.exitReason ?? null,
    })),
    equity: Array.from(equity.times, (time, index) => ({
      time: iso(time) as string,
      value: equity.values[index] as number,
    })),
  };
}

const NA = '—';
const pct = (value: number | null) => (value === null ? NA : `${(value * 100).toFixed(2)}%`);
const ratio = (value: number | null) => (value === null ? NA : value.toFixed(2));
const money = (value: number | null) =>
  value === null
    ? NA
    : value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const date = (value: string | null) => (value === null ? NA : value.replace('T', ' ').slice(0, 16));

function duration(ms: number | null): string {
  if (ms === null) return NA;
  const minutes = Math.round(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const parts = [days > 0 ? `${days}d` : '', hours > 0 ? `${hours}h` : '', `${minutes % 60}m`];
  return parts.filter(Boolean).join(' ');
}

/** The report as aligned text lines. */
export function formatReport(report: BacktestReport): string {
  const { run, metrics: m } = report;
  const drawdownWhen =
    m.maxDrawdownPeak === null
      ? ''
      : ` (peak ${date(m.maxDrawdownPeak)}, trough ${date(m.maxDrawdownTrough)}, ${
          m.maxDrawdownRecovery === null
            ? 'not recovered'
            : `recovered ${date(m.maxDrawdownRecovery)}`
        })`;
  const rows: [string, string][] = [
    ['Period', `${date(m.start)} → ${date(m.end)} UTC`],
    ['Start / end equity', `${money(m.startEquity)} → ${money(m.endEquity)}`],
    ['Net profit', money(m.netProfit)],
    ['Total return', pct(m.totalReturn)],
    ['CAGR', pct(m.cagr)],
    ['Annual volatility', pct(m.annualVolatility)],
    ['Sharpe ratio', ratio(m.sharpe)],
    ['Sortino ratio', ratio(m.sortino)],
    ['Calmar ratio', ratio(m.calmar)],
    ['Max drawdown', `${pct(m.maxDrawdown)}${drawdownWhen}`],
    ['Trades', String(m.trades)],
    ['Win rate', pct(m.winRate)],
    ['Profit factor', ratio(m.profitFactor)],
    ['Expectancy', money(m.expectancy)],
    ['Average win / loss', `${money(m.averageWin)} / ${money(m.averageLoss)}`],
    ['Best / worst trade', `${money(m.best)} / ${money(m.worst)}`],
    ['Average holding time', duration(m.averageHoldingMs)],
    ['Exposure', pct(m.exposure)],
    ['Fees', money(m.fees)],
    ['Buy & hold', pct(m.buyAndHold)],
  ];
  if (m.openPosition !== 0) rows.push(['Still open (base)', String(m.openPosition)]);
  const width = Math.max(...rows.map(([label]) => label.length));
  const params = Object.entries(run.params)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(' ');
  return [
    `${run.name} (${run.strategy}) on ${run.symbol} ${run.timeframe} — ${params}`,
    `${run.data}: ${run.candles.toLocaleString('en-US')} ${run.dataTimeframe} candles` +
      (run.gaps > 0 ? ` (${run.gaps.toLocaleString('en-US')} gaps)` : '') +
      `, cash ${money(run.cash)}, ` +
      `fee ${(run.fee * 100).toFixed(3)}%, slippage ${run.slippageBps} bps, fill ${run.fill}` +
      (run.closeAtEnd ? ', open position closed at the end' : ''),
    '',
    ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
  ].join('\n');
}
