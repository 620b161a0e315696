/**
 * The trade list as CSV (RFC 4180: comma-separated, CRLF line ends, fields with commas, quotes
 * or line breaks quoted): entry/exit time in ISO UTC, prices, amount, fees, PnL, return and exit
 * reason — the same columns as the Report view's trade list. A bot's trades (which carry config
 * versions) add `entry_config_version` and `exit_config_version`; a backtest's never have them.
 */
import type { ReportTrade } from './runReport';

export const TRADE_CSV_COLUMNS = [
  'side',
  'entry_time',
  'exit_time',
  'entry_price',
  'exit_price',
  'amount',
  'fees',
  'pnl',
  'return_pct',
  'exit_reason',
] as const;

/** Appended when any trade says which config version placed its orders. */
export const VERSION_CSV_COLUMNS = ['entry_config_version', 'exit_config_version'] as const;

function field(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Whether any trade names the config version of its orders (a bot's report). */
export function hasConfigVersions(trades: readonly ReportTrade[]): boolean {
  return trades.some(
    (trade) => trade.entryConfigVersion !== undefined || trade.exitConfigVersion !== undefined,
  );
}

export function tradesToCsv(trades: readonly ReportTrade[]): string {
  const withVersions = hasConfigVersions(trades);
  const rows = trades.map((trade) => {
    const values: (string | number)[] = [
      trade.side,
      new Date(trade.entryTime).toISOString(),
      new Date(trade.exitTime).toISOString(),
      trade.entryPrice,
      trade.exitPrice,
      trade.amount,
      trade.fees,
      trade.pnl,
      trade.returnPct * 100,
      trade.exitReason ?? '',
    ];
    if (withVersions) values.push(trade.entryConfigVersion ?? '', trade.exitConfigVersion ?? '');
    return values.map(field).join(',');
  });
  const header = withVersions
    ? [...TRADE_CSV_COLUMNS, ...VERSION_CSV_COLUMNS]
    : [...TRADE_CSV_COLUMNS];
  return [header.join(','), ...rows].join('\r\n') + '\r\n';
}
