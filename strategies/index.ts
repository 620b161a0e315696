/** The catalogue of strategy templates the app offers, by id. */
import type { AnyStrategy } from '../src/core/strategy';
import bollingerMeanReversion from './bollingerMeanReversion';
import buyAndHold from './buyAndHold';
import dcaSafetyOrders from './dcaSafetyOrders';
import donchianBreakout from './donchianBreakout';
import emaCrossover from './emaCrossover';
import macdTrend from './macdTrend';
import recurringDca from './recurringDca';
import rsiMeanReversion from './rsiMeanReversion';
import smaCrossover from './smaCrossover';
import spotGrid from './spotGrid';
import supertrendTrend from './supertrendTrend';

/** Every template, in the order the UI lists them. */
export const STRATEGIES: readonly AnyStrategy[] = [
  smaCrossover,
  emaCrossover,
  macdTrend,
  rsiMeanReversion,
  bollingerMeanReversion,
  donchianBreakout,
  supertrendTrend,
  spotGrid,
  recurringDca,
  dcaSafetyOrders,
  buyAndHold,
];

/** The template with this id, or undefined (e.g. a bot saved by a newer version). */
export function getStrategy(id: string): AnyStrategy | undefined {
  return STRATEGIES.find((strategy) => strategy.id === id);
}
