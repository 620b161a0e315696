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
  entryClientOrderId: 'e',
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

describe('tradesToCsv with config versions (a bot report)', () => {
  it('adds the entry and exit config version columns', () => {
    const lines = tradesToCsv([
      { ...trade, exitReason: 'x', entryConfigVersion: 1, exitConfigVersion: 2 },
      { ...trade, exitReason: 'y', entryConfigVersion: 2 },
    ]).split('\r\n');
    expect(lines[0]).toBe(
      'side,entry_time,exit_time,entry_price,exit_price,amount,fees,pnl,return_pct,exit_reason,entry_config_version,exit_config_version',
    );
    expect(lines[1]?.endsWith(',x,1,2')).toBe(true);
    expect(lines[2]?.endsWith(',y,2,')).toBe(true);
  });
});
