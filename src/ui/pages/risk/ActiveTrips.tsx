/**
 * The active circuit-breaker trips on the Risk page: what tripped, when, why and the figures
 * behind it, what it did, and a Reset button that asks for confirmation before new entries are
 * allowed again.
 */
import { createSignal, For, Show, type JSX } from 'solid-js';
import { BREAKER_LABELS, type RiskTrip } from '../../../host/riskSettings';
import { Dialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { useEngine } from '../../EngineProvider';
import { formatDateTime, formatNumber, isoTime } from '../../format';
import { createCommandRunner } from '../../stores/createCommandRunner';

const FIGURE_LABELS: Record<string, string> = {
  equity: 'Equity',
  peak: 'Peak equity',
  drawdownPercent: 'Drawdown (%)',
  dayStartEquity: 'Equity at day start',
  loss: 'Loss today',
  lossPercent: 'Loss today (%)',
  limitPercent: 'Limit (%)',
  limitQuote: 'Limit (quote)',
};

export const tripTitle = (trip: RiskTrip): string =>
  `${trip.scopeName} ${BREAKER_LABELS[trip.kind]}`;

function TripCard(props: { trip: RiskTrip; onReset: (trip: RiskTrip) => void }): JSX.Element {
  const figures = () =>
    Object.entries(props.trip.figures).filter(([key]) => FIGURE_LABELS[key] !== undefined);
  return (
    <li class="card risk-trip" aria-labelledby={`trip-${props.trip.id}`}>
      <h3 id={`trip-${props.trip.id}`} class="risk-trip-title">
        {tripTitle(props.trip)} tripped
      </h3>
      <p class="muted">
        <time datetime={isoTime(props.trip.time)}>{formatDateTime(props.trip.time)}</time> ·{' '}
        {props.trip.action === 'stop_bots' ? 'Bots stopped' : 'New entries halted'}
      </p>
      <p>{props.trip.reason}</p>
      <dl class="risk-figures">
        <For each={figures()}>
          {([key, value]) => (
            <div>
              <dt>{FIGURE_LABELS[key]}</dt>
              <dd>{formatNumber(value)}</dd>
            </div>
          )}
        </For>
      </dl>
      <div class="button-row">
        <button type="button" class="button" onClick={() => props.onReset(props.trip)}>
          Reset
          <span class="visually-hidden"> {tripTitle(props.trip)}</span>
        </button>
      </div>
    </li>
  );
}

export function ActiveTrips(props: { trips: readonly RiskTrip[]; loaded: boolean }): JSX.Element {
  const { api } = useEngine();
  const runner = createCommandRunner();
  const [pending, setPending] = createSignal<RiskTrip>();

  const confirm = async (): Promise<void> => {
    const trip = pending();
    setPending(undefined);
    if (!trip) return;
    await runner.run(
      'Reset',
      () => api.resetRiskTrip(trip.id),
      `${tripTitle(trip)} reset: new entries are allowed again.`,
    );
  };

  return (
    <section class="risk-section" aria-labelledby="trips-heading">
      <h2 id="trips-heading" class="section-title">
        Active trips
      </h2>
      <Show when={runner.error()}>
        {(message) => (
          <p class="form-error" role="alert">
            {message()}
          </p>
        )}
      </Show>
      <Show when={props.loaded} fallback={<p class="loading">Loading…</p>}>
        <Show
          when={props.trips.length > 0}
          fallback={<EmptyState message="No circuit breaker has tripped" />}
        >
          <ul class="risk-trips">
            <For each={props.trips}>
              {(trip) => <TripCard trip={trip} onReset={(chosen) => setPending(chosen)} />}
            </For>
          </ul>
        </Show>
      </Show>
      <Dialog
        open={pending() !== undefined}
        title="Reset this circuit breaker?"
        onClose={() => setPending(undefined)}
      >
        <p>
          {pending() ? tripTitle(pending() as RiskTrip) : ''}: the breaker starts afresh from now
          and the bots may open new positions again. Bots it stopped stay stopped.
        </p>
        <div class="button-row">
          <button type="button" class="button button-primary" onClick={() => void confirm()}>
            Reset breaker
          </button>
          <button type="button" class="button" onClick={() => setPending(undefined)}>
            Cancel
          </button>
        </div>
      </Dialog>
    </section>
  );
}
