/**
 * Live reads of the risk state for the UI, straight from IndexedDB so every tab sees them: the
 * latched circuit-breaker trips (kept in the settings table by the host) and the latest risk
 * events of all bots (refusals, resizes, protective exits, trips, kill switch), newest first.
 */
import type { BotEvent, BotEventType } from '../../core/bot/types';
import { RISK_TRIPS_KEY, type RiskTrip } from '../../host/riskSettings';
import { db } from '../db';
import { createLiveList, createLiveQuery, type LiveQuery } from '../liveQuery';

export const RISK_EVENT_TYPES: readonly BotEventType[] = [
  'risk_rejected',
  'risk_resized',
  'risk_exit',
  'risk_trip',
  'kill_switch',
];

/** The active (latched) trips, oldest first. */
export function createLiveRiskTrips(): LiveQuery<readonly RiskTrip[]> {
  return createLiveList(async () => {
    const row = await db.settings.get(RISK_TRIPS_KEY);
    return Array.isArray(row?.value) ? (row.value as RiskTrip[]) : [];
  }, 'id');
}

/** The latest `limit` risk events across bots, newest first. */
export function createRecentRiskEvents(limit = 10): LiveQuery<readonly BotEvent[]> {
  return createLiveQuery(async () => {
    const perType = await Promise.all(
      RISK_EVENT_TYPES.map((type) =>
        db.events.where('type').equals(type).reverse().limit(limit).toArray(),
      ),
    );
    return perType
      .flat()
      .sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0))
      .slice(0, limit);
  }, []);
}
