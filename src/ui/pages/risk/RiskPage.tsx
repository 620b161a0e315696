/**
 * The Risk page (#/risk): active circuit-breaker trips with their reset, the portfolio and
 * per-account breakers and what a trip does, and the account view of allocated vs free capital.
 * Per-bot rules (stop-loss, take-profit…) live in each bot's settings; docs/risk.md explains all.
 */
import { type JSX } from 'solid-js';
import { db } from '../../db';
import { useEngine } from '../../EngineProvider';
import { createLiveList } from '../../liveQuery';
import { usePageTitle } from '../../pageTitle';
import { createRiskSettingsStore } from '../../stores/createRiskSettingsStore';
import { createLiveRiskTrips } from '../../stores/riskQueries';
import { AccountAllocation } from './AccountAllocation';
import { ActiveTrips } from './ActiveTrips';
import { BreakerForm } from './BreakerForm';
import './risk.css';

export function RiskPage(): JSX.Element {
  usePageTitle(() => 'Risk');
  const { api } = useEngine();
  const accounts = createLiveList(() => db.accounts.toArray(), 'id');
  const trips = createLiveRiskTrips();
  const store = createRiskSettingsStore(api, () => accounts().map((account) => account.id));
  const accountName = (id: string): string =>
    accounts().find((account) => account.id === id)?.name ?? id;
  return (
    <section class="page risk-page">
      <h1 tabindex="-1">Risk</h1>
      <p class="muted">
        Circuit breakers watch the equity of each account and of the whole portfolio, outside any
        bot's strategy. Each bot's own stop-loss and limits are in its settings.
      </p>
      <ActiveTrips trips={trips()} loaded={trips.loaded()} />
      <section class="risk-section card" aria-labelledby="breakers-heading">
        <h2 id="breakers-heading" class="section-title">
          Circuit breakers
        </h2>
        {store.loadError() ? (
          <p class="form-error" role="alert">
            Could not load the risk settings: {store.loadError()}
          </p>
        ) : store.isReady() ? (
          <BreakerForm store={store} accounts={accounts()} />
        ) : (
          <p class="loading">Loading…</p>
        )}
      </section>
      <AccountAllocation accountName={accountName} />
    </section>
  );
}
