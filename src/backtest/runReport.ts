/**
 * The report of one run — a backtest or a bot — as plain data: the metrics of
 * summarizePerformance, the closed trades, the fills (for chart markers), monthly returns and
 * the full equity curve (time, equity, close price per point; never decimated). It is what the
 * Report view shows, what saved runs store and what "Export JSON" writes.
 */
import {
  monthlyReturns,
  periodsPerYearFromMs,
  type MonthlyReturn,
  type PerformanceSummary,
} from '../core/analytics';
import type { EquitySeries } from '../core/bot/equitySeries';
import { summarizeClosingAtEnd } from './closeAtEnd';
import { timeframeMs, type Timeframe } from '../core/market/timeframe';
import type { Fill } from '../core/portfolio/types';
import type { ClosedTrade } from '../core/analytics';

export const REPORT_FORMAT = 'flotilla-report';
export const REPORT_VERSION = 1;
export { END_EXIT_ID } from './closeAtEnd';

export type ReportMetrics = Omit<PerformanceSummary, 'closedTrades'>;

export interface ReportFill {
  time: number;
  side: Fill['side'];
  price: number;
  amount: number;
}

/**
 * A closed trade of the report. A bot's trades also say which config version placed the
 * entry order (of the oldest lot closed) and the exit order; a backtest's have neither.
 */
export interface ReportTrade extends ClosedTrade {
  entryConfigVersion?: number;
  exitConfigVersion?: number;
}

/** What the report needs of an order: its exit reason (tag) and the config version behind it. */
export interface ReportOrder {
  clientOrderId: string;
  tag?: string;
  configVersion?: number;
}

export interface RunReport {
  format: typeof REPORT_FORMAT;
  version: typeof REPORT_VERSION;
  title: string;
  symbol: string;
  timeframe: Timeframe;
  metrics: ReportMetrics;
  trades: ReportTrade[];
  fills: ReportFill[];
  monthly: MonthlyReturn[];
  /** Columns of the equity curve, one entry per point. */
  equity: { times: number[]; values: number[]; prices: number[] };
}

export interface BuildReportInput {
  title: string;
  symbol: string;
  timeframe: Timeframe;
  equity: EquitySeries;
  fills: readonly Fill[];
  orders?: readonly ReportOrder[];
  /** Close a position still open at the last point, at its close price and without a fee. */
  closeAtEnd?: boolean;
  /**
   * Label each trade with the config versions of its orders (a bot's report). A backtest runs
   * one configuration, so its trades carry none.
   */
  hasConfigVersions?: boolean;
}

/** Adds the config version of each trade's entry and exit order, where the orders have one. */
export function withConfigVersions(
  trades: readonly ClosedTrade[],
  orders: readonly ReportOrder[],
): ReportTrade[] {
  const versions = new Map<string, number>();
  for (const order of orders) {
    if (order.configVersion !== undefined) versions.set(order.clientOrderId, order.configVersion);
  }
  return trades.map((trade) => {
    const entry = versions.get(trade.entryClientOrderId);
    const exit = versions.get(trade.exitClientOrderId);
    return {
      ...trade,
      ...(entry === undefined ? {} : { entryConfigVersion: entry }),
      ...(exit === undefined ? {} : { exitConfigVersion: exit }),
    };
  });
}

/** "v2", or "v1 → v2" when the exit was placed under a later version than the entry; "—". */
export function configVersionLabel(trade: ReportTrade): string {
  const entry = trade.entryConfigVersion;
  const exit = trade.exitConfigVersion;
  if (entry === undefined || exit === undefined || entry === exit) {
    const only = entry ?? exit;
    return only === undefined ? '—' : `v${only}`;
  }
  return `v${entry} → v${exit}`;
}

/** Builds the report; every metric uses every equity point and fill. */
export function buildRunReport(input: BuildReportInput): RunReport {
  const [base = '', quote = ''] = input.symbol.split('/');
  const summaryInput = {
    equity: input.equity,
    fills: input.fills,
    orders: input.orders,
    baseCurrency: base,
    periodsPerYear: periodsPerYearFromMs(timeframeMs(input.timeframe)) ?? 0,
  };
  const { equity } = input;
  const { summary, fills } = summarizeClosingAtEnd(summaryInput, input.closeAtEnd ?? false, quote);
  const { closedTrades, ...metrics } = summary;
  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    title: input.title,
    symbol: input.symbol,
    timeframe: input.timeframe,
    metrics,
    trades: input.hasConfigVersions
      ? withConfigVersions(closedTrades, input.orders ?? [])
      : closedTrades,
    fills: fills.map(({ time, side, price, amount }) => ({ time, side, price, amount })),
    monthly: monthlyReturns(equity),
    equity: {
      times: Array.from(equity.times),
      values: Array.from(equity.values),
      prices: Array.from(equity.prices),
    },
  };
}
