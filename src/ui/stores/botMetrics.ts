/**
 * A bot's performance at a price: equity = free cash + position × price, PnL against the
 * capital assigned to it (the ledger's initial cash, else the config's allocation). Pure.
 */
import type { Ledger } from '../../core/portfolio/types';

export interface BotMetrics {
  /** The price used to value the position, if any is known. */
  price?: number;
  equity: number;
  /** Capital the PnL is measured against. */
  capital: number;
  pnl: number;
  /** pnl / capital; 0 when capital is 0. */
  pnlRatio: number;
  realizedPnl: number;
  unrealizedPnl: number;
  feesPaid: number;
  position: number;
  averageEntry: number;
  tradeCount: number;
}

/** Values `ledger` at `price` (falling back to the average entry when no price is known). */
export function computeBotMetrics(
  ledger: Ledger | undefined,
  allocation: number,
  price: number | undefined,
): BotMetrics {
  const capital = ledger?.initialCash ?? allocation;
  if (!ledger) {
    return {
      price,
      equity: capital,
      capital,
      pnl: 0,
      pnlRatio: 0,
      realizedPnl: 0,
      unrealizedPnl: 0,
      feesPaid: 0,
      position: 0,
      averageEntry: 0,
      tradeCount: 0,
    };
  }
  const markPrice = price ?? (ledger.position > 0 ? ledger.averageEntry : undefined);
  const positionValue = markPrice === undefined ? 0 : ledger.position * markPrice;
  const equity = ledger.cash + positionValue;
  const pnl = equity - capital;
  return {
    price: markPrice,
    equity,
    capital,
    pnl,
    pnlRatio: capital === 0 ? 0 : pnl / capital,
    realizedPnl: ledger.realizedPnl,
    unrealizedPnl:
      markPrice === undefined ? 0 : ledger.position * (markPrice - ledger.averageEntry),
    feesPaid: ledger.feesPaid,
    position: ledger.position,
    averageEntry: ledger.averageEntry,
    tradeCount: ledger.tradeCount,
  };
}

/** Splits "BTC/USDT" into base and quote. */
export function splitSymbol(symbol: string): { base: string; quote: string } {
  const [base = symbol, quote = ''] = symbol.split('/');
  return { base, quote };
}
