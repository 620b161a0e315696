/**
 * The paper exchange's persisted state: the simulated account (balances, open and recent orders,
 * trades, id sequences, used client order ids — the same AccountState the simulator keeps) plus
 * which source it trades on and, per symbol, the last candle it played. Small, JSON-serializable
 * and versioned; checked on resume by stateCheck.ts. Live prices are not kept: a resumed paper
 * exchange asks its source again.
 */
import { adoptAccountState, copyAccountState, createAccountState } from '../simulated/state';
import type { AccountState } from '../simulated/state';

export const PAPER_STATE_VERSION = 1;

export interface PaperState extends AccountState {
  version: typeof PAPER_STATE_VERSION;
  /** The source's exchangeId (e.g. "binance"): a state resumes only on the exchange it began on. */
  source: string;
  /**
   * Per symbol, the open time (UTC ms) of the last candle played: a candle the source delivers
   * again (after a reconnect or a resume) is not played twice.
   */
  playedUntil: Record<string, number>;
}

/** A fresh state holding `balances` (each a non-negative number). */
export function createPaperState(balances: Record<string, number>, source: string): PaperState {
  return {
    version: PAPER_STATE_VERSION,
    source,
    playedUntil: {},
    ...createAccountState(balances),
  };
}

/** A copy the caller and the exchange cannot change for each other. */
export function copyPaperState(state: PaperState): PaperState {
  return { ...copyAccountState(state), playedUntil: { ...state.playedUntil } };
}

/** Takes in a (checked) state handed from outside: copied deeply, history frozen. */
export function adoptPaperState(state: PaperState): PaperState {
  return { ...adoptAccountState(state), playedUntil: { ...state.playedUntil } };
}
