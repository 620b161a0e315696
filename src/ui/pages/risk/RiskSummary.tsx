/**
 * The dashboard's risk widgets: a summary card with the number of active circuit-breaker trips
 * (linking to the Risk page), and the "Recent risk events" panel listing the latest refusals,
 * resizes, protective exits, trips and kill-switch actions across bots.
 */
import { For, Show, type JSX } from 'solid-js';
import type { Bot, BotEventType } from '../../../core/bot/types';
import { EmptyState } from '../../components/EmptyState';
import { formatDateTime, isoTime } from '../../format';
import { href } from '../../router';
import { createLiveRiskTrips, createRecentRiskEvents } from '../../stores/riskQueries';
import './risk.css';

const LABELS: Partial<Record<BotEventType, string>> = {
  risk_rejected: 'Refused by risk rule',
  risk_resized: 'Resized by risk rule',
  risk_exit: 'Protective exit',
  risk_trip: 'Circuit breaker',
  kill_switch: 'Kill switch',
};

export function RiskTripsCard(): JSX.Element {
  const trips = createLiveRiskTrips();
  return (
    <div class="card summary-card">
      <h3 class="card-label">Risk trips</h3>
      <p class="card-value risk-trip-count" data-active={trips().length > 0 ? 'true' : 'false'}>
        <a href={href('/risk')}>
          {trips().length === 0
            ? 'None active'
            : `${trips().length} active trip${trips().length === 1 ? '' : 's'}`}
        </a>
      </p>
    </div>
  );
}

export function RecentRiskEvents(props: { bots: readonly Bot[] }): JSX.Element {
  const events = createRecentRiskEvents(10);
  const nameOf = (botId: string): string =>
    props.bots.find((bot) => bot.id === botId)?.config.name ?? botId;
  return (
    <section class="card risk-events-panel" aria-labelledby="risk-events-heading">
      <h2 id="risk-events-heading" class="section-title">
        Recent risk events
      </h2>
      <Show when={events.loaded()} fallback={<p class="loading">Loading…</p>}>
        <Show when={events().length > 0} fallback={<EmptyState message="No risk events yet" />}>
          <ul class="risk-events">
            <For each={events()}>
              {(event) => (
                <li data-type={event.type}>
                  <div class="event-head">
                    <a href={href(`/bots/${encodeURIComponent(event.botId)}`)}>
                      {nameOf(event.botId)}
                    </a>
                    <span class="event-type" data-type={event.type}>
                      {LABELS[event.type] ?? event.type}
                    </span>
                    <time class="muted" datetime={isoTime(event.time)}>
                      {formatDateTime(event.time)}
                    </time>
                  </div>
                  <p class="message">{event.message}</p>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
    </section>
  );
}
