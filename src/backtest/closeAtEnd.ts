/**
 * "Close the position at the end" for a run's summary: a position still open at the last
 * equity point is closed there, at that point's close and without a fee (exit reason "end"),
 * and the summary is computed again with that exit. The Report (runReport.ts) and the CLI
 * (`--close-at-end`) share it.
 */
import {
  summarizePerformance,
  type PerformanceSummary,
  type SummarizeInput,
} from '../core/analytics';
import type { Fill } from '../core/portfolio/types';

/** Client order id and trade id of the synthetic exit (its order is tagged "end"). */
export const END_EXIT_ID = 'close-at-end';

/**
 * The summary of `input`, and its fills: with `closeAtEnd` and a position open at the last
 * point, both include the synthetic exit.
 */
export function summarizeClosingAtEnd(
  input: SummarizeInput,
  closeAtEnd: boolean,
  quote: string,
): { summary: PerformanceSummary; fills: readonly Fill[] } {
  const summary = summarizePerformance(input);
  const { equity } = input;
  const { openPosition } = summary;
  const last = equity.length - 1;
  if (!closeAtEnd || openPosition === 0 || last < 0) return { summary, fills: input.fills };
  const exit: Fill = {
    tradeId: END_EXIT_ID,
    clientOrderId: END_EXIT_ID,
    time: equity.times[last] as number,
    side: openPosition > 0 ? 'sell' : 'buy',
    price: equity.prices[last] as number,
    amount: Math.abs(openPosition),
    fee: 0,
    feeCurrency: quote,
    takerOrMaker: 'taker',
  };
  const fills = [...input.fills, exit];
  const orders = [...(input.orders ?? []), { clientOrderId: END_EXIT_ID, tag: 'end' }];
  return { summary: summarizePerformance({ ...input, fills, orders }), fills };
}
