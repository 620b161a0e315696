/**
 * The trade list as CSV (RFC 4180: comma-separated, CRLF line ends, fields with commas, quotes
 * or line breaks quoted): entry/exit time in ISO UTC, prices, amount, fees, PnL, return and exit
 * reason — the same columns as the Report view's trade list.
 */
import type { ClosedTrade } from '../core/analytics';

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

function field(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function tradesToCsv(trades: readonly ClosedTrade[]): string {
  const rows = trades.map((trade) =>
    [
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
    ]
      .map(field)
      .join(','),
  );
  return [TRADE_CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
