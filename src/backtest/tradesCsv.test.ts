import { describe, expect, it } from 'vitest';
import type { ClosedTrade } from '../core/analytics';
import { tradesToCsv } from './tradesCsv';

const trade: ClosedTrade = {
  side: 'long',
  entryTime: Date.UTC(2023, 2, 1, 10),
  exitTime: Date.UTC(2023, 2, 1, 12, 30),
  entryPrice: 23_000,
  exitPrice: 23_500,
  amount: 0.1,
  fees: 4.65,
  pnl: 45.35,
  returnPct: 0.0197,
  exitReason: 'stop, "hard"',
  exitClientOrderId: 'x',
};

describe('tradesToCsv', () => {
  it('writes a header and one quoted-where-needed row per trade', () => {
    expect(tradesToCsv([trade]).split('\r\n')).toEqual([
      'side,entry_time,exit_time,entry_price,exit_price,amount,fees,pnl,return_pct,exit_reason',
      'long,2023-03-01T10:00:00.000Z,2023-03-01T12:30:00.000Z,23000,23500,0.1,4.65,45.35,1.97,"stop, ""hard"""',
      '',
    ]);
  });

  it('writes only the header without trades', () => {
    expect(tradesToCsv([])).toBe(
      'side,entry_time,exit_time,entry_price,exit_price,amount,fees,pnl,return_pct,exit_reason\r\n',
    );
  });
});
